// Opening the user's files for the commands: read them, hand the bytes to the engine, and report
// what is wrong as `FILE: json.path: message` lines. Every check is the engine's.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import {
  formatProblem,
  loadAttempt,
  loadScenario,
  MAX_FILE_BYTES,
  refuse,
  type Attempt,
  type LooksCheck,
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

/**
 * Reads a file's bytes, or says plainly why it cannot be read. Reads at most one byte more than
 * the engine accepts, so that a huge file is refused by the engine's size check, not read whole.
 */
export function readBytes(path: string): Outcome<Uint8Array> {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const buffer = new Uint8Array(Math.min(fstatSync(fd).size, MAX_FILE_BYTES) + 1)
    let length = 0
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null)
    return { ok: true, value: buffer.subarray(0, length) }
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
    return refuse('file.unreadable', { reason: why })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Prints each problem as `FILE: path: message` on stderr. */
export function report(io: Io, file: string, problems: readonly Problem[]): void {
  for (const p of problems) io.err(`${file}: ${formatProblem(p)}`)
}

/**
 * Prints why an attempt could not be scored: a mistake of the scenario met while running it is
 * the scenario file's (at its path in that file), anything else the attempt file's.
 */
export function reportScoring(
  io: Io,
  files: { scenario: string; attempt: string },
  problems: readonly Problem[],
): void {
  for (const p of problems)
    io.err(`${p.code === 'scenario.runtime' ? files.scenario : files.attempt}: ${formatProblem(p)}`)
}

/** What `load` makes of a file's bytes, or undefined after reporting what is wrong with it. */
function openWith<T>(io: Io, file: string, load: (bytes: Uint8Array) => Outcome<T>): T | undefined {
  const bytes = readBytes(file)
  const loaded = bytes.ok ? load(bytes.value) : bytes
  if (!loaded.ok) {
    report(io, file, loaded.problems)
    return undefined
  }
  return loaded.value
}

/**
 * The scenario in a file, or undefined after reporting what is wrong with it. `validate` checks
 * its looks against the catalogue; `score`, `export` and `solve`, which only run and score it,
 * check their form only (`LooksCheck`), so that a scenario made for a tool that knows more looks
 * is scored all the same.
 */
export function openScenario(
  io: Io,
  file: string,
  looks: LooksCheck = 'catalogue',
): Model | undefined {
  return openWith(io, file, (bytes) => loadScenario(bytes, { looks }))
}

/** The attempt in a file, or undefined after reporting what is wrong with it. */
export function openAttempt(io: Io, file: string): Attempt | undefined {
  return openWith(io, file, loadAttempt)
}
