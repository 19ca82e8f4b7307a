// Sync: a learner's app sends its attempt's events, in order, in batches, and the server stores
// them idempotently by attempt id + sequence number. What the client claims is checked: the
// header is set once and never changes, the mode is the assignment's, no more attempts than
// allowed, an attempt belongs to one learner, every event is one the live simulator could have
// produced (the engine's checkEvent), and nothing new is taken outside the assignment's dates.
// On `end` the server scores the attempt from its stored events (score.ts).
//
// A batch is stored with one statement that moves the attempt's next_seq from the value the
// checks were made against and inserts the events only if it did (compare-and-set on the row,
// which PostgreSQL locks for the update): two batches of one attempt at once never both write;
// the loser re-reads and answers as a resend, or with the gap or difference it now sees.
import { z } from 'zod'
import { ATTEMPT_FORMAT, type AttemptEvent, type Result } from '../../core/index.ts'
import type { AttemptHeader } from '../db/schema.ts'
import { readJson } from '../http/body.ts'
import type { Caller, Deps } from '../http/context.ts'
import { callerOf } from '../http/guard.ts'
import { ApiError } from '../http/errors.ts'
import { route } from '../http/route.ts'
import { param } from './param.ts'
import { sameJson } from './canonical.ts'
import { closeAssignment } from './close.ts'
import { modelFor } from './models.ts'
import { scoreFirst, ScoringError } from './score.ts'
import { checkClaim, checkEvents, checkNewHeader, closedError } from './syncChecks.ts'
import { appendEvents, createAttempt, readState, RETRY } from './syncStore.ts'
import { publishBatch } from '../live/hub.ts'

/** The most events one batch may carry (an attempt that was offline for an hour sends several). */
export const MAX_BATCH_EVENTS = 1000

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const text = (max: number) => z.string().max(max, `at most ${max} characters`)

const eventSchema = z.strictObject({
  t: z
    .number()
    .int('t is a whole number of milliseconds')
    .min(0, 't may not be negative')
    .max(Number.MAX_SAFE_INTEGER),
  action: text(64),
  target: z.optional(text(200)),
  value: z.optional(text(200)),
})

const headerSchema = z.strictObject({
  format: z.literal(ATTEMPT_FORMAT, { message: `the format is "${ATTEMPT_FORMAT}"` }),
  id: text(64),
  scenario: z.strictObject({
    id: text(64),
    version: text(100),
    sha256: z.optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'sha256 is 64 hex digits')),
  }),
  learner: z.strictObject({ id: text(100), name: z.optional(text(100)) }),
  mode: z.enum(['practice', 'assessment'], { message: 'the mode is practice or assessment' }),
  startedAt: z.iso.datetime({ offset: true, message: 'startedAt is an ISO date-time' }),
  faults: z.array(text(64)).max(100).default([]),
})

// anything else a client sends (its own result, its score) is dropped unread
const batchSchema = z.object({
  header: z.optional(headerSchema),
  from: z.number().int().min(0, 'from may not be negative'),
  events: z
    .array(eventSchema)
    .max(MAX_BATCH_EVENTS, `at most ${MAX_BATCH_EVENTS} events per batch`),
})
export type Batch = z.infer<typeof batchSchema>

/** What the server answers a batch: where the attempt stands now. */
export interface SyncAnswer {
  /** the events stored are 0 … nextSeq − 1: the next batch starts here */
  readonly nextSeq: number
  /** the attempt is finished (its `end` stored, or its assignment closed) */
  readonly ended: boolean
  /** the server's result, once it is finished and scored */
  readonly result?: Result
  readonly revision?: number
}

/**
 * What this process knows of attempts it stored batches of: what never changes (owner,
 * assignment, header, and with them the mode and scenario) and where the attempt stood after its
 * last batch here. The next batch in order is checked against it and stored by appendEvents,
 * whose compare-and-set fails if anything moved meanwhile (another process, a close): then the
 * batch takes the full path, which reads everything from the database.
 */
interface Known {
  readonly owner: string
  readonly assignmentId: string
  readonly header: AttemptHeader
  readonly sha256: string
  nextSeq: number
  lastT: number
}
const KNOWN = new Map<string, Known>()
const MAX_KNOWN = 20_000

