// The command line over the engine (spec section 7): validate, score, solve, export.
// Reads files, prints results; every decision is the engine's.
import { scoreAttempt, solve } from '../core/index.ts'
import { exportCommand } from './export.ts'
import { openAttempt, openScenario, report, type Io } from './files.ts'

const USAGE = `usage: npm run -s cli -- <command> …
  validate FILE…             check scenario files
  score SCENARIO ATTEMPT…    print the result of an attempt as JSON; of several attempts,
                             one result per line (JSON Lines), scored one at a time
  solve SCENARIO             print an assessment-mode attempt that completes every step
  export --format csv|xapi|json SCENARIO ATTEMPT…
                             print the attempts' gradebook (CSV), xAPI statements (a JSON
                             array) or results (JSON: one result, or an array of several);
                             prints nothing if any attempt is refused
  export --format moodle SCENARIO
                             print the scenario's competencies as a Moodle framework (CSV)`

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

function score(io: Io, scenarioFile: string, attemptFiles: readonly string[]): number {
  const model = openScenario(io, scenarioFile)
  if (!model) return 1
  let status = 0
  for (const file of attemptFiles) {
    const attempt = openAttempt(io, file)
    const result = attempt && scoreAttempt(model, attempt)
    if (!result) status = 1
    else if (!result.ok) {
      report(io, file, result.problems)
      status = 1
    }
    // several results stream as JSON Lines, so memory stays flat however many attempts there are
    else io.out(JSON.stringify(result.value, null, attemptFiles.length === 1 ? 2 : undefined))
  }
  return status
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
  if (command === 'score' && rest.length >= 2) return score(io, rest[0]!, rest.slice(1))
  if (command === 'solve' && rest.length === 1) return solveCommand(io, rest[0]!)
  if (command === 'export') return exportCommand(io, rest, USAGE)
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
      write: (text) => process.stdout.write(text),
    })
  } catch (e) {
    process.stderr.write(
      `internal error: ${(e as Error).message} (this is a bug in Practica; please report it with the files you used)\n`,
    )
    process.exitCode = 3
  }
}
