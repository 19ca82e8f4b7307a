// Opens the database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in the data
// folder (locked to this process). Migrations run before anything else touches it.
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import pg from 'pg'
import { lockFolder } from './lock.ts'
import { migrationProvider } from './migrations/index.ts'
import type { Database } from './schema.ts'

export interface OpenDatabase {
  readonly db: Kysely<Database>
  /** `pglite` (embedded, in a folder or in memory) or `postgres` */
  readonly kind: 'pglite' | 'postgres'
  /** the embedded database itself (for its dump); undefined on PostgreSQL */
  readonly pglite: PGlite | undefined
  close(): Promise<void>
}

export interface DatabaseTarget {
  /** postgres://… ; when undefined, PGlite */
  readonly url?: string | undefined
  /** PGlite's folder; undefined: in memory (tests) */
  readonly dir?: string | undefined
  /** told when PostgreSQL ends an idle connection (logged by the server) */
  readonly onIdleError?: ((e: Error) => void) | undefined
}

export class MigrationError extends Error {}

/** Network error codes of a connection that could not be made or was cut. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])
/** node-postgres' own messages for a connection lost or never made */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|Client was closed/i

/**
 * Whether `e` says the database cannot be reached (rather than that a query was wrong): a
 * connection refused or cut, PostgreSQL shutting down or starting (SQLSTATE 57P01–57P03), or a
 * connection exception (class 08). The request can be tried again once the database is back.
 */
export function isDatabaseAway(e: unknown): boolean {
  for (let depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') {
      if (CONNECTION_CODES.has(code) || /^57P0[123]$/.test(code) || /^08/.test(code)) return true
    }
    if (CONNECTION_MESSAGES.test(e.message)) return true
    // Node's connection to every address of a name failed: an AggregateError of each
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseAway(x))) return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}

/** Runs every migration not yet run; throws MigrationError naming the one that failed. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new MigrationError(
      `The database could not be updated (migration ${failed}): ${String((error as Error).message ?? error)}`,
    )
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.url) {
    // a connection that cannot be made within 5 s fails the request (503) rather than hanging it
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      connectionTimeoutMillis: 5000,
    })
    // an idle connection the server ended (a restart, an administrator) is dropped from the pool
    // and replaced at the next query; unhandled, its error would stop the whole process
    pool.on('error', (e) => target.onIdleError?.(e))
    // a connection in use can be ended between two statements (PostgreSQL stopping, a
    // transaction's JavaScript between its queries): pg then emits 'error' on the client, which
    // the pool no longer listens to while it is lent out, and an unheard 'error' stops the whole
    // process. Heard here, the next statement on it fails (503), and the pool drops it on release.
    pool.on('connect', (client) => client.on('error', (e) => target.onIdleError?.(e)))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    try {
      await migrate(db)
    } catch (e) {
      await db.destroy()
      throw e
    }
    return { db, kind: 'postgres', pglite: undefined, close: () => db.destroy() }
  }
  const release = target.dir ? lockFolder(target.dir) : () => undefined
  try {
    const pglite = new PGlite(target.dir ? join(target.dir, 'pglite') : undefined)
    await pglite.waitReady
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
    await migrate(db)
    return {
      db,
      kind: 'pglite',
      pglite,
      async close() {
        try {
          await db.destroy()
        } finally {
          release()
        }
      },
    }
  } catch (e) {
    release()
    throw e
  }
}
