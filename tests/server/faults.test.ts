// Faults survived, on purpose and bounded in time, over loopback only (issue 15 §3):
// - the database stopped during a class's sync (PostgreSQL of this file's own, `pg_ctl stop` for
//   PRACTICA_FAULT_DB_DOWN_S seconds, 3 by default): the server answers 503 with Retry-After, the
//   clients wait as asked, nothing acknowledged is lost, and the same server process recovers by
//   itself (its pool connects again, its live listener LISTENs again);
// - the server killed (`kill -9`) during a sync from 100 learners and started again, on
//   PostgreSQL and on PGlite in a folder (whose stale lock file must not block the restart): the
//   clients resend as the outbox does, and the database holds every event once;
// - bad batches: an old batch replayed, batches out of order, a batch with a gap, a batch reaching
//   back into stored events: each acknowledged without storing twice, or refused; never stored
//   wrong (trust.test.ts covers resends of the last batch and a changed event).
// Many connections (1,000 live streams on one process) are connections.test.ts.
// The offline laptop (a whole attempt done offline, synced on reconnect) is
// tests/browser/serverLearner.test.ts's "keeps an assignment for offline use".
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttemptEvent } from '../../src/core/index.ts'
import { openDatabase } from '../../src/server/db/open.ts'
import type { Database } from '../../src/server/db/schema.ts'
import { generateAttempts } from '../bench/generate.ts'
import { forEachDatabase } from './harness.ts'
import { freePort, postgresMissing, startCluster, type Cluster } from './pgCluster.ts'
import { spawnServer, type SpawnedServer } from './spawnServer.ts'
import { checkStored, runLoad, seedClass } from './syncLoad.ts'
import { eventsPath, headerFor, workClass } from './workSetup.ts'

const DOWN_S = Number(process.env['PRACTICA_FAULT_DB_DOWN_S'] || 3)
const missing = postgresMissing()
if (missing && !process.env['CI'])
  console.warn(`\n!!! POSTGRESQL FAULT TESTS SKIPPED: ${missing} !!!\n`)
const onPostgres = it.skipIf(missing !== '' && !process.env['CI'])

