// From the bytes of a scenario file to a runnable model: read, validate, compile.
// The one entry point the CLI, the library screen, the review import and the editor use.
import { SCENARIO_FORMAT, detectFormat, wrongFormat } from './formats.ts'
import { readJsonFile, type JsonValue } from './json.ts'
import { compileScenario, type Model } from './model.ts'
import type { Outcome } from './problems.ts'
import { ExpressionCache } from './scope.ts'
import { sha256Hex } from './sha256.ts'
import { validateScenario, type ValidateOptions } from './validateScenario.ts'

/**
 * Loads a scenario file (its bytes, or its text) into a model, or every problem with it. Looks
 * are checked against the catalogue unless `options.looks` is `form` (tools that only score). Pure.
 */
export function loadScenario(file: Uint8Array | string, options?: ValidateOptions): Outcome<Model> {
  const json = readJsonFile(file)
  return json.ok ? loadScenarioJson(json.value, file, options) : json
}

/**
 * Loads a scenario from the JSON `readJsonFile` read from `file`, for callers that looked at the
 * JSON first (to tell its format). An attempt or result file is refused as such. Pure.
 */
export function loadScenarioJson(
  json: JsonValue,
  file: Uint8Array | string,
  options?: ValidateOptions,
): Outcome<Model> {
  const format = detectFormat(json)
  if (format === 'attempt' || format === 'result') return wrongFormat(SCENARIO_FORMAT)
  const cache = new ExpressionCache()
  const valid = validateScenario(json, cache, options)
  if (!valid.ok) return valid
  const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file
  return { ok: true, value: compileScenario(valid.value, sha256Hex(bytes), cache) }
}
