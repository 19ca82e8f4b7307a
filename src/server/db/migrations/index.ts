// The database's versioned migrations, in order. A migration is SQL that runs once, in a
// transaction, and never changes after release: a change to the schema is a new migration.
import type { Kysely } from 'kysely'
import type { Migration, MigrationProvider } from 'kysely/migration'
import { sql } from 'kysely'
import * as people from './001_people.ts'
import * as work from './002_work.ts'
import * as learnerIdCase from './003_learner_id_case.ts'
import * as live from './004_live.ts'
import * as liveMessages from './005_live_messages.ts'
import * as lrs from './006_lrs.ts'
import * as lrsDocuments from './007_lrs_documents.ts'
import * as lrsForward from './008_lrs_forward.ts'
import * as badges from './009_badges.ts'

const MIGRATIONS: Record<string, { up: string }> = {
  '001_people': people,
  '002_work': work,
  '003_learner_id_case': learnerIdCase,
  '004_live': live,
  '005_live_messages': liveMessages,
  '006_lrs': lrs,
  '007_lrs_documents': lrsDocuments,
  '008_lrs_forward': lrsForward,
  '009_badges': badges,
}

// one statement at a time: PGlite's query runs a single statement
function fromSql(text: string): Migration {
  const statements = text
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of statements) await sql.raw(statement).execute(db)
    },
  }
}

export const migrationProvider: MigrationProvider = {
  getMigrations() {
    return Promise.resolve(
      Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]) => [name, fromSql(m.up)])),
    )
  },
}
