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
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { z } from 'zod'
import {
  ATTEMPT_FORMAT,
  checkAttempt,
  checkEvent,
  problemAt,
  type AttemptEvent,
  type Model,
  type Result,
} from '../../core/index.ts'
import type { AttemptHeader, Database } from '../db/schema.ts'
import { readJson } from '../http/body.ts'
import type { Caller, Deps } from '../http/context.ts'
import { callerOf } from '../http/guard.ts'
import { ApiError, forbidden } from '../http/errors.ts'
import { route } from '../http/route.ts'
import { param } from './param.ts'
import { sameJson } from './canonical.ts'
import { closeAssignment } from './close.ts'
import { modelFor } from './models.ts'
import { problemView } from './scenarios.ts'
import { scoreFirst, ScoringError } from './score.ts'

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

/** Where the assignment and the attempt stand, read in one query. */
interface State {
  mode: 'practice' | 'assessment'
  scenario_id: string
  scenario_version: string
  sha256: string
  opens_at: Date | null
  closes_at: Date | null
  closed_at: Date | null
  max_attempts: number | null
  owner: string | null
  attempt_assignment: string | null
  header: AttemptHeader | null
  next_seq: number | null
  ended: boolean | null
  last_t: number | null
  /** the caller's learner ID in the assignment's class */
  learner_id: string | null
}

async function readState(
  db: Kysely<Database>,
  assignmentId: string,
  attemptId: string,
  callerId: string,
): Promise<State | undefined> {
  const { rows } = await sql<State>`
    SELECT a.mode, a.scenario_id, a.scenario_version, s.sha256, a.opens_at, a.closes_at,
           a.closed_at, a.max_attempts, t.user_id AS owner, t.assignment_id AS attempt_assignment,
           t.header, t.next_seq, t.ended,
           (SELECT (e.event->>'t')::float8 FROM attempt_events e
             WHERE e.attempt_id = t.id AND e.seq = t.next_seq - 1) AS last_t,
           (SELECT l.learner_id FROM class_learners l
             WHERE l.user_id = ${callerId} AND l.class_id = a.class_id) AS learner_id
      FROM assignments a
      JOIN scenarios s ON s.id = a.scenario_id AND s.version = a.scenario_version
      LEFT JOIN attempts t ON t.id = ${attemptId}
     WHERE a.id = ${assignmentId}`.execute(db)
  return rows[0]
}

const RETRY = Symbol('retry')

const closedError = (state: State, now: Date) => {
  const notYet = state.opens_at !== null && state.opens_at.getTime() > now.getTime()
  return new ApiError(
    409,
    'assignment-closed',
    notYet
      ? `This assignment opens at ${state.opens_at!.toISOString()}; nothing can be handed in before then.`
      : 'This assignment is closed; nothing more can be handed in.',
    {
      opensAt: state.opens_at?.toISOString() ?? null,
      closesAt: state.closes_at?.toISOString() ?? null,
    },
  )
}

/** Checks a new attempt's header against the assignment, the learner and the scenario. */
function checkNewHeader(
  attemptId: string,
  header: AttemptHeader,
  state: State,
  model: Model,
): void {
  if (header.id !== attemptId)
    throw new ApiError(
      400,
      'bad-request',
      `The header's id (${header.id}) is not the attempt id in the address (${attemptId}).`,
      { field: 'header.id' },
    )
  if (
    header.scenario.id !== state.scenario_id ||
    header.scenario.version !== state.scenario_version ||
    (header.scenario.sha256 !== undefined && header.scenario.sha256.toLowerCase() !== state.sha256)
  )
    throw new ApiError(
      409,
      'wrong-scenario',
      `This attempt was made on another scenario than the assignment's (${state.scenario_id} version ${state.scenario_version}).`,
    )
  if (header.mode !== state.mode)
    throw new ApiError(
      409,
      'wrong-mode',
      `This assignment is done in ${state.mode} mode, not ${header.mode} mode.`,
      { mode: state.mode },
    )
  if (state.learner_id !== header.learner.id)
    throw new ApiError(
      409,
      'wrong-learner',
      `This attempt names learner "${header.learner.id}", but you are signed in as learner "${state.learner_id ?? '?'}".`,
    )
  const problems = checkAttempt(model, { ...header, format: ATTEMPT_FORMAT, events: [] })
  if (!problems.empty)
    throw new ApiError(
      422,
      'invalid-attempt',
      `The attempt's header is not valid for this scenario: ${problems.items[0]!.message}.`,
      { problems: problems.items.map(problemView) },
    )
}

/** Refuses the first event that the live simulator could not have produced. */
function checkEvents(
  model: Model,
  mode: 'practice' | 'assessment',
  events: readonly AttemptEvent[],
  firstSeq: number,
  previousT: number,
): void {
  let previous = previousT
  events.forEach((e, i) => {
    const seq = firstSeq + i
    const fault =
      e.t < previous
        ? (['attempt.timeOrder', { index: seq, t: e.t, previous }] as const)
        : checkEvent(model, mode, e)
    if (fault) {
      const problem = problemAt(['events', seq], fault[0], { ...fault[1], index: seq })
      throw new ApiError(422, 'invalid-event', `The attempt's ${problem.message}.`, {
        seq,
        problems: [problemView(problem)],
      })
    }
    if (e.action === 'end' && i < events.length - 1)
      throw new ApiError(
        409,
        'attempt-ended',
        `Event ${seq} ends the attempt, so no event can come after it.`,
        { seq },
      )
    previous = e.t
  })
}

