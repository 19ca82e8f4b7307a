// The command line over the engine (spec section 7): validate, score, solve, export.
// Reads files, prints results; every decision is the engine's.
import { parseArgs } from 'node:util'
import { formatPath, scoreAttempt, solve, type Model } from '../core/index.ts'
import { exportCommand } from './export.ts'
import { EXPORT_DATABASE_USAGE, exportFromDatabase, wantsDatabase } from './exportDatabase.ts'
import { openAttempt, openScenario, reportScoring, type Io } from './files.ts'
import { readSecretFromStdin, serverCommand, serverUsage, type ServerIo } from './server.ts'
import { VERIFY_USAGE, verifyCommand } from './verify.ts'
import { PACKAGE_USAGE, packageCommand } from '../package/node/command.ts'

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
                             print the scenario's competencies as a Moodle framework (CSV)
  ${EXPORT_DATABASE_USAGE}
  ${VERIFY_USAGE}
  ${PACKAGE_USAGE}
${serverUsage()}`

/** The options any command accepts; which command may use which is checked by the command. */
const OPTIONS = { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const

/** A command line split by `parseArgs`: the command, its files, and its options. */
export interface CommandLine {
  readonly command: string | undefined
  readonly files: readonly string[]
  /** The value of `--format`; undefined when it is not given, or given without a value. */
  readonly format: string | undefined
  /** Whether `--format` was given at all. */
  readonly formatGiven: boolean
  /** The first option given that no command knows, e.g. `--lang`. */
  readonly unknownOption: string | undefined
  readonly help: boolean
}

/** Splits a command line with `node:util` `parseArgs`; never throws. */
export function parseCommandLine(args: readonly string[]): CommandLine {
  // not strict: an unknown option is reported by the command, with its usage, not thrown
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  })
  const unknown = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(OPTIONS, t.name))
  return {
    command: positionals[0],
    files: positionals.slice(1),
    format: typeof values.format === 'string' ? values.format : undefined,
    unknownOption: unknown?.kind === 'option' ? unknown.rawName : undefined,
    formatGiven: values.format !== undefined,
    help: values.help === true,
  }
}

function validate(io: Io, files: readonly string[]): number {
  let status = 0
  for (const file of files) {
    // `validate scenarios/*.json` also names the published JSON Schema, which is no scenario
    if (file.endsWith('.schema.json'))
      io.out(`${file}: skipped (the JSON Schema of scenario files, not a scenario)`)
    else if (openScenario(io, file, 'catalogue')) io.out(`${file}: valid`)
    else status = 1
  }
  return status
}

function score(io: Io, scenarioFile: string, attemptFiles: readonly string[]): number {
  const model = openScenario(io, scenarioFile, 'form')
  return model ? scoreFiles(io, model, scenarioFile, attemptFiles) : 1
}

/**
 * Scores each attempt file against an opened scenario, printing one result each; `score` after
 * it has opened the scenario. Returns 1 if any attempt was refused, else 0.
 */
export function scoreFiles(
  io: Io,
  model: Model,
  scenarioFile: string,
  attemptFiles: readonly string[],
): number {
  let status = 0
  for (const file of attemptFiles) {
    const attempt = openAttempt(io, file)
    const result = attempt && scoreAttempt(model, attempt)
    if (!result) status = 1
    else if (!result.ok) {
      reportScoring(io, { scenario: scenarioFile, attempt: file }, result.problems)
      status = 1
    }
    // several results stream as JSON Lines, so memory stays flat however many attempts there are
    else io.out(JSON.stringify(result.value, null, attemptFiles.length === 1 ? 2 : undefined))
  }
  return status
}

function solveCommand(io: Io, scenarioFile: string): number {
  const model = openScenario(io, scenarioFile, 'form')
  if (!model) return 1
  const solved = solve(model)
  if (solved.ok) {
    io.out(JSON.stringify(solved.attempt, null, 2))
    return 0
  }
  // a mistake met while searching is the scenario file's, named where it is written
  const { mistake } = solved
  io.err(
    mistake
      ? `${scenarioFile}: ${formatPath(mistake.path)}: ${mistake.message}`
      : `unsolvable: ${solved.reason}`,
  )
  return 1
}

/** Runs one command line; returns the exit status. */
export function runCli(args: readonly string[], io: Io): number {
  const line = parseCommandLine(args)
  const { command, files } = line
  const plain = line.unknownOption === undefined && !line.help && !line.formatGiven
  if (command === 'export') return exportCommand(io, line, USAGE)
  if (plain && command === 'validate' && files.length > 0) return validate(io, files)
  if (plain && command === 'score' && files.length >= 2) return score(io, files[0]!, files.slice(1))
  if (plain && command === 'solve' && files.length === 1) return solveCommand(io, files[0]!)
  io.err(
    command === undefined || command === 'help' || line.help
      ? USAGE
      : `unknown command or wrong arguments: ${args.join(' ')}\n${USAGE}`,
  )
  return 2
}

/** Runs a command line, the server's commands (which work on its database) included. */
export async function runCommandLine(args: readonly string[], io: ServerIo): Promise<number> {
  if (args[0] === 'server') return serverCommand(args.slice(1), io)
  if (args[0] === 'verify') return verifyCommand(args.slice(1), io, USAGE)
  if (args[0] === 'package') return packageCommand(args.slice(1), io, USAGE)
  if (args[0] === 'export' && wantsDatabase(args.slice(1)))
    return exportFromDatabase(args.slice(1), io)
  return runCli(args, io)
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  const internalError = (e: unknown) => {
    process.stderr.write(
      `internal error: ${(e as Error).message} (this is a bug in Practica; please report it with the files you used)\n`,
    )
    process.exitCode = 3
  }
  void runCommandLine(process.argv.slice(2), {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    write: (text) => process.stdout.write(text),
    env: process.env,
    readSecret: readSecretFromStdin,
  }).then((status) => (process.exitCode = status), internalError)
}
