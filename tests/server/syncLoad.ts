// A class syncing through faults: each simulated learner speaks the sync API as the app's outbox
// does (src/state/classroom/outbox.ts): batches in order, the header with the first, a batch whose
// answer never came sent again, a `gap` or `header-needed` answered by going on from the server's
// nextSeq, a pause after a failure (as long as a 503's Retry-After asks). It notes what the server
// acknowledged, and flags any answer that holds less than was acknowledged before (an
// acknowledged event lost). checkStored then compares the database with what was sent.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { ATTEMPT_FORMAT, type AttemptEvent, type Model } from '../../src/core/index.ts'
import type { Database } from '../../src/server/db/schema.ts'
import { startOurs } from '../bench/sync.ts'
import { CONVEYOR_BYTES, conveyorModel } from './workSetup.ts'

export interface SeededClass {
  readonly model: Model
  readonly assignmentId: string
  readonly learners: readonly LoadLearner[]
  /** an admin's session cookie (may watch every assignment's live view) */
  readonly staffCookie: string
}

/**
 * A class of `n` learners with the conveyor published and assigned (assessment mode), made by a
 * server in this process on PGlite in `where` (a folder) or on PostgreSQL (`{ url }`), which is
 * then closed: the database is ready for a server started in a process of its own.
 */
export async function seedClass(
  where: string | { readonly url: string },
  n: number,
): Promise<SeededClass> {
  const model = conveyorModel()
  const ours = await startOurs(where, model, CONVEYOR_BYTES, n)
  try {
    const adminId = randomUUID()
    const token = randomBytes(32).toString('base64url')
    const { db } = ours.database
    await db
      .insertInto('users')
      .values({ id: adminId, role: 'admin', name: 'Admin', login: adminId, password_hash: null })
      .execute()
    await db
      .insertInto('sessions')
      .values({
        id: createHash('sha256').update(token).digest('hex'),
        user_id: adminId,
        expires_at: new Date(Date.now() + 24 * 3_600_000),
      })
      .execute()
    return {
      model,
      assignmentId: ours.assignmentId,
      learners: ours.learners,
      staffCookie: `practica_session=${token}`,
    }
  } finally {
    await ours.running.close()
    await ours.database.close()
  }
}

export interface LoadLearner {
  readonly learnerId: string
  /** `practica_session=…` */
  readonly cookie: string
}

export interface LoadOptions {
  /** the server's address (read at every request: a test may move it) */
  readonly url: () => string
  readonly assignmentId: string
  readonly model: Model
  readonly learners: readonly LoadLearner[]
  /** one attempt's events per learner, the last `end` */
  readonly attempts: readonly (readonly AttemptEvent[])[]
  /** events per batch */
  readonly batch: number
  /** the pauses after failures without Retry-After, in ms (the last repeats) */
  readonly backoff?: readonly number[]
  /** told after every acknowledged batch, with the count of acknowledgements so far */
  readonly onAck?: (acks: number) => void
  /** the whole load fails after this long */
  readonly deadlineMs: number
}