function know(attemptId: string, known: Known): void {
  KNOWN.delete(attemptId)
  KNOWN.set(attemptId, known)
  if (KNOWN.size > MAX_KNOWN) KNOWN.delete(KNOWN.keys().next().value!)
}

/** A batch that follows the last one this process stored, stored without reading; else RETRY. */
async function tryNextBatch(
  deps: Deps,
  caller: Caller,
  assignmentId: string,
  attemptId: string,
  batch: Batch,
): Promise<SyncAnswer | typeof RETRY> {
  const known = KNOWN.get(attemptId)
  const events = batch.events as AttemptEvent[]
  if (
    !known ||
    known.owner !== caller.id ||
    known.assignmentId !== assignmentId ||
    known.nextSeq !== batch.from ||
    events.length === 0 ||
    (batch.header && !sameJson(batch.header, known.header))
  )
    return RETRY
  const model = await modelFor(deps.db, known.sha256)
  checkEvents(model, known.header.mode, events, known.nextSeq, known.lastT)
  if (events[events.length - 1]!.action === 'end') {
    KNOWN.delete(attemptId)
    return storeEnd(deps, assignmentId, attemptId, batch.from, events)
  }
  const now = deps.now()
  if (!(await appendEvents(deps.db, assignmentId, attemptId, batch.from, events, false, now))) {
    KNOWN.delete(attemptId)
    return RETRY
  }
  known.nextSeq = batch.from + events.length
  known.lastT = events[events.length - 1]!.t
  await publishBatch(deps, { assignmentId, attemptId, from: batch.from, events, ended: false })
  return { nextSeq: known.nextSeq, ended: false }
}

/**
 * Where the attempt stands; a finished one with its result, scored now if it has none yet
 * (`justEnded`: this request ended it, so it has none to read).
 */
async function answerOf(
  deps: Deps,
  attemptId: string,
  nextSeq: number,
  ended: boolean,
  justEnded = false,
): Promise<SyncAnswer> {
  if (!ended) return { nextSeq, ended }
  const row = justEnded
    ? undefined
    : await deps.db
        .selectFrom('results')
        .select(['result', 'revision'])
        .where('attempt_id', '=', attemptId)
        .executeTakeFirst()
  if (row) return { nextSeq, ended, result: row.result as Result, revision: row.revision }
  try {
    const { result, revision } = await scoreFirst(deps.db, attemptId, deps.now())
    return { nextSeq, ended, result, revision }
  } catch (e) {
    // the events are kept; the scenario's mistake is the log's, not the learner's
    if (!(e instanceof ScoringError)) throw e
    deps.log.warn({ attempt: attemptId, problems: e.problems }, 'attempt cannot be scored')
    return { nextSeq, ended }
  }
}

/**
 * How many of the batch's events the server has already (a resend whose acknowledgement was
 * lost); 409 `events-changed` if any of them differs from the one stored.
 */
async function checkResent(
  db: Deps['db'],
  attemptId: string,
  batch: Batch,
  nextSeq: number,
): Promise<number> {
  const overlap = Math.min(nextSeq - batch.from, batch.events.length)
  if (overlap <= 0) return 0
  const stored = await db
    .selectFrom('attempt_events')
    .select(['seq', 'event'])
    .where('attempt_id', '=', attemptId)
    .where('seq', '>=', batch.from)
    .where('seq', '<', batch.from + overlap)
    .orderBy('seq')
    .execute()
  const differs = batch.events
    .slice(0, overlap)
    .findIndex((e, i) => stored[i]?.seq !== batch.from + i || !sameJson(e, stored[i]!.event))
  if (differs >= 0)
    throw new ApiError(
      409,
      'events-changed',
      `Event ${batch.from + differs} differs from the one the server stored; events cannot change once sent.`,
      { nextSeq, seq: batch.from + differs },
    )
  return overlap
}

