// Opening the user's files for the commands: read, decode, parse, and report what is wrong as
// `FILE: json.path: message` lines. Every check is the engine's.
import { readFileSync } from 'node:fs'
import {
  decodeUtf8,
  formatProblem,
  loadScenario,
  MAX_FILE_BYTES,
  parseAttempt,
  type Attempt,
  type Model,
  type Outcome,
  type Problem,
} from '../core/index.ts'

/** Where a command writes: `out` and `err` print a line, `write` prints text as it is. */
export interface Io {
  out(text: string): void
  err(text: string): void
  write(text: string): void
}

/** Reads a file's bytes, or says plainly why it cannot be read. */
export function readBytes(path: string): Outcome<Uint8Array> {
  try {
    return { ok: true, value: readFileSync(path) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String((e as Error).message)
    return { ok: false, problems: [{ path: '(file)', message: `cannot read it: ${why}` }] }
  }
}

/** Prints each problem as `FILE: path: message` on stderr. */
export function report(io: Io, file: string, problems: readonly Problem[]): void {
  for (const p of problems) io.err(`${file}: ${formatProblem(p)}`)
}

/** The scenario in a file, or undefined after reporting what is wrong with it. */
export function openScenario(io: Io, file: string): Model | undefined {
  const bytes = readBytes(file)
  const model = bytes.ok ? loadScenario(bytes.value) : bytes
  if (!model.ok) {
    report(io, file, model.problems)
    return undefined
  }
  return model.value
}

/** The attempt in a file, or undefined after reporting what is wrong with it. */
export function openAttempt(io: Io, file: string): Attempt | undefined {
  const bytes = readBytes(file)
  const text = bytes.ok
    ? bytes.value.length > MAX_FILE_BYTES
      ? bytes
      : decodeUtf8(bytes.value)
    : bytes
  const attempt = text.ok ? parseAttempt(typeof text.value === 'string' ? text.value : '') : text
  if (!attempt.ok) {
    report(io, file, attempt.problems)
    return undefined
  }
  return attempt.value
}
