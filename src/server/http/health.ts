// GET /api/health: whether the server and its database answer, for monitors and the app.
import { sql } from 'kysely'
import { route } from './route.ts'

export const healthRoutes = [
  route({
    method: 'GET',
    path: '/api/health',
    allow: 'public',
    scope: 'none',
    summary: 'server and database status',
    async handler(c) {
      const { db } = c.get('deps')
      const started = Date.now()
      await sql`select 1`.execute(db)
      return c.json({ ok: true, database: { ms: Date.now() - started } })
    },
  }),
]
