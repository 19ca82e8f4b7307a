// The `sync` benchmark's peer: the sync server a competent engineer writes with the same stack
// (Hono on @hono/node-server, Kysely over PGlite in a folder) when the app sends each event as it
// happens: one request per event, the session cookie checked, the event stored with one INSERT
// that is idempotent by attempt id + sequence number (a resend is acknowledged, not stored twice).
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { Kysely, PGliteDialect, sql } from 'kysely'

interface PeerDatabase {
  peer_sessions: { id: string; user_id: string }
  peer_events: { attempt_id: string; seq: number; user_id: string; event: string }
}

export interface SyncPeer {
  readonly url: string
  readonly db: Kysely<PeerDatabase>
  /** a session for a new learner: the cookie to send */
  addLearner(userId: string): Promise<string>
  close(): Promise<void>
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

export async function startSyncPeer(dir: string): Promise<SyncPeer> {
  mkdirSync(dir, { recursive: true })
  const pglite = new PGlite(join(dir, 'pglite'))
  await pglite.waitReady
  const db = new Kysely<PeerDatabase>({ dialect: new PGliteDialect({ pglite }) })
  await sql`CREATE TABLE peer_sessions (id text PRIMARY KEY, user_id uuid NOT NULL)`.execute(db)
  await sql`CREATE TABLE peer_events (
    attempt_id uuid NOT NULL, seq integer NOT NULL, user_id uuid NOT NULL, event jsonb NOT NULL,
    PRIMARY KEY (attempt_id, seq))`.execute(db)

  const app = new Hono()
  app.post('/api/attempts/:attemptId/events/:seq', async (c) => {
    const token = getCookie(c, 'session')
    const session = token
      ? await db
          .selectFrom('peer_sessions')
          .select('user_id')
          .where('id', '=', hash(token))
          .executeTakeFirst()
      : undefined
    if (!session) return c.json({ error: 'sign in first' }, 401)
    const seq = Number(c.req.param('seq'))
    const event: unknown = await c.req.json()
    await db
      .insertInto('peer_events')
      .values({
        attempt_id: c.req.param('attemptId'),
        seq,
        user_id: session.user_id,
        event: JSON.stringify(event),
      })
      .onConflict((oc) => oc.columns(['attempt_id', 'seq']).doNothing())
      .execute()
    return c.json({ stored: seq })
  })

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const port = (server.address() as AddressInfo).port
  let n = 0
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async addLearner(userId) {
      const token = `peer-${userId}-${n++}`
      await db
        .insertInto('peer_sessions')
        .values({ id: hash(token), user_id: userId })
        .execute()
      return `session=${token}`
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await db.destroy()
    },
  }
}
