// `sync`: a class syncing at once, as when a lab's network comes back (or its server restarts)
// with every learner's attempt waiting in the browser. Simulated learners each send an attempt of
// generated conveyor events over loopback to the real Practica server on PGlite in a temporary
// folder, as the app's outbox sends waiting events: in batches of its BATCH_SIZE, the header with
// the first, the last ending the attempt (which the server scores); one learner in ten re-sends
// its second batch, as after a lost acknowledgement. (Live, the outbox sends each event within 150 ms,
// one or two a request: that load is the peer's shape, and far below this one.) Peer: the same
// stack storing one event per request with one INSERT (tests/bench/peers/syncPeer.ts), sent the
// same events, one request each, with the same re-sends. Figures: events stored per second (wall
// time of the whole class, every learner at once) and the p99 acknowledgement latency of a
// request; after every round the stored rows are counted and summed on both sides, so no event is
// lost or stored twice, and ours must have scored every attempt.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pino from 'pino'
import {
  ATTEMPT_FORMAT,
  loadScenario,
  type AttemptEvent,
  type Model,
} from '../../src/core/index.ts'
import { BATCH_SIZE as BATCH } from '../../src/state/classroom/api.ts'
import { readConfig } from '../../src/server/config.ts'
import { openDatabase, type OpenDatabase } from '../../src/server/db/open.ts'
import { hashSecret } from '../../src/server/people/secret.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { generateAttempts } from './generate.ts'
import { makeResult, median, type BenchOptions, type BenchResult } from './harness.ts'
import { startSyncPeer, type SyncPeer } from './peers/syncPeer.ts'

interface Sizes {
  readonly learners: number
  readonly events: number
  readonly rounds: number
}
// one round of a whole class is a long sample (40,000 events; the peer's 60,000 requests take
// minutes on a busy 2-core machine), after a small warm-up round on each side
const FULL: Sizes = { learners: 200, events: 200, rounds: 1 }
// quick: two batches (the second re-sent by two learners), at a tenth of the class
const QUICK: Sizes = { learners: 20, events: 150, rounds: 1 }

interface Round {
  readonly eventsPerSecond: number
  readonly p99: number
  readonly requests: number
}

/** The q-quantile (nearest rank) of `values`. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!
}

const sessionHash = (token: string) => createHash('sha256').update(token).digest('hex')

interface Ours {
  readonly running: RunningServer
  readonly database: OpenDatabase
  readonly assignmentId: string
  readonly classCode: string
  readonly learners: { readonly learnerId: string; readonly cookie: string }[]
}

/**
 * Our server on PGlite in `where` (a folder), or on PostgreSQL (`{ url }`): a class, the conveyor
 * published and assigned, its learners.
 */
export async function startOurs(
  where: string | { readonly url: string },
  model: Model,
  bytes: Uint8Array,
  n: number,
): Promise<Ours> {
  const dir = typeof where === 'string' ? where : undefined
  const database = await openDatabase(typeof where === 'string' ? { dir } : where)
  const running = await startServer(
    {
      ...readConfig({}),
      port: 0,
      host: '127.0.0.1',
      https: 'off',
      appDir: undefined,
      dataDir: dir ?? readConfig({}).dataDir,
      logLevel: 'silent',
    },
    { database, log: pino({ level: process.env['SYNC_LOG'] ?? 'silent' }) },
  )
  const { db } = database
  const expires = new Date(Date.now() + 24 * 3_600_000)
  const person = async (role: 'instructor' | 'learner') => {
    const id = randomUUID()
    await db
      .insertInto('users')
      .values({
        id,
        role,
        name: `${role} ${id.slice(0, 4)}`,
        login: role === 'learner' ? null : id,
        password_hash: null,
      })
      .execute()
    const token = randomBytes(32).toString('base64url')
    await db
      .insertInto('sessions')
      .values({ id: sessionHash(token), user_id: id, expires_at: expires })
      .execute()
    return { id, cookie: `practica_session=${token}` }
  }
  const instructor = await person('instructor')
  const classId = randomUUID()
  await db
    .insertInto('classes')
    .values({
      id: classId,
      code: 'BENCH1',
      name: 'Bench',
      instructor_id: instructor.id,
      pin_hash: null,
    })
    .execute()
  const url = `http://127.0.0.1:${running.port}`
  const staff = { origin: url, cookie: instructor.cookie }
  const published = await fetch(`${url}/api/scenarios`, {
    method: 'POST',
    headers: staff,
    body: bytes as Uint8Array<ArrayBuffer>,
  })
  if (!published.ok) throw new Error(`publishing the conveyor failed: ${await published.text()}`)
  const assigned = await fetch(`${url}/api/classes/${classId}/assignments`, {
    method: 'POST',
    headers: { ...staff, 'content-type': 'application/json' },
    body: JSON.stringify({
      scenarioId: model.scenario.id,
      version: model.scenario.version,
      mode: 'assessment',
    }),
  })
  if (assigned.status !== 201) throw new Error(`assigning failed: ${await assigned.text()}`)
  const assignmentId = ((await assigned.json()) as { id: string }).id
  const learners = []
  for (let i = 0; i < n; i++) {
    const learner = await person('learner')
    const learnerId = `S-${i}`
    await db
      .insertInto('class_learners')
      .values({ class_id: classId, user_id: learner.id, learner_id: learnerId, pin_hash: null })
      .execute()
    learners.push({ learnerId, cookie: learner.cookie })
  }
  return { running, database, assignmentId, classCode: 'BENCH1', learners }
}

