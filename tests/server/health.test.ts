// The foundation: the server answers, the guard refuses strangers and cross-origin writes, and
// API mistakes get a plain JSON answer.
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { forEachDatabase, startTestServer } from './harness.ts'

forEachDatabase('server basics', (server) => {
  it('answers /api/health with its database', async () => {
    const answer = await server().client().get('/api/health')
    expect(answer.status).toBe(200)
    expect(answer.body.ok).toBe(true)
  })

  it('refuses a state-changing request from another origin, or with no origin', async () => {
    const client = server().client()
    client.origin = 'https://evil.example'
    const cross = await client.post('/api/health')
    expect(cross.status).toBe(403)
    expect(cross.body.error.code).toBe('cross-origin')
    client.origin = undefined
    expect((await client.post('/api/health')).status).toBe(403)
  })

  it('answers an unknown API address with a JSON 404', async () => {
    const answer = await server().client().get('/api/nothing-here')
    expect(answer.status).toBe(404)
    expect(answer.body.error.code).toBe('no-such-address')
  })

  it('ran every migration once, on this database kind', async () => {
    const { rows } = await sql<{
      name: string
    }>`select name from kysely_migration order by name`.execute(server().db)
    expect(rows.map((r) => r.name)).toEqual([
      '001_people',
      '002_work',
      '003_learner_id_case',
      '004_live',
      '005_live_messages',
      '006_lrs',
      '007_lrs_documents',
      '008_lrs_forward',
      '009_badges',
    ])
  })
})

describe('PostgreSQL ending idle connections', () => {
  const missing = inject('postgresMissing')
  it.skipIf(missing !== '' && !process.env['CI'])(
    'does not stop the server: the next request gets a fresh connection',
    async () => {
      if (missing) throw new Error(`No PostgreSQL server for the tests under CI: ${missing}`)
      const s = await startTestServer('postgres')
      try {
        expect((await s.client().get('/api/health')).status).toBe(200)
        // an administrator (or a restart) ends every other connection to this database
        const admin = new pg.Client({ connectionString: inject('postgresUrl') })
        await admin.connect()
        const { rows: named } = await sql<{
          name: string
        }>`select current_database() as name`.execute(s.db)
        const { rows } = await admin.query<{ ended: boolean }>(
          'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1',
          [named[0]!.name],
        )
        await admin.end()
        expect(rows.length).toBeGreaterThan(0)
        await new Promise((r) => setTimeout(r, 200))
        expect((await s.client().get('/api/health')).status).toBe(200)
      } finally {
        await s.close()
      }
    },
  )
})
