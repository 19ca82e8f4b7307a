// `npm run -s cli -- export --db … --class …`: the export straight from a server's database, on
// an embedded database's data folder and on a PostgreSQL URL. What it prints is what the file
// export prints for the same attempt, with the revision named; a data folder in use by a running
// server is refused with a message that says so.
import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { exportFromDatabase } from '../../src/cli/exportDatabase.ts'
import { openDatabase, type OpenDatabase } from '../../src/server/db/open.ts'
import { setMark } from '../../src/server/review/judgements.ts'
import { cli } from '../cli/runCli.ts'
import { parseCsv } from '../core/export/csvParse.ts'
import { ROOT } from '../helpers.ts'
import {
  assignExample,
  ATTEMPT_FILE,
  EXAMPLE,
  publishExample,
  SCENARIO_FILE,
  storeAttempt,
} from './reviewFixtures.ts'

const CODE = 'REV1EW'

/** A class with the worked example assigned, Amina's attempt ended and marked 2 (revision 2). */
async function seed(db: OpenDatabase['db']): Promise<{ assignmentId: string }> {
  const instructor = randomUUID()
  const learner = randomUUID()
  const classId = randomUUID()
  await db
    .insertInto('users')
    .values([
      {
        id: instructor,
        role: 'instructor',
        login: 'j.chen',
        name: 'Jing Chen',
        password_hash: null,
      },
      { id: learner, role: 'learner', login: null, name: 'Amina Phiri', password_hash: null },
    ])
    .execute()
  await db
    .insertInto('classes')
    .values({ id: classId, code: CODE, name: 'Class', instructor_id: instructor, pin_hash: null })
    .execute()
  await db
    .insertInto('class_learners')
    .values({ class_id: classId, user_id: learner, learner_id: 's-1042', pin_hash: null })
    .execute()
  await publishExample(db)
  const assignmentId = await assignExample(db, classId)
  await assignExample(db, classId)
  const attemptId = await storeAttempt(db, {
    id: EXAMPLE.id,
    assignmentId,
    userId: learner,
    learner: { id: 's-1042', name: 'Amina Phiri' },
    end: true,
  })
  const caller = { id: instructor, role: 'instructor' as const, name: 'Jing Chen', sessionId: '' }
  await setMark(db, attemptId, 'housekeeping', 2, caller, () => new Date())
  return { assignmentId }
}

async function exportDb(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const status = await exportFromDatabase(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    write: (t) => (out += t),
  })
  return { status, out, err }
}

/** Runs the real command line in another process. */
function runNpmCli(args: string[]): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (status) => resolve({ status, out, err }))
  })
}

