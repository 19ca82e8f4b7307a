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
    const pool = new pg.Pool({ connectionString: target.url, max: 10 })
    // an idle connection the server ended (a restart, an administrator) is dropped from the pool
    // and replaced at the next query; unhandled, its error would stop the whole process
    pool.on('error', (e) => target.onIdleError?.(e))
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