let cluster: Cluster | undefined
/** A new database on this file's own cluster. */
async function freshDatabase(): Promise<string> {
  if (!cluster) throw new Error(`No PostgreSQL server for the fault tests: ${missing}`)
  const name = `practica_fault_${Math.random().toString(16).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(cluster.url)
  url.pathname = `/${name}`
  return url.toString()
}

beforeAll(async () => {
  if (!missing) cluster = await startCluster()
}, 60_000)
afterAll(() => cluster?.destroy())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Reads a PostgreSQL database with a Kysely of its own. */
async function onUrl<T>(url: string, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
  })
  try {
    return await read(db)
  } finally {
    await db.destroy()
  }
}

describe('the database stopped during a sync [postgres]', () => {
  onPostgres(
    `answers 503 with Retry-After for ${DOWN_S} s, loses nothing acknowledged, and recovers without a restart`,
    async () => {
      const url = await freshDatabase()
      const seeded = await seedClass({ url }, 20)
      const attempts = generateAttempts(seeded.model, 20, 39, 600_000, 31).map((a) => a.events)
      const server = await spawnServer({ port: await freePort(), databaseUrl: url })
      let outage: Promise<void> | undefined
      let health: { status: number; retryAfter: string | null; body: any } | undefined
      try {
        const livePid = () =>
          onUrl(url, async (db) => {
            const { rows } = await sql<{ pid: number }>`
              SELECT pid FROM pg_stat_activity
               WHERE application_name = 'practica-live' AND datname = current_database()`.execute(
              db,
            )
            return rows.map((r) => r.pid)
          })
        const listenerBefore = await livePid()
        expect(listenerBefore).toHaveLength(1)
        const stats = await runLoad({
          url: () => server.url,
          assignmentId: seeded.assignmentId,
          model: seeded.model,
          learners: seeded.learners,
          attempts,
          batch: 5,
          deadlineMs: 100_000,
          onAck(acks) {
            if (acks !== 40) return
            outage = (async () => {
              await sleep(0)
              cluster!.stop()
              try {
                await sleep(300)
                const answer = await fetch(`${server.url}/api/health`)
                health = {
                  status: answer.status,
                  retryAfter: answer.headers.get('retry-after'),
                  body: await answer.json(),
                }
                await sleep(DOWN_S * 1000 - 300)
              } finally {
                cluster!.start()
              }
            })()
          },
        })
        await outage
        console.log(
          `database stopped ${DOWN_S} s: ${stats.requests} requests, ${stats.acks} acknowledged, ${stats.unavailable} answered 503 (${stats.unavailableWithRetryAfter} with Retry-After), ${stats.networkErrors} unanswered`,
        )
        expect(stats.lost).toEqual([])
        expect(stats.unavailable).toBeGreaterThan(0)
        expect(stats.unavailableWithRetryAfter).toBe(stats.unavailable)
        expect(health).toMatchObject({
          status: 503,
          retryAfter: '5',
          body: { error: { code: 'database-away', retryAfter: 5 } },
        })
        // the same process answers again, and listens again on a new connection
        const after = await fetch(`${server.url}/api/health`)
        expect(after.status).toBe(200)
        let listenerAfter: number[] = []
        for (let i = 0; i < 60 && listenerAfter.length === 0; i++) {
          listenerAfter = await livePid()
          if (listenerAfter.length === 0) await sleep(250)
        }
        expect(listenerAfter).toHaveLength(1)
        expect(listenerAfter[0]).not.toBe(listenerBefore[0])
        expect(await onUrl(url, (db) => checkStored(db, stats.ids, attempts))).toEqual([])
      } finally {
        await outage?.catch(() => undefined)
        await server.stop()
      }
    },
    120_000,
  )
})

/** Acknowledged batches (of 3 events; 4 per learner) before the kill */
const KILL_AFTER = 150

/**
 * 100 learners sync through a server process that is killed (`kill -9`) after `killAfter`
 * acknowledgements and started again on the same port; returns what the load saw.
 */
async function killDuringLoad(
  start: (port: number) => Promise<SpawnedServer>,
  seeded: Awaited<ReturnType<typeof seedClass>>,
  attempts: readonly (readonly AttemptEvent[])[],
  beforeRestart: (killed: SpawnedServer) => void = () => undefined,
) {
  const port = await freePort()
  let server = await start(port)
  let restart: Promise<void> | undefined
  let killedAt = 0
  try {
    const stats = await runLoad({
      url: () => `http://127.0.0.1:${port}`,
      assignmentId: seeded.assignmentId,
      model: seeded.model,
      learners: seeded.learners,
      attempts,
      batch: 3,
      // the outbox's own pauses start at 1 s; shorter here, but not a storm on a busy machine
      backoff: [250, 500, 1000, 2000],
      deadlineMs: 150_000,
      onAck(acks) {
        if (acks !== KILL_AFTER) return
        const killed = server
        restart = (async () => {
          await killed.kill9()
          killedAt = acks
          beforeRestart(killed)
          server = await start(port)
        })()
      },
    })
    await restart
    expect(killedAt).toBe(KILL_AFTER)
    console.log(
      `killed after ${KILL_AFTER} acknowledgements: ${stats.requests} requests, ${stats.acks} acknowledged, ${stats.networkErrors} unanswered, ${stats.unavailable} answered 503`,
    )
    return stats
  } finally {
    await restart?.catch(() => undefined)
    await server.stop()
  }
}