export interface LoadStats {
  /** the attempts' ids, learner by learner */
  readonly ids: readonly string[]
  /** the highest nextSeq acknowledged per attempt */
  readonly acked: number[]
  requests: number
  acks: number
  /** requests that got no answer (refused connection, cut, reset) */
  networkErrors: number
  /** 503 answers, and how many of them carried Retry-After (seconds) */
  unavailable: number
  unavailableWithRetryAfter: number
  /** answers holding less than an earlier acknowledgement: acknowledged events lost */
  readonly lost: string[]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Runs the load until every learner's attempt is acknowledged whole; throws on a refusal. */
export async function runLoad(options: LoadOptions): Promise<LoadStats> {
  const backoff = options.backoff ?? [100, 200, 400, 800, 1000]
  const ids = options.attempts.map(() => randomUUID())
  const stats: LoadStats = {
    ids,
    acked: ids.map(() => 0),
    requests: 0,
    acks: 0,
    networkErrors: 0,
    unavailable: 0,
    unavailableWithRetryAfter: 0,
    lost: [],
  }
  const deadline = Date.now() + options.deadlineMs
  const { model } = options
  await Promise.all(
    options.attempts.map(async (events, i) => {
      const learner = options.learners[i]!
      const id = ids[i]!
      const header = {
        format: ATTEMPT_FORMAT,
        id,
        scenario: { id: model.scenario.id, version: model.scenario.version, sha256: model.sha256 },
        learner: { id: learner.learnerId, name: `Learner ${i}` },
        mode: 'assessment',
        startedAt: new Date().toISOString(),
        faults: [],
      }
      let from = 0
      let failures = 0
      while (from < events.length) {
        if (Date.now() > deadline)
          throw new Error(
            `learner ${i} still had events ${from}… to send at the deadline (${JSON.stringify({ ...stats, acked: undefined, ids: undefined })})`,
          )
        const url = options.url()
        const body = JSON.stringify({
          ...(from === 0 ? { header } : {}),
          from,
          events: events.slice(from, from + options.batch),
        })
        stats.requests++
        let status: number
        let answer: any
        let retryAfter: string | null
        try {
          const response = await fetch(
            `${url}/api/assignments/${options.assignmentId}/attempts/${id}/events`,
            {
              method: 'POST',
              headers: { origin: url, cookie: learner.cookie, 'content-type': 'application/json' },
              body,
              signal: AbortSignal.timeout(20_000),
            },
          )
          status = response.status
          retryAfter = response.headers.get('retry-after')
          const text = await response.text()
          try {
            answer = JSON.parse(text)
          } catch {
            answer = text
          }
        } catch {
          // no answer: the batch may or may not be stored; it goes again
          stats.networkErrors++
          await sleep(backoff[Math.min(failures++, backoff.length - 1)]!)
          continue
        }
        const held = (nextSeq: number, how: string) => {
          if (nextSeq < stats.acked[i]!)
            stats.lost.push(`${id}: ${how} says ${nextSeq}, ${stats.acked[i]} were acknowledged`)
        }
        if (status === 200) {
          held(answer.nextSeq, 'an acknowledgement')
          stats.acked[i] = Math.max(stats.acked[i]!, answer.nextSeq)
          from = answer.nextSeq
          failures = 0
          options.onAck?.(++stats.acks)
          continue
        }
        if (
          status === 409 &&
          (answer?.error?.code === 'gap' || answer?.error?.code === 'header-needed')
        ) {
          held(answer.error.nextSeq, answer.error.code)
          from = answer.error.nextSeq
          continue
        }
        if (status === 503 || status === 502 || status === 504) {
          if (status === 503) stats.unavailable++
          const seconds = Number(retryAfter)
          if (status === 503 && retryAfter !== null && seconds > 0) {
            stats.unavailableWithRetryAfter++
            // as the outbox: no sooner than asked, the class spread over a quarter more
            await sleep(seconds * 1000 * (1 + Math.random() / 4))
          } else await sleep(backoff[Math.min(failures++, backoff.length - 1)]!)
          continue
        }
        throw new Error(`learner ${i}: unexpected answer ${status}: ${JSON.stringify(answer)}`)
      }
    }),
  )
  return stats
}

/** Whether two events are the same (jsonb keeps keys in its own order). */
const sameEvent = (a: AttemptEvent, b: AttemptEvent) =>
  a.t === b.t && a.action === b.action && a.target === b.target && a.value === b.value

/**
 * Every attempt's stored events, compared with what was sent: each event once, at its place, the
 * same; returns the problems found (none: an empty list).
 */
export async function checkStored(
  db: Kysely<Database>,
  ids: readonly string[],
  attempts: readonly (readonly AttemptEvent[])[],
): Promise<string[]> {
  const { rows } = await sql<{ attempt_id: string; seq: number; event: AttemptEvent }>`
    SELECT attempt_id, seq, event FROM attempt_events
     WHERE attempt_id = ANY(${ids}::uuid[]) ORDER BY attempt_id, seq`.execute(db)
  const byAttempt = new Map<string, { seq: number; event: AttemptEvent }[]>()
  for (const r of rows) {
    const list = byAttempt.get(r.attempt_id) ?? []
    list.push(r)
    byAttempt.set(r.attempt_id, list)
  }
  const problems: string[] = []
  ids.forEach((id, i) => {
    const sent = attempts[i]!
    const stored = byAttempt.get(id) ?? []
    if (stored.length !== sent.length)
      problems.push(`${id}: ${stored.length} events stored, ${sent.length} sent`)
    stored.forEach((r, k) => {
      if (r.seq !== k) problems.push(`${id}: event ${k} stored as seq ${r.seq}`)
      else if (!sameEvent(r.event, sent[k]!))
        problems.push(`${id}: event ${k} differs from the one sent`)
    })
  })
  return problems
}
