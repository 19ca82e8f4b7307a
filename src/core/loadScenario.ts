// From the bytes of a scenario file to a runnable model: decode, parse, validate, compile.
// The one entry point the CLI, the library screen and the editor use to open a scenario.
import { fileTooLarge, MAX_FILE_BYTES, parseJson } from './json.ts'
import { compileScenario, type Model } from './model.ts'
import type { Outcome } from './problems.ts'
import { ExpressionCache } from './scope.ts'
import { sha256Hex } from './sha256.ts'
import { validateScenario } from './validateScenario.ts'

/** Text from UTF-8 bytes, refusing bytes that are not UTF-8. Pure. */
export function decodeUtf8(bytes: Uint8Array): Outcome<string> {
  try {
    return {
      ok: true,
      value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    }
  } catch {
    return {
      ok: false,
      problems: [{ path: '(file)', message: 'the file is not UTF-8 text; save it as UTF-8' }],
    }
  }
}

/** Loads a scenario file (its bytes, or its text) into a model, or every problem with it. Pure. */
export function loadScenario(file: Uint8Array | string): Outcome<Model> {
  if (file.length > MAX_FILE_BYTES) return fileTooLarge()
  const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file
  const text = typeof file === 'string' ? { ok: true as const, value: file } : decodeUtf8(file)
  if (!text.ok) return text
  const json = parseJson(text.value)
  if (!json.ok) return json
  const cache = new ExpressionCache()
  const valid = validateScenario(json.value, cache)
  if (!valid.ok) return valid
  return { ok: true, value: compileScenario(valid.value, sha256Hex(bytes), cache) }
}