/** The checks both kinds of database get; `target` is what --db names. */
function exportChecks(target: () => string, assignment: () => string) {
  it('prints the gradebook of the file export with the revision named', async () => {
    const fromDb = await exportDb(
      '--db',
      target(),
      '--class',
      CODE.toLowerCase(),
      '--format',
      'csv',
    )
    expect(fromDb.err).toBe('')
    expect(fromDb.status).toBe(0)
    // the worked example's attempt file carries the same mark, so the file export is the same row
    const fromFiles = cli('export', '--format', 'csv', SCENARIO_FILE, ATTEMPT_FILE)
    expect(fromFiles.status).toBe(0)
    const rows = parseCsv(fromDb.out)
    const at = rows[0]!.indexOf('revision')
    expect(rows[1]![at]).toBe('2')
    expect(rows.map((r) => r.filter((_, i) => i !== at))).toEqual(parseCsv(fromFiles.out))
  })

  it('prints result JSON, xAPI and the Moodle framework, for the class or one assignment', async () => {
    const json = await exportDb('--db', target(), '--class', CODE, '--format', 'json')
    const results = JSON.parse(json.out)
    expect(results).toHaveLength(1)
    expect(results[0].revision).toBe(2)
    const fromFiles = cli('export', '--format', 'json', SCENARIO_FILE, ATTEMPT_FILE)
    expect(results[0].result).toEqual(JSON.parse(fromFiles.out))
    const xapi = await exportDb(
      '--db',
      target(),
      '--class',
      CODE,
      `--assignment=${assignment()}`,
      '--format',
      'xapi',
    )
    expect(xapi.status).toBe(0)
    expect(JSON.parse(xapi.out).length).toBe(
      JSON.parse(cli('export', '--format', 'xapi', SCENARIO_FILE, ATTEMPT_FILE).out).length,
    )
    const moodle = await exportDb('--db', target(), '--class', CODE, '--format', 'moodle')
    // two assignments of one scenario@version: one framework
    expect(moodle.status).toBe(0)
    expect(moodle.out).toBe(cli('export', '--format', 'moodle', SCENARIO_FILE).out)
  })

  it('says plainly what is wrong with the class, the assignment or the options', async () => {
    const unknown = await exportDb('--db', target(), '--class', 'NOPE00', '--format', 'csv')
    expect(unknown).toMatchObject({ status: 1, out: '' })
    expect(unknown.err).toBe('export: there is no class with the code "NOPE00" in this database.\n')
    const foreign = await exportDb(
      '--db',
      target(),
      '--class',
      CODE,
      '--assignment',
      randomUUID(),
      '--format',
      'csv',
    )
    expect(foreign.status).toBe(1)
    expect(foreign.err).toMatch(/^export: the class REV1EW has no assignment "/)
    const usage = await exportDb('--db', target(), '--format', 'pdf')
    expect(usage.status).toBe(2)
    expect(usage.err).toMatch(/^export --db: say --class\n/)
    const format = await exportDb('--db', target(), '--class', CODE, '--format', 'pdf')
    expect(format.err).toMatch(/^export: unknown format "pdf"/)
    const files = await exportDb('--db', target(), '--class', CODE, '--format', 'csv', 'a.json')
    expect(files.err).toMatch(/^export --db takes no files \("a.json"\)/)
  })
}

describe('export --db on a data folder (PGlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'practica-export-'))
  let assignmentId = ''
  beforeAll(async () => {
    const database = await openDatabase({ dir })
    try {
      ;({ assignmentId } = await seed(database.db))
    } finally {
      await database.close()
    }
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  exportChecks(
    () => dir,
    () => assignmentId,
  )

  it('refuses a folder without a database', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'practica-empty-'))
    const answer = await exportDb('--db', empty, '--class', CODE, '--format', 'csv')
    expect(answer.status).toBe(1)
    expect(answer.err).toContain('holds no Practica database')
    rmSync(empty, { recursive: true, force: true })
  })

  it('through npm run: exports, and refuses a folder a running server holds', async () => {
    const ok = await runNpmCli(['export', '--db', dir, '--class', CODE, '--format', 'json'])
    expect(ok.err).toBe('')
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.out)[0].revision).toBe(2)
    // this process holds the folder as a server does
    const held = await openDatabase({ dir })
    try {
      const refused = await runNpmCli(['export', '--db', dir, '--class', CODE, '--format', 'csv'])
      expect(refused.status).toBe(1)
      expect(refused.out).toBe('')
      expect(refused.err).toBe(
        `export: a running Practica server (process ${process.pid}) is using the data folder "${dir}", and its database cannot be opened twice. ` +
          'Stop the server first, or download the export from the running server (the review screen).\n',
      )
    } finally {
      await held.close()
    }
  }, 120_000)
})

const pgMissing = inject('postgresMissing')
if (pgMissing && !process.env['CI'])
  console.warn(`\n!!! POSTGRESQL TESTS SKIPPED (export --db): ${pgMissing} !!!\n`)
describe.skipIf(!!pgMissing && !process.env['CI'])('export --db on a PostgreSQL URL', () => {
  const name = `practica_export_${randomBytes(6).toString('hex')}`
  let url = ''
  let assignmentId = ''
  beforeAll(async () => {
    if (pgMissing) throw new Error(`No PostgreSQL server for the tests under CI: ${pgMissing}`)
    const base = inject('postgresUrl')
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const u = new URL(base)
    u.pathname = `/${name}`
    url = u.toString()
    const database = await openDatabase({ url })
    try {
      ;({ assignmentId } = await seed(database.db))
    } finally {
      await database.close()
    }
  }, 60_000)
  afterAll(async () => {
    if (!url) return
    const admin = new pg.Client({ connectionString: inject('postgresUrl') })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })

  exportChecks(
    () => url,
    () => assignmentId,
  )

  it('says plainly that a database cannot be reached', async () => {
    const answer = await exportDb(
      '--db',
      'postgres://nobody@127.0.0.1:1/none',
      '--class',
      CODE,
      '--format',
      'csv',
    )
    expect(answer.status).toBe(1)
    expect(answer.err).toMatch(/^export: cannot open the database: /)
  })
})