describe('the server killed during a sync from 100 learners', () => {
  const learners = 100
  onPostgres(
    'on PostgreSQL: restarted, it holds every acknowledged event exactly once',
    async () => {
      const url = await freshDatabase()
      const seeded = await seedClass({ url }, learners)
      const attempts = generateAttempts(seeded.model, learners, 11, 600_000, 32).map(
        (a) => a.events,
      )
      const stats = await killDuringLoad(
        (port) => spawnServer({ port, databaseUrl: url }),
        seeded,
        attempts,
      )
      expect(stats.lost).toEqual([])
      expect(stats.networkErrors).toBeGreaterThan(0)
      expect(await onUrl(url, (db) => checkStored(db, stats.ids, attempts))).toEqual([])
    },
    180_000,
  )

  it('on PGlite in a folder: the stale lock does not block the restart, and nothing is lost or doubled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'practica-fault-'))
    try {
      const seeded = await seedClass(dir, learners)
      const attempts = generateAttempts(seeded.model, learners, 11, 600_000, 33).map(
        (a) => a.events,
      )
      const lock = join(dir, 'practica.lock')
      let stale: string | undefined
      const stats = await killDuringLoad(
        (port) => spawnServer({ port, dataDir: dir }),
        seeded,
        attempts,
        (killed) => {
          // the killed process left its lock behind
          stale = existsSync(lock) ? readFileSync(lock, 'utf8').trim() : undefined
          expect(stale).toBe(String(killed.pid))
        },
      )
      expect(stale).toBeDefined()
      expect(stats.lost).toEqual([])
      expect(stats.networkErrors).toBeGreaterThan(0)
      const database = await openDatabase({ dir })
      try {
        expect(await checkStored(database.db, stats.ids, attempts)).toEqual([])
      } finally {
        await database.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})

forEachDatabase('bad batches', (server) => {
  it('acknowledges an old batch replayed, refuses a gap, takes batches out of order only in order', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const events = generateAttempts(work.model, 1, 59, 300_000, 34)[0]!.events.slice(0, 55)
    const header = headerFor(work.model, learner)
    const path = eventsPath(work.assignmentId, header.id)
    const batch = (from: number, to: number, withHeader = from === 0) =>
      learner.client.post(path, {
        ...(withHeader ? { header } : {}),
        from,
        events: events.slice(from, to),
      })
    for (const from of [0, 10, 20]) expect((await batch(from, from + 10)).status).toBe(200)

    // an old batch replayed (its header too): acknowledged where the attempt stands, not stored again
    const replay = await batch(0, 10)
    expect(replay.status).toBe(200)
    expect(replay.body).toEqual({ nextSeq: 30, ended: false })
    expect((await batch(10, 20)).body).toEqual({ nextSeq: 30, ended: false })
    // an old batch replayed with an event changed: refused, the stored one kept
    const changed = await learner.client.post(path, {
      from: 10,
      events: [{ ...events[10]!, t: events[10]!.t + 1 }, ...events.slice(11, 20)],
    })
    expect(changed.status).toBe(409)
    expect(changed.body.error).toMatchObject({ code: 'events-changed', nextSeq: 30, seq: 10 })

    // out of order: the later batch first is refused with where to go on from
    const early = await batch(40, 50)
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ code: 'gap', nextSeq: 30 })
    expect((await batch(30, 40)).body).toEqual({ nextSeq: 40, ended: false })
    expect((await batch(40, 50)).body).toEqual({ nextSeq: 50, ended: false })
    // a batch reaching back over stored events: only the new ones are stored
    expect((await batch(45, 55)).body).toEqual({ nextSeq: 55, ended: false })
    // a gap of one event
    const gap = await batch(56, 57)
    expect(gap.status).toBe(409)
    expect(gap.body.error).toMatchObject({ code: 'gap', nextSeq: 55 })
    // a first batch of a new attempt that does not start at 0
    const other = headerFor(work.model, learner)
    const late = await learner.client.post(eventsPath(work.assignmentId, other.id), {
      header: other,
      from: 5,
      events: events.slice(5, 10),
    })
    expect(late.status).toBe(409)
    expect(late.body.error).toMatchObject({ nextSeq: 0 })

    expect(await checkStored(server().db, [header.id], [events])).toEqual([])
    expect(await checkStored(server().db, [other.id], [[]])).toEqual([])
  })
})
