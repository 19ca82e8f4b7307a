// `npm run -s cli -- server <subcommand>`: work on the server's database from the command line
// (the same folder or DATABASE_URL the server uses; stop an embedded-database server first).
// Each subcommand is one entry of SERVER_COMMANDS.
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { ConfigError, readConfig } from '../server/config.ts'
import { FolderLockedError } from '../server/db/lock.ts'
import type { OpenDatabase } from '../server/db/open.ts'
import { ApiError } from '../server/http/errors.ts'
import { createStaff, newStaffSchema } from '../server/people/users.ts'
import type { Io } from './files.ts'

/** The command line's outputs, its environment, and a way to ask for a secret without echo. */
export interface ServerIo extends Io {
  readonly env: NodeJS.ProcessEnv
  /** reads one line (a password) from the terminal without showing it, or from piped input */
  readSecret(prompt: string): Promise<string | undefined>
}

export interface ServerSubcommand {
  /** one line for the usage text: arguments and what it does */
  readonly usage: string
  run(args: readonly string[], io: ServerIo): Promise<number>
}

/** Opens the server's database as configured by the environment; says plainly why it cannot. */
async function openConfigured(io: ServerIo): Promise<OpenDatabase | undefined> {
  // loaded here, not at the CLI's start: the database drivers are only for these commands
  const { MigrationError, openDatabase } = await import('../server/db/open.ts')
  try {
    const config = readConfig(io.env)
    return await openDatabase({ url: config.databaseUrl, dir: config.dataDir })
  } catch (e) {
    if (e instanceof ConfigError || e instanceof FolderLockedError || e instanceof MigrationError) {
      io.err(`server: ${e.message}`)
      return undefined
    }
    throw e
  }
}

const addUser: ServerSubcommand = {
  usage:
    'add-user --role admin|instructor|assessor --login LOGIN --name "FULL NAME"\n' +
    '                             add a staff account; the password comes from PRACTICA_PASSWORD\n' +
    '                             or is asked for (never on the command line)',
  async run(args, io) {
    let values: Record<string, string | boolean | undefined>
    try {
      ;({ values } = parseArgs({
        args: [...args],
        options: { role: { type: 'string' }, login: { type: 'string' }, name: { type: 'string' } },
        allowPositionals: false,
        strict: true,
      }))
    } catch (e) {
      if (args.some((a) => a === '--password' || a.startsWith('--password='))) {
        io.err(
          'server add-user: a password on the command line would stay in the shell history; set PRACTICA_PASSWORD or type it when asked.',
        )
        return 2
      }
      io.err(`server add-user: ${(e as Error).message}\nusage: server ${addUser.usage}`)
      return 2
    }
    const missing = ['role', 'login', 'name'].filter((k) => typeof values[k] !== 'string')
    if (missing.length > 0) {
      io.err(
        `server add-user: say ${missing.map((k) => `--${k}`).join(', ')}\nusage: server ${addUser.usage}`,
      )
      return 2
    }
    const password =
      io.env['PRACTICA_PASSWORD'] || (await io.readSecret(`Password for ${String(values.login)}: `))
    if (!password) {
      io.err('server add-user: no password (set PRACTICA_PASSWORD, or type it when asked).')
      return 2
    }
    const parsed = newStaffSchema.safeParse({ ...values, password })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      io.err(`server add-user: --${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'wrong'}.`)
      return 2
    }
    const database = await openConfigured(io)
    if (!database) return 1
    try {
      const staff = await createStaff(database.db, parsed.data, new Date())
      io.out(
        `Added the ${staff.role} "${staff.login}" (${staff.name}). They sign in with this login name at the server's address.`,
      )
      return 0
    } catch (e) {
      if (e instanceof ApiError) {
        io.err(`server add-user: ${e.message}`)
        return 1
      }
      throw e
    } finally {
      await database.close()
    }
  },
}

/** The server subcommands, by name. */
export const SERVER_COMMANDS: Readonly<Record<string, ServerSubcommand>> = {
  'add-user': addUser,
}

/** Usage lines of the server subcommands, for the CLI's usage text. */
export function serverUsage(): string {
  return Object.values(SERVER_COMMANDS)
    .map((c) => `  server ${c.usage}`)
    .join('\n')
}

/** Runs `server <subcommand> …`; returns the exit status. */
export async function serverCommand(args: readonly string[], io: ServerIo): Promise<number> {
  const [name, ...rest] = args
  const command = name !== undefined ? SERVER_COMMANDS[name] : undefined
  if (!command || !Object.hasOwn(SERVER_COMMANDS, name ?? '')) {
    io.err(
      `${name === undefined ? 'server: say which server command' : `server: unknown command "${name}"`}\nusage:\n${serverUsage()}`,
    )
    return 2
  }
  return command.run(rest, io)
}

/** Reads a secret from standard input: unechoed from a terminal (asked twice), else one line. */
export async function readSecretFromStdin(prompt: string): Promise<string | undefined> {
  const terminal = process.stdin.isTTY === true
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() })
  const ask = (question: string) =>
    new Promise<string | undefined>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: muted, terminal })
      let answered = false
      process.stderr.write(question)
      rl.once('line', (line) => {
        answered = true
        rl.close()
        resolve(line)
      })
      rl.once('close', () => {
        if (terminal) process.stderr.write('\n')
        if (!answered) resolve(undefined)
      })
    })
  const first = await ask(prompt)
  if (!terminal || first === undefined) return first
  const again = await ask('The same password again: ')
  if (again !== first) {
    process.stderr.write('The two passwords differ.\n')
    return undefined
  }
  return first
}
