// The command line over the engine (spec section 7): validate, score, solve.
// Reads files, prints results; every decision is the engine's.
import { readFileSync } from 'node:fs'
import {
  formatProblem,
  loadScenario,
  MAX_FILE_BYTES,
  parseAttempt,
  decodeUtf8,
  scoreAttempt,
  solve,
  type Model,
  type Outcome,
  type Problem,
} from '../core/index.ts'

const USAGE = `usage: npm run -s cli -- <command> …
  validate FILE…             check scenario files
  score SCENARIO ATTEMPT     print the result of an attempt as JSON
  solve SCENARIO             print an assessment-mode attempt that completes every step`

interface Io {
  out(text: string): void
  err(text: string): void
}

/** Reads a file's bytes, or says plainly why it cannot be read. */
function readBytes(path: string): Outcome<Uint8Array> {
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

function report(io: Io, file: string, problems: readonly Problem[]): void {
  for (const p of problems) io.err(`${file}: ${formatProblem(p)}`)
}

function openScenario(io: Io, file: string): Model | undefined {
  const bytes = readBytes(file)
  const model = bytes.ok ? loadScenario(bytes.value) : bytes
  if (!model.ok) {
    report(io, file, model.problems)
    return undefined
  }
  return model.value
}

function validate(io: Io, files: string[]): number {
  let status = 0
  for (const file of files) {
    // `validate scenarios/*.json` also names the published JSON Schema, which is no scenario
    if (file.endsWith('.schema.json'))
      io.out(`${file}: skipped (the JSON Schema of scenario files, not a scenario)`)
    else if (openScenario(io, file)) io.out(`${file}: valid`)
    else status = 1
  }
  return status
}

function score(io: Io, scenarioFile: string, attemptFile: string): number {
  const model = openScenario(io, scenarioFile)
  if (!model) return 1
  const bytes = readBytes(attemptFile)
  const text = bytes.ok
    ? bytes.value.length > MAX_FILE_BYTES
      ? bytes
      : decodeUtf8(bytes.value)
    : bytes
  const attempt = text.ok ? parseAttempt(typeof text.value === 'string' ? text.value : '') : text
  if (!attempt.ok) {
    report(io, attemptFile, attempt.problems)
    return 1
  }
  const result = scoreAttempt(model, attempt.value)
  if (!result.ok) {
    report(io, attemptFile, result.problems)
    return 1
  }
  io.out(JSON.stringify(result.value, null, 2))
  return 0
}

function solveCommand(io: Io, scenarioFile: string): number {
  const model = openScenario(io, scenarioFile)
  if (!model) return 1
  const solved = solve(model)
  if (!solved.ok) {
    io.err(`unsolvable: ${solved.reason}`)
    return 1
  }
  io.out(JSON.stringify(solved.attempt, null, 2))
  return 0
}

/** Runs one command line; returns the exit status. */
export function runCli(args: readonly string[], io: Io): number {
  const [command, ...rest] = args
  if (command === 'validate' && rest.length > 0) return validate(io, rest)
  if (command === 'score' && rest.length === 2) return score(io, rest[0]!, rest[1]!)
  if (command === 'solve' && rest.length === 1) return solveCommand(io, rest[0]!)
  io.err(
    command === undefined || command === 'help' || command === '--help'
      ? USAGE
      : `unknown command or wrong arguments: ${args.join(' ')}\n${USAGE}`,
  )
  return 2
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  try {
    process.exitCode = runCli(process.argv.slice(2), {
      out: (text) => process.stdout.write(text + '\n'),
      err: (text) => process.stderr.write(text + '\n'),
    })
  } catch (e) {
    process.stderr.write(
      `internal error: ${(e as Error).message} (this is a bug in Practica; please report it with the files you used)\n`,
    )
    process.exitCode = 3
  }
}
