// Operations: the data folder is one process's, backups restore what they saved on both database
// kinds, and a logical export moves a school from the embedded database to PostgreSQL.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type OpenDatabase } from '../../src/server/db/open.ts'
import type { Database } from '../../src/server/db/schema.ts'
import { backup, OpsError, restore } from '../../src/server/ops/backup.ts'
import {
  EXPORTED_TABLES,
  exportData,
  importData,
  unlistedTables,
} from '../../src/server/ops/logical.ts'
import { freshPostgres } from './harness.ts'

const folders: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'practica-ops-'))
  folders.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

/** One row in every exported table, linked as the real server links them. */
async function seed(db: Kysely<Database>): Promise<void> {
  const instructor = randomUUID()
  const learner = randomUUID()
  const classId = randomUUID()
  const assignment = randomUUID()
  const attempt = randomUUID()
  await db
    .insertInto('users')
    .values([
      { id: instructor, role: 'instructor', login: 'wang', name: '王老师', password_hash: 'x' },
      { id: learner, role: 'learner', login: null, name: "O'Brien", password_hash: null },
    ])
    .execute()
  await db
    .insertInto('classes')
    .values({
      id: classId,
      code: 'ABC234',
      name: 'EV 1',
      instructor_id: instructor,
      pin_hash: null,
    })
    .execute()
  await db
    .insertInto('class_learners')
    .values({ class_id: classId, user_id: learner, learner_id: 'S-1', pin_hash: null })
    .execute()
  await db
    .insertInto('assessor_classes')
    .values({ assessor_id: instructor, class_id: classId })
    .execute()
  await db
    .insertInto('settings')
    .values({ key: 'retentionDays', value: JSON.stringify(365) })
    .execute()
  await db
    .insertInto('scenarios')
    .values({
      id: 'pump',
      version: '1.0.0',
      sha256: 'ab'.repeat(32),
      bytes: new Uint8Array([123, 0, 255, 125]),
      title: JSON.stringify({ en: 'Pump', 'zh-CN': '泵' }),
      published_by: instructor,
    })
    .execute()
  await db
    .insertInto('assignments')
    .values({
      id: assignment,
      class_id: classId,
      scenario_id: 'pump',
      scenario_version: '1.0.0',
      mode: 'assessment',
      closes_at: '2026-12-24T10:00:00.000Z',
      max_attempts: 2,
      created_by: instructor,
    })
    .execute()
  await db
    .insertInto('attempts')
    .values({
      id: attempt,
      assignment_id: assignment,
      user_id: learner,
      header: JSON.stringify({ id: attempt, mode: 'assessment', faults: ['f1'] }),
      judgements: JSON.stringify({
        neat: { mark: 2, assessor: 'wang', at: '2026-12-03T10:00:00Z' },
      }),
    })
    .execute()
  await db
    .insertInto('attempt_events')
    .values(
      [0, 1].map((seq) => ({
        attempt_id: attempt,
        seq,
        event: JSON.stringify({ t: seq * 100, action: 'press', target: 'b' }),
      })),
    )
    .execute()
  await db
    .insertInto('results')
    .values({
      attempt_id: attempt,
      revision: 2,
      result: JSON.stringify({ score: 7, nested: [1, { a: null }] }),
    })
    .execute()
  await db
    .insertInto('judgement_audit')
    .values({
      attempt_id: attempt,
      judgement: 'neat',
      old_mark: null,
      new_mark: 2,
      by_user: instructor,
    })
    .execute()
}