/** Makes the attempt row, if the learner has an attempt left; RETRY if it appeared meanwhile. */
async function createAttempt(
  deps: Deps,
  caller: Caller,
  assignmentId: string,
  attemptId: string,
  header: AttemptHeader,
  maxAttempts: number | null,
): Promise<typeof RETRY | undefined> {
  const now = deps.now()
  if (maxAttempts === null) {
    // no limit to count against: one statement, no transaction (on PGlite a transaction holds
    // the whole database); RETRY if the attempt appeared meanwhile or a limit was set
    const { rows } = await sql<{ id: string }>`
      INSERT INTO attempts (id, assignment_id, user_id, header, created_at, updated_at)
      SELECT ${attemptId}, a.id, ${caller.id}, ${JSON.stringify(header)}::jsonb, ${now}, ${now}
        FROM assignments a
       WHERE a.id = ${assignmentId} AND a.max_attempts IS NULL AND a.closed_at IS NULL
      ON CONFLICT (id) DO NOTHING
      RETURNING id`.execute(deps.db)
    return rows.length === 1 ? undefined : RETRY
  }
  return deps.db.transaction().execute(async (trx) => {
    // the assignment row locked: one learner's two new attempts at once are counted in turn
    const assignment = await trx
      .selectFrom('assignments')
      .select(['max_attempts', 'closed_at'])
      .where('id', '=', assignmentId)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow()
    if (assignment.closed_at) return RETRY
    if (assignment.max_attempts !== null) {
      const { n } = await trx
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('assignment_id', '=', assignmentId)
        .where('user_id', '=', caller.id)
        .executeTakeFirstOrThrow()
      if (Number(n) >= assignment.max_attempts)
        throw new ApiError(
          409,
          'no-attempts-left',
          `You have used all ${assignment.max_attempts} attempt${assignment.max_attempts === 1 ? '' : 's'} this assignment allows.`,
          { maxAttempts: assignment.max_attempts },
        )
    }
    const inserted = await trx
      .insertInto('attempts')
      .values({
        id: attemptId,
        assignment_id: assignmentId,
        user_id: caller.id,
        header: JSON.stringify(header),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0 ? RETRY : undefined
  })
}

/**
 * Appends `events` as seq `from` … if the attempt's next_seq is still `from`, it is not finished
 * and its assignment is open at `now` (one statement: the row's update and the events' insert
 * stand or fall together); false if any of that no longer holds.
 */
async function appendEvents(
  db: Kysely<Database>,
  assignmentId: string,
  attemptId: string,
  from: number,
  events: readonly AttemptEvent[],
  ended: boolean,
  now: Date,
): Promise<boolean> {
  const result = await sql`
    WITH moved AS (
      UPDATE attempts SET next_seq = ${from + events.length}, ended = ${ended}, updated_at = ${now}
       WHERE id = ${attemptId} AND assignment_id = ${assignmentId} AND next_seq = ${from}
         AND NOT ended
         AND EXISTS (SELECT 1 FROM assignments a WHERE a.id = ${assignmentId}
                       AND a.closed_at IS NULL
                       AND (a.opens_at IS NULL OR a.opens_at <= ${now})
                       AND (a.closes_at IS NULL OR a.closes_at > ${now}))
       RETURNING id)
    INSERT INTO attempt_events (attempt_id, seq, event)
    SELECT moved.id, ${from}::integer + e.i::integer - 1, e.event
      FROM moved, jsonb_array_elements(${JSON.stringify(events)}::jsonb) WITH ORDINALITY AS e(event, i)
    ON CONFLICT DO NOTHING`.execute(db)
  return Number(result.numAffectedRows ?? 0n) === events.length
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
  if (exists && state.owner !== caller.id) throw forbidden("write to another learner's attempt")
  if (exists && state.attempt_assignment !== assignmentId)
    throw new ApiError(
      409,
      'wrong-assignment',
      'This attempt belongs to another assignment; send it to that one.',
      { assignmentId: state.attempt_assignment },
    )
  const header = (batch.header ?? state.header) as AttemptHeader | null
  if (!header)
    throw new ApiError(
      409,
      'header-needed',
      "The server has no events of this attempt yet: send the attempt's header with its first events, from 0.",
      { nextSeq: 0 },
    )
  if (exists && batch.header && !sameJson(batch.header, state.header))
    throw new ApiError(
      409,
      'header-changed',
      "The attempt's header (learner, scenario, mode, faults or start) differs from the one first sent; it cannot change.",
    )
  const nextSeq = state.next_seq ?? 0
  const ended = state.ended ?? false
  if (batch.from > nextSeq)
    throw new ApiError(
      409,
      'gap',
      `The server has events up to ${nextSeq - 1}; send from event ${nextSeq}.`,
      { nextSeq },
    )
  // events the server has already: a resend (its acknowledgement was lost) must be the same
  const overlap = Math.min(nextSeq - batch.from, batch.events.length)
  if (overlap > 0) {
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
  }
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
  if (fresh.length === 0) return { nextSeq, ended }
  const ends = fresh[fresh.length - 1]!.action === 'end'
  const to = nextSeq + fresh.length
  if (!ends) {
    if (!(await appendEvents(db, assignmentId, attemptId, nextSeq, fresh, false, now))) return RETRY
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
  return answerOf(deps, attemptId, from + events.length, true, true)
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
