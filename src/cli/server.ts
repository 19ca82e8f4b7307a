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

/**
 * A subcommand over one FILE argument and the configured database (backup, restore, export,
 * import): refuses a wrong command line, and says OpsError and set-up mistakes plainly.
 */
function fileCommand(
  name: string,
  usage: string,
  run: (file: string, io: ServerIo) => Promise<string>,
): ServerSubcommand {
  return {
    usage: `${name} FILE\n${' '.repeat(29)}${usage}`,
    async run(args, io) {
      if (args.length !== 1 || args[0]!.startsWith('-')) {
        io.err(`server ${name}: say one FILE\nusage: server ${name} FILE`)
        return 2
      }
      const { OpsError } = await import('../server/ops/backup.ts')
      try {
        io.out(await run(args[0]!, io))
        return 0
      } catch (e) {
        if (e instanceof OpsError || e instanceof ConfigError || e instanceof FolderLockedError) {
          io.err(`server ${name}: ${e.message}`)
          return 1
        }
        throw e
      }
    },
  }
}

/** The database the environment names, without opening it (backups work on it whole). */
function configuredTarget(io: ServerIo) {
  const config = readConfig(io.env)
  return { url: config.databaseUrl, dir: config.dataDir }
}

const backupCommand = fileCommand(
  'backup',
  'write a backup of the whole database: pg_dump format on PostgreSQL,\n' +
    "                             PGlite's dump for the embedded one (stop its server first)",
  async (file, io) => {
    const { backup } = await import('../server/ops/backup.ts')
    await backup(configuredTarget(io), file)
    return `Backed up the database to ${file}.`
  },
)

const restoreCommand = fileCommand(
  'restore',
  'restore a backup made by "server backup" (the embedded database keeps\n' +
    '                             the folder it replaces, renamed)',
  async (file, io) => {
    const { restore } = await import('../server/ops/backup.ts')
    const kept = await restore(configuredTarget(io), file)
    return `Restored ${file}.` + (kept ? ` The database it replaced is kept in ${kept}.` : '')
  },
)

/** Runs `work` on the configured database; OpsError if it cannot be opened (said already). */
async function withDatabase<T>(
  io: ServerIo,
  work: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  const { OpsError } = await import('../server/ops/backup.ts')
  const database = await openConfigured(io)
  if (!database) throw new OpsError('the database could not be opened (see above).')
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ')

const exportCommand = fileCommand(
  'export',
  "write every table's rows (JSON Lines): moves a school to another\n" +
    '                             database with "server import"',
  (file, io) =>
    withDatabase(io, async ({ db }) => {
      const { exportData } = await import('../server/ops/logical.ts')
      return `Exported to ${file}: ${counted(await exportData(db, file))}.`
    }),
)

const importCommand = fileCommand(
  'import',
  'read an export into this database, which must be new and empty',
  (file, io) =>
    withDatabase(io, async ({ db }) => {
      const { importData } = await import('../server/ops/logical.ts')
      return `Imported ${file}: ${counted(await importData(db, file))}.`
    }),
)

/** The server subcommands, by name. */
export const SERVER_COMMANDS: Readonly<Record<string, ServerSubcommand>> = {
  'add-user': addUser,
  backup: backupCommand,
  restore: restoreCommand,
  export: exportCommand,
  import: importCommand,
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