/**
 * POSTs `body` on `agent` (kept-alive sockets of one round only); the status and the parsed
 * answer. A request written on a kept-alive socket that the server closed at that moment (its
 * keep-alive timeout, late on a busy machine) fails with ECONNRESET: it is sent again, as Node's
 * documentation advises, and safely so, since both servers store a resent event once.
 */
function post(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
  tries = 3,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString()),
          })
        } catch (e) {
          reject(e as Error)
        }
      })
      res.on('error', reject)
    })
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET' && req.reusedSocket && tries > 1)
        resolve(post(agent, url, headers, body, tries - 1))
      else reject(e)
    })
    req.end(body)
  })
}

/** One ack: the request's latency, after checking the answer. */
async function timed(
  latencies: number[],
  send: () => Promise<{ status: number; body: unknown }>,
  check: (status: number, body: unknown) => boolean,
): Promise<void> {
  const started = performance.now()
  const answer = await send()
  latencies.push(performance.now() - started)
  if (!check(answer.status, answer.body))
    throw new Error(
      `unexpected answer ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
    )
}

/** Whether learner `i` loses the acknowledgement of its second batch and sends it again. */
const losesAnAck = (i: number) => i % 10 === 0

/** Sum of every event's t, to check that what was stored is what was sent. */
const sumOfTimes = (attempts: readonly (readonly AttemptEvent[])[]) =>
  attempts.reduce((s, events) => s + events.reduce((a, e) => a + e.t, 0), 0)

export async function roundOfOurs(
  ours: Ours,
  model: Model,
  attempts: readonly AttemptEvent[][],
): Promise<Round> {
  const url = `http://127.0.0.1:${ours.running.port}`
  const latencies: number[] = []
  const ids = attempts.map(() => randomUUID())
  const agent = new Agent({ keepAlive: true })
  const started = performance.now()
  await Promise.all(
    attempts.map(async (events, i) => {
      const learner = ours.learners[i]!
      const header = {
        format: ATTEMPT_FORMAT,
        id: ids[i]!,
        scenario: { id: model.scenario.id, version: model.scenario.version, sha256: model.sha256 },
        learner: { id: learner.learnerId, name: `Learner ${i}` },
        mode: 'assessment',
        startedAt: new Date().toISOString(),
        faults: [],
      }
      const headers = { origin: url, cookie: learner.cookie, 'content-type': 'application/json' }
      const path = `${url}/api/assignments/${ours.assignmentId}/attempts/${ids[i]}/events`
      for (let from = 0; from < events.length; from += BATCH) {
        const body = JSON.stringify({
          ...(from === 0 ? { header } : {}),
          from,
          events: events.slice(from, from + BATCH),
        })
        const to = Math.min(from + BATCH, events.length)
        const acked = (status: number, answer: unknown) =>
          status === 200 &&
          (answer as { nextSeq: number }).nextSeq === to &&
          (to < events.length || (answer as { result?: unknown }).result !== undefined)
        const send = () => post(agent, path, headers, body)
        await timed(latencies, send, acked)
        // the second batch's acknowledgement "lost": the outbox sends it again
        if (from === BATCH && losesAnAck(i)) await timed(latencies, send, acked)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  const { rows } = await sql<{ n: string; t: string; scored: string }>`
    SELECT count(*) AS n, sum((event->>'t')::bigint) AS t,
           (SELECT count(*) FROM results WHERE attempt_id = ANY(${ids}::uuid[])) AS scored
      FROM attempt_events WHERE attempt_id = ANY(${ids}::uuid[])`.execute(ours.database.db)
  const total = attempts.reduce((s, e) => s + e.length, 0)
  const row = rows[0]!
  if (Number(row.n) !== total || Number(row.t) !== sumOfTimes(attempts))
    throw new Error(`ours stored ${row.n} events (t sum ${row.t}), not the ${total} sent`)
  if (Number(row.scored) !== attempts.length)
    throw new Error(`ours scored ${row.scored} attempts of ${attempts.length}`)
  return {
    eventsPerSecond: total / seconds,
    p99: quantile(latencies, 0.99),
    requests: latencies.length,
  }
}

/** Learners joining at once from one address (a lab behind one NAT address). */
const JOINS = 40
const CLASS_PIN = '2468'

/**
 * The wall time of JOINS learners joining the class at once with its PIN, all from 127.0.0.1 (as
 * a lab behind one address): every join must succeed, none refused by a limit on the address.
 */
async function timeJoins(ours: Ours): Promise<number> {
  const url = `http://127.0.0.1:${ours.running.port}`
  await ours.database.db
    .updateTable('classes')
    .set({ pin_hash: await hashSecret(CLASS_PIN) })
    .where('code', '=', ours.classCode)
    .execute()
  const started = performance.now()
  const answers = await Promise.all(
    Array.from({ length: JOINS }, (_, i) =>
      fetch(`${url}/api/join`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'application/json' },
        body: JSON.stringify({
          code: ours.classCode,
          learnerId: `NAT-${i}`,
          name: `Joiner ${i}`,
          classPin: CLASS_PIN,
        }),
      }),
    ),
  )
  const ms = performance.now() - started
  const refused = answers.filter((a) => a.status !== 200)
  if (refused.length > 0)
    throw new Error(`${refused.length} of ${JOINS} joins were refused (${refused[0]!.status})`)
  return ms
}

async function roundOfPeer(
  peer: SyncPeer,
  cookies: readonly string[],
  attempts: readonly AttemptEvent[][],
): Promise<Round> {
  const latencies: number[] = []
  const ids = attempts.map(() => randomUUID())
  const agent = new Agent({ keepAlive: true })
  const started = performance.now()
  await Promise.all(
    attempts.map(async (events, i) => {
      const headers = { cookie: cookies[i]!, 'content-type': 'application/json' }
      const send = (seq: number) => () =>
        post(
          agent,
          `${peer.url}/api/attempts/${ids[i]}/events/${seq}`,
          headers,
          JSON.stringify(events[seq]),
        )
      const acked = (seq: number) => (status: number, answer: unknown) =>
        status === 200 && (answer as { stored: number }).stored === seq
      for (let seq = 0; seq < events.length; seq++) await timed(latencies, send(seq), acked(seq))
      // the same re-sends as ours: the second batch's events again
      if (losesAnAck(i))
        for (let seq = BATCH; seq < Math.min(2 * BATCH, events.length); seq++)
          await timed(latencies, send(seq), acked(seq))
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  const { rows } = await sql<{ n: string; t: string }>`
    SELECT count(*) AS n, sum((event->>'t')::bigint) AS t
      FROM peer_events WHERE attempt_id = ANY(${ids}::uuid[])`.execute(peer.db)
  const total = attempts.reduce((s, e) => s + e.length, 0)
  if (Number(rows[0]!.n) !== total || Number(rows[0]!.t) !== sumOfTimes(attempts))
    throw new Error(`the peer stored ${rows[0]!.n} events, not the ${total} sent`)
  return {
    eventsPerSecond: total / seconds,
    p99: quantile(latencies, 0.99),
    requests: latencies.length,
  }
}

export async function runSync(options: BenchOptions): Promise<BenchResult[]> {
  const sizes = options.quick ? QUICK : FULL
  const bytes = new Uint8Array(
    readFileSync(new URL('../../scenarios/conveyor-loto.json', import.meta.url)),
  )
  const loaded = loadScenario(bytes, { looks: 'form' })
  if (!loaded.ok) throw new Error('scenarios/conveyor-loto.json does not load')
  const model = loaded.value
  const attempts = generateAttempts(model, sizes.learners, sizes.events - 1, 600_000, 21).map(
    (a) => a.events,
  )
  const dir = mkdtempSync(join(tmpdir(), 'practica-bench-sync-'))
  let ours: Ours | undefined
  let peer: SyncPeer | undefined
  try {
    ours = await startOurs(join(dir, 'ours'), model, bytes, sizes.learners)
    peer = await startSyncPeer(join(dir, 'peer'))
    const cookies: string[] = []
    for (let i = 0; i < sizes.learners; i++) cookies.push(await peer.addLearner(randomUUID()))
    const oursRounds: Round[] = []
    const peerRounds: Round[] = []
    // a small warm-up round each, not counted (full runs), then ours and the peer in turn
    if (!options.quick) {
      const warmUp = generateAttempts(model, QUICK.learners, QUICK.events - 1, 600_000, 22).map(
        (a) => a.events,
      )
      await roundOfOurs(ours, model, warmUp)
      await roundOfPeer(peer, cookies, warmUp)
    }
    for (let r = 0; r < sizes.rounds; r++) {
      oursRounds.push(await roundOfOurs(ours, model, attempts))
      peerRounds.push(await roundOfPeer(peer, cookies, attempts))
    }
    const joinMs = await timeJoins(ours)
    const rate = (rounds: Round[]) => median(rounds.map((r) => r.eventsPerSecond))
    const p99 = (rounds: Round[]) => median(rounds.map((r) => r.p99))
    const ratio = median(
      oursRounds.map((o, i) => o.eventsPerSecond / peerRounds[i]!.eventsPerSecond),
    )
    const what = `${sizes.learners} learners at once, each sending ${sizes.events} generated conveyor events (assessment mode) over loopback`
    return [
      makeResult({
        name: 'sync',
        unit: ' events/s',
        ours: rate(oursRounds),
        peer: rate(peerRounds),
        ratio,
        goals: [{ on: 'ratio', op: '>=', value: 10 }],
        note: `${what}: ours in batches of ${BATCH} to the Practica server on PGlite in a folder (${oursRounds[0]!.requests} requests a round: every event checked by the engine, the attempt scored on its end), the peer one event per request, its session cookie checked, stored with one INSERT (${peerRounds[0]!.requests} requests), same stack, PGlite in another folder; one learner in ten re-sends its second batch, its events on the peer; rows counted and summed after every round, none lost or doubled; ${sizes.rounds === 1 ? 'one round each' : `median of ${sizes.rounds} rounds`}${options.quick ? '' : ` after a warm-up round of ${QUICK.learners} learners × ${QUICK.events} events`}`,
      }),
      makeResult({
        name: 'sync-p99',
        unit: ' ms',
        ours: p99(oursRounds),
        peer: p99(peerRounds),
        goals: [{ on: 'ours', op: '<=', value: 5000 }],
        note: `p99 acknowledgement latency of one request in the same rounds (ours: a batch of ${BATCH} events; the peer: one event), ${sizes.learners} learners sending at once`,
      }),
      makeResult({
        name: 'class-join',
        unit: ' ms',
        ours: joinMs,
        goals: [{ on: 'ours', op: '<=', value: 10_000 }],
        note: `${JOINS} learners joining the class at once with its class PIN, all from one address (a lab behind one NAT address), on the same server after the rounds: wall time until every one is signed in (each join checks the PIN's scrypt hash); all must succeed`,
      }),
    ]
  } finally {
    await ours?.running.close()
    await ours?.database.close()
    await peer?.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
