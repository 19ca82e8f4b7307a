// The foundation: the server answers, the guard refuses strangers and cross-origin writes, and
// API mistakes get a plain JSON answer.
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { forEachDatabase } from './harness.ts'

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
    expect(rows.map((r) => r.name)).toEqual(['001_people', '002_work'])
  })
})
