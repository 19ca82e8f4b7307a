// A logical export of a school's data (every table's rows as JSON Lines), and its import into an
// empty database of either kind: how a school moves from the embedded database to PostgreSQL.
// Sign-in sessions and rate-limit counters are not exported: they are short-lived.
import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { OpsError } from './backup.ts'

export const EXPORT_FORMAT = 'practica-export'

/** Tables in the order their rows can be inserted (referenced ones first). */
export const EXPORTED_TABLES: readonly (keyof Database)[] = [
  'users',
  'classes',
  'class_learners',
  'assessor_classes',
  'settings',
  'scenarios',
  'assignments',
  'attempts',
  'attempt_events',
  'results',
  'judgement_audit',
  // the instructor's live messages, shown to the assessor beside an attempt
  'live_messages',
  // the xAPI LRS: its clients, statements and their attachments
  'lrs_clients',
  'lrs_statements',
  'lrs_attachments',
  // the xAPI document resources (State, Activity Profile, Agent Profile)
  'lrs_documents',
  // forwarding to the school's LRS: the endpoint and what is still to send
  'lrs_forward',
  'lrs_outbox',
  // Open Badges: signing keys (secrets sealed), status lists, confirmations, credentials
  'badge_keys',
  'badge_status_lists',
  'badge_confirmations',
  'badge_credentials',
]
/** Tables deliberately left out of an export. */
export const NOT_EXPORTED: readonly string[] = [
  'sessions',
  'rate_limits',
  // the live view's updates (a day at most) and heads
  'live_updates',
  'live_heads',
]

// tables chosen at run time: the typed builder cannot name them
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Kysely<any>

/** Column name → SQL data type, for the columns that need converting. */
async function columnTypes(db: Any, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db)
  return new Map(rows.map((r) => [r.column_name, r.data_type]))
}

/** Every table of the database that is neither exported nor knowingly left out. */
export async function unlistedTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  return rows
    .map((r) => r.table_name)
    .filter(
      (t) =>
        !t.startsWith('kysely_') &&
        !(EXPORTED_TABLES as readonly string[]).includes(t) &&
        !NOT_EXPORTED.includes(t),
    )
}

function toJson(value: unknown, type: string | undefined): unknown {
  if (value instanceof Date) return value.toISOString()
  if (type === 'bytea' && value instanceof Uint8Array)
    return { $bytes: Buffer.from(value).toString('base64') }
  return value
}

function fromJson(value: unknown, type: string | undefined): unknown {
  if (value === null) return null
  if (type === 'bytea') return Buffer.from((value as { $bytes: string }).$bytes, 'base64')
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value)
  return value
}

/** Writes every exported table's rows to `file` (JSON Lines); returns rows per table. */
export async function exportData(
  db: Kysely<Database>,
  file: string,
  now = new Date(),
): Promise<Record<string, number>> {
  const forgotten = await unlistedTables(db)
  if (forgotten.length > 0)
    throw new OpsError(`The export does not know the tables ${forgotten.join(', ')}.`)
  const out = createWriteStream(file)
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain')
  }
  const { rows: migrations } = await sql<{
    name: string
  }>`select name from kysely_migration order by name`.execute(db)
  await write({
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    migrations: migrations.map((m) => m.name),
  })
  const counts: Record<string, number> = {}
  for (const table of EXPORTED_TABLES) {
    const types = await columnTypes(db as Any, table)
    const rows = await (db as Any).selectFrom(table).selectAll().execute()
    for (const row of rows as Record<string, unknown>[])
      await write({
        table,
        row: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJson(v, types.get(k))])),
      })
    counts[table] = rows.length
  }
  out.end()
  await once(out, 'finish')
  return counts
}

/** Reads an export made by `exportData` into `db`, which must hold no people yet. */
export async function importData(
  db: Kysely<Database>,
  file: string,
): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  let header: { format?: unknown; migrations?: unknown } = {}
  try {
    header = JSON.parse(first.done ? '' : first.value) as typeof header
  } catch {
    // not JSON: said below
  }
  if (header.format !== EXPORT_FORMAT)
    throw new OpsError(`"${file}" is not a Practica export (made by "server export").`)
  const { rows: known } = await sql<{
    name: string
  }>`select name from kysely_migration`.execute(db)
  const newer = (header.migrations as string[]).filter((m) => !known.some((k) => k.name === m))
  if (newer.length > 0)
    throw new OpsError(
      `"${file}" comes from a newer Practica (${newer.join(', ')}): update this server first.`,
    )
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst())
    throw new OpsError(
      'This database already holds people: import only into a new, empty database.',
    )
  // every exported table is counted, an empty one as 0 (as the export counts it)
  const counts: Record<string, number> = Object.fromEntries(EXPORTED_TABLES.map((t) => [t, 0]))
  await db.transaction().execute(async (tx) => {
    const types = new Map<string, Map<string, string>>()
    const batch: { table: string; rows: Record<string, unknown>[] } = { table: '', rows: [] }
    const flush = async () => {
      if (batch.rows.length > 0)
        await (tx as Any).insertInto(batch.table).values(batch.rows).execute()
      batch.rows = []
    }
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.trim() === '') continue
      const { table, row } = JSON.parse(next.value) as {
        table: string
        row: Record<string, unknown>
      }
      if (!(EXPORTED_TABLES as readonly string[]).includes(table))
        throw new OpsError(`"${file}" names an unknown table "${table}".`)
      if (!types.has(table)) types.set(table, await columnTypes(tx as Any, table))
      const columns = types.get(table)!
      if (table !== batch.table || batch.rows.length >= 500) {
        await flush()
        batch.table = table
      }
      batch.rows.push(
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, fromJson(v, columns.get(k))])),
      )
      counts[table] = (counts[table] ?? 0) + 1
    }
    await flush()
    // the audit log's serial ids go on after the imported ones
    await sql`select setval(pg_get_serial_sequence('judgement_audit', 'id'),
      coalesce((select max(id) from judgement_audit), 0) + 1, false)`.execute(tx)
    // and the LRS's storage order after the imported statements'
    await sql`select setval(pg_get_serial_sequence('lrs_statements', 'seq'),
      coalesce((select max(seq) from lrs_statements), 0) + 1, false)`.execute(tx)
  })
  return counts
}