/** One try at storing a batch: the answer, or RETRY when another request moved the attempt. */
async function tryBatch(
  deps: Deps,
  caller: Caller,
  assignmentId: string,
  attemptId: string,
  batch: Batch,
): Promise<SyncAnswer | typeof RETRY> {
  const { db, log } = deps
  const now = deps.now()
  const state = await readState(db, assignmentId, attemptId, caller.id)
  if (!state) throw new ApiError(404, 'not-found', 'There is no such assignment.')
  // a close that is due is processed before anything is taken
  if (!state.closed_at && state.closes_at && state.closes_at.getTime() <= now.getTime()) {
    await closeAssignment(db, assignmentId, now, { log })
    return RETRY
  }
  const exists = state.owner !== null
  const header = checkClaim(state, caller, assignmentId, batch)
  const nextSeq = state.next_seq ?? 0
  const ended = state.ended ?? false
  if (batch.from > nextSeq)
    throw new ApiError(
      409,
      'gap',
      `The server has events up to ${nextSeq - 1}; send from event ${nextSeq}.`,
      { nextSeq },
    )
  const overlap = await checkResent(db, attemptId, batch, nextSeq)
  const fresh = batch.events.slice(overlap) as AttemptEvent[]
  if (fresh.length === 0 && exists) return answerOf(deps, attemptId, nextSeq, ended)
  const open =
    !state.closed_at && (state.opens_at === null || state.opens_at.getTime() <= now.getTime())
  if (!open) throw closedError(state, now)
  if (ended)
    throw new ApiError(
      409,
      'attempt-ended',
      'This attempt is finished; no events can be added to it.',
      { nextSeq },
    )
  const model = await modelFor(db, state.sha256)
  if (!exists) checkNewHeader(attemptId, header, state, model)
  checkEvents(model, state.mode, fresh, nextSeq, state.last_t ?? 0)
  if (
    !exists &&
    (await createAttempt(deps, caller, assignmentId, attemptId, header, state.max_attempts)) ===
      RETRY
  )
    return RETRY
  if (fresh.length === 0) {
    await publishBatch(deps, { assignmentId, attemptId, from: nextSeq, events: [], ended })
    return { nextSeq, ended }
  }
  const ends = fresh[fresh.length - 1]!.action === 'end'
  const to = nextSeq + fresh.length
  if (!ends) {
    if (!(await appendEvents(db, assignmentId, attemptId, nextSeq, fresh, false, now))) return RETRY
    await publishBatch(deps, {
      assignmentId,
      attemptId,
      from: nextSeq,
      events: fresh,
      ended: false,
    })
    know(attemptId, {
      owner: caller.id,
      assignmentId,
      header,
      sha256: state.sha256,
      nextSeq: to,
      lastT: fresh[fresh.length - 1]!.t,
    })
    return { nextSeq: to, ended: false }
  }
  KNOWN.delete(attemptId)
  return storeEnd(deps, assignmentId, attemptId, nextSeq, fresh)
}

/**
 * Stores the batch that ends the attempt (the compare-and-set marks it finished with its events),
 * then the server's result of the stored events (scoreFirst). Should the server stop in between,
 * the next resend of the batch scores it (answerOf).
 */
async function storeEnd(
  deps: Deps,
  assignmentId: string,
  attemptId: string,
  from: number,
  events: readonly AttemptEvent[],
): Promise<SyncAnswer | typeof RETRY> {
  const now = deps.now()
  if (!(await appendEvents(deps.db, assignmentId, attemptId, from, events, true, now))) return RETRY
  const answer = await answerOf(deps, attemptId, from + events.length, true, true)
  await publishBatch(deps, { assignmentId, attemptId, from, events, ...answer })
  return answer
}

export const syncRoutes = [
  route({
    method: 'POST',
    path: '/api/assignments/:assignmentId/attempts/:attemptId/events',
    allow: ['learner'],
    scope: 'assignment',
    summary: "store a batch of an attempt's events (idempotent by attempt id + sequence number)",
    async handler(c) {
      const deps = c.get('deps')
      const attemptId = param(c, 'attemptId')
      if (!UUID.test(attemptId))
        throw new ApiError(
          400,
          'bad-request',
          'An attempt id is a UUID (like 5b0c6d1e-…); this one is not.',
          { field: 'attemptId' },
        )
      const batch = await readJson(c, batchSchema)
      const caller = callerOf(c)
      const assignmentId = param(c, 'assignmentId')
      // another request on the same attempt moved it meanwhile: look again (a handful of times)
      for (let tries = 0; tries < 9; tries++) {
        const answer =
          tries === 0
            ? await tryNextBatch(deps, caller, assignmentId, attemptId, batch)
            : await tryBatch(deps, caller, assignmentId, attemptId, batch)
        if (answer !== RETRY) return c.json(answer)
      }
      throw new ApiError(
        503,
        'busy',
        'This attempt is being written by several requests at once; send the batch again.',
      )
    },
  }),
]
