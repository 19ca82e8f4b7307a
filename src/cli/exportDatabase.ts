// `npm run -s cli -- export --db …`: a class's (or one assignment's) export straight from a
// Practica server's database — PostgreSQL by URL, or the embedded database in a data folder,
// which must not be in use by a running server (the folder's lock says so). The export itself is
// the server's (review/export.ts), which formats with the same functions as the file export.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { FolderLockedError } from '../server/db/lock.ts'
import { openDatabase, type OpenDatabase } from '../server/db/open.ts'
import { ApiError } from '../server/http/errors.ts'
import { exportClass } from '../server/review/export.ts'
import { EXPORT_FORMATS, type ExportFormat } from '../core/index.ts'
import type { Io } from './files.ts'

export const EXPORT_DATABASE_USAGE = `export --db POSTGRES-URL|DATA-FOLDER --class CODE [--assignment ID] --format csv|xapi|json|moodle
                             print a class's (or one assignment's) gradebook, xAPI statements,
                             results or Moodle framework straight from a server's database`

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether the arguments after `export` ask for an export from a database (`--db`). */
export function wantsDatabase(args: readonly string[]): boolean {
  return args.some((a) => a === '--db' || a.startsWith('--db='))
}

/** The options of `export --db`, or the usage error that stops it. */
function parseOptions(
  args: readonly string[],
):
  | { db: string; classCode: string; assignment: string | undefined; format: ExportFormat }
  | { usage: string } {
  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: [...args],
      options: {
        db: { type: 'string' },
        class: { type: 'string' },
        assignment: { type: 'string' },
        format: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }))
  } catch (e) {
    return { usage: `export --db: ${(e as Error).message}` }
  }
  if (positionals.length > 0)
    return {
      usage: `export --db takes no files ("${positionals[0]}"): the attempts come from the database`,
    }
  const missing = ['db', 'class', 'format'].filter((k) => typeof values[k] !== 'string')
  if (missing.length > 0)
    return { usage: `export --db: say ${missing.map((k) => `--${k}`).join(', ')}` }
  const format = values['format'] as string
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    return { usage: `export: unknown format "${format}" (use one of ${EXPORT_FORMATS.join(', ')})` }
  return {
    db: values['db'] as string,
    classCode: (values['class'] as string).trim().toUpperCase(),
    assignment: values['assignment'] as string | undefined,
    format: format as ExportFormat,
  }
}

/** Opens the database named by `--db`, or says plainly why it cannot. */
async function open(io: Io, db: string): Promise<OpenDatabase | undefined> {
  const isUrl = /^postgres(ql)?:\/\//.test(db)
  if (!isUrl && !existsSync(join(db, 'pglite'))) {
    io.err(
      `export: "${db}" holds no Practica database (no pglite folder in it); give the server's data folder or a postgres:// URL.`,
    )
    return undefined
  }
  try {
    return await openDatabase(isUrl ? { url: db } : { dir: db })
  } catch (e) {
    if (e instanceof FolderLockedError) {
      const owner = /process (\d+)/.exec(e.message)?.[1]
      io.err(
        `export: a running Practica server${owner ? ` (process ${owner})` : ''} is using the data folder "${db}", and its database cannot be opened twice. ` +
          'Stop the server first, or download the export from the running server (the review screen).',
      )
      return undefined
    }
    io.err(`export: cannot open the database: ${(e as Error).message}`)
    return undefined
  }
}

/**
 * Runs `export --db …` (the arguments after `export`): prints the export on stdout. Returns the
 * exit status: 0 exported, 1 refused (the database, class or assignment; the message on stderr),
 * 2 usage.
 */
export async function exportFromDatabase(args: readonly string[], io: Io): Promise<number> {
  const options = parseOptions(args)
  if ('usage' in options) {
    io.err(`${options.usage}\nusage: npm run -s cli -- ${EXPORT_DATABASE_USAGE}`)
    return 2
  }
  const database = await open(io, options.db)
  if (!database) return 1
  try {
    const klass = await database.db
      .selectFrom('classes')
      .select('id')
      .where('code', '=', options.classCode)
      .executeTakeFirst()
    if (!klass) {
      io.err(`export: there is no class with the code "${options.classCode}" in this database.`)
      return 1
    }
    const { assignment } = options
    if (assignment !== undefined) {
      const found =
        UUID.test(assignment) &&
        (await database.db
          .selectFrom('assignments')
          .select('id')
          .where('id', '=', assignment)
          .where('class_id', '=', klass.id)
          .executeTakeFirst())
      if (!found) {
        io.err(`export: the class ${options.classCode} has no assignment "${assignment}".`)
        return 1
      }
    }
    const file = await exportClass(database.db, {
      classId: klass.id,
      assignmentId: assignment,
      format: options.format,
    })
    io.write(file.text)
    return 0
  } catch (e) {
    if (e instanceof ApiError) {
      io.err(`export: ${e.message}`)
      return 1
    }
    throw e
  } finally {
    await database.close()
  }
}