/** Every exported table's rows, in a stable order, as comparable values. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of EXPORTED_TABLES) {
    const rows = await (db as Kysely<any>).selectFrom(table).selectAll().execute()
    out[table] = rows
      .map((r: Record<string, unknown>) =>
        JSON.stringify(
          Object.entries(r).map(([k, v]) => [
            k,
            v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
          ]),
        ),
      )
      .sort()
  }
  return out
}

const bytesOf = async (db: Kysely<Database>) =>
  Buffer.from(
    (await db.selectFrom('scenarios').select('bytes').executeTakeFirstOrThrow()).bytes,
  ).toString('hex')

describe('the data folder', () => {
  it('is refused to a second process while a server holds it, with a plain message', async () => {
    const dir = tempDir()
    const first = await openDatabase({ dir })
    await expect(openDatabase({ dir })).rejects.toThrow(/already using the data folder/)
    await first.close()
    const again = await openDatabase({ dir })
    await again.close()
  })

  it('exports every table it holds (a new table cannot be forgotten)', async () => {
    const open = await openDatabase({})
    expect(await unlistedTables(open.db)).toEqual([])
    await open.close()
  })
})

describe('backup and restore of the embedded database', () => {
  it('restores what the backup saved and keeps the folder it replaced', async () => {
    const dir = tempDir()
    let open: OpenDatabase = await openDatabase({ dir })
    await seed(open.db)
    const before = await snapshot(open.db)
    await open.close()
    const file = join(tempDir(), 'school.backup')
    await backup({ dir }, file)
    open = await openDatabase({ dir })
    await open.db.deleteFrom('users').where('role', '=', 'learner').execute()
    await open.close()
    const kept = await restore({ dir }, file)
    expect(kept && existsSync(kept)).toBe(true)
    open = await openDatabase({ dir })
    expect(await snapshot(open.db)).toEqual(before)
    await open.close()
  }, 300_000)

  it('refuses a file that is no backup, and a backup of the other kind, saying what to do', async () => {
    const dir = tempDir()
    await expect(restore({ dir }, join(dir, 'missing'))).rejects.toThrow(OpsError)
    const file = join(tempDir(), 'fake.backup')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, 'PGDMP……')
    await expect(restore({ dir }, file)).rejects.toThrow(/server export/)
    writeFileSync(file, 'hello')
    await expect(restore({ dir }, file)).rejects.toThrow(/not a Practica backup/)
  })
})

describe('backup and restore of a PostgreSQL database', () => {
  const missing = inject('postgresMissing')
  it.skipIf(missing !== '' && !process.env['CI'])(
    'pg_restore brings back what pg_dump saved',
    async () => {
      if (missing) throw new Error(`No PostgreSQL server for the tests under CI: ${missing}`)
      const target = await freshPostgres()
      let open = await openDatabase({ url: target.url })
      try {
        await seed(open.db)
        const before = await snapshot(open.db)
        const file = join(tempDir(), 'school.dump')
        await backup({ url: target.url }, file)
        await open.db.deleteFrom('users').where('role', '=', 'learner').execute()
        await open.close()
        await restore({ url: target.url }, file)
        open = await openDatabase({ url: target.url })
        expect(await snapshot(open.db)).toEqual(before)
      } finally {
        await open.close()
        await target.drop()
      }
    },
    300_000,
  )
})

describe('moving a school from the embedded database to PostgreSQL', () => {
  const missing = inject('postgresMissing')
  it.skipIf(missing !== '' && !process.env['CI'])(
    'a logical export of PGlite imports into an empty PostgreSQL database unchanged',
    async () => {
      if (missing) throw new Error(`No PostgreSQL server for the tests under CI: ${missing}`)
      const from = await openDatabase({})
      await seed(from.db)
      const file = join(tempDir(), 'school.jsonl')
      const counts = await exportData(from.db, file)
      expect(counts['attempt_events']).toBe(2)
      const target = await freshPostgres()
      const to = await openDatabase({ url: target.url })
      try {
        expect(await importData(to.db, file)).toEqual(counts)
        expect(await snapshot(to.db)).toEqual(await snapshot(from.db))
        expect(await bytesOf(to.db)).toBe('7b00ff7d')
        // the audit log goes on numbering after the imported rows
        const [attempt] = await to.db.selectFrom('attempts').select('id').execute()
        const next = await to.db
          .insertInto('judgement_audit')
          .values({
            attempt_id: attempt!.id,
            judgement: 'neat',
            old_mark: 2,
            new_mark: 3,
            by_user: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        expect(Number(next.id)).toBe(2)
        // a second import into a database with people is refused
        await expect(importData(to.db, file)).rejects.toThrow(/empty database/)
      } finally {
        await to.close()
        await from.close()
        await target.drop()
      }
    },
    300_000,
  )
  if (missing && !process.env['CI'])
    console.warn(`\n!!! POSTGRESQL TEST SKIPPED (ops): ${missing} !!!\n`)
})

/** Runs `npm run -s cli -- server …` with the given environment; its status and outputs. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; out: string; err: string }>((resolve) => {
    const child = spawn('node', ['--import', 'tsx', 'src/cli/main.ts', 'server', ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (status) => resolve({ status, out, err }))
  })
}

describe('the server commands of the CLI', () => {
  it('export one data folder and import it into another; refuse a wrong file plainly', async () => {
    const [a, b] = [tempDir(), tempDir()]
    const first = await openDatabase({ dir: a })
    await seed(first.db)
    const before = await snapshot(first.db)
    await first.close()
    const file = join(tempDir(), 'school.jsonl')
    const exported = await cli(['export', file], { PRACTICA_DATA: a })
    expect(exported.err).toBe('')
    expect(exported.out).toMatch(/attempt_events 2/)
    const imported = await cli(['import', file], { PRACTICA_DATA: b })
    expect(imported.status).toBe(0)
    const second = await openDatabase({ dir: b })
    expect(await snapshot(second.db)).toEqual(before)
    await second.close()
    const wrong = await cli(['restore', file], { PRACTICA_DATA: b })
    expect(wrong.status).toBe(1)
    expect(wrong.err).toMatch(/not a Practica backup/)
    expect(wrong.err).not.toMatch(/ at /)
  }, 300_000)
})
