// Live updates: written to the live_updates table (numbered per assignment, see migration
// 004_live), announced with NOTIFY practica_live '<assignment id>', and sent by every server
// process to the streams it holds for that assignment. A stream reads the rows after the last id
// it sent, so a NOTIFY lost (a dropped connection, a database restart) loses nothing: the next
// notification, or the catch-up after the listener reconnects, sends what was missed.
import { sql, type Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Database } from '../db/schema.ts'
import { computeGrid, rowAfterBatch, type StoredBatch } from './grid.ts'
import type { LiveLearner } from '../../api/live.ts'

export const CHANNEL = 'practica_live'
/** Updates older than this are pruned (a stream resuming from one gets a fresh grid). */
export const KEEP_UPDATES_MS = 24 * 3_600_000
const PRUNE_EVERY_MS = 10 * 60_000

/** A stored live update: its id in the assignment's stream, and the learner's new row. */
export interface LiveUpdate {
  readonly seq: number
  readonly learner: LiveLearner
}

/** One open stream: told to read the updates after the last one it sent. */
export interface LiveSubscriber {
  readonly assignmentId: string
  /** reads and sends what it has not sent yet */
  wake(): void
  /** ends the stream (the server stops) */
  end(): void
}

/** The streams of one database's server process, by assignment. */
export class LiveHub {
  private readonly streams = new Map<string, Set<LiveSubscriber>>()
  private lastPrune = 0

  add(s: LiveSubscriber): void {
    const set = this.streams.get(s.assignmentId) ?? new Set()
    set.add(s)
    this.streams.set(s.assignmentId, set)
  }

  remove(s: LiveSubscriber): void {
    const set = this.streams.get(s.assignmentId)
    set?.delete(s)
    if (set?.size === 0) this.streams.delete(s.assignmentId)
  }

  /** The streams of `assignmentId` read what is new. */
  wake(assignmentId: string): void {
    for (const s of this.streams.get(assignmentId) ?? []) s.wake()
  }

  /** Every stream reads what is new (after the listener reconnected). */
  wakeAll(): void {
    for (const set of this.streams.values()) for (const s of set) s.wake()
  }

  /** How many streams are open. */
  get size(): number {
    let n = 0
    for (const set of this.streams.values()) n += set.size
    return n
  }

  /** Ends every stream (the server stops: its HTTP server waits for open responses). */
  endAll(): void {
    for (const set of this.streams.values()) for (const s of set) s.end()
  }

  /** Whether it is time to prune old updates (at most every ten minutes per process). */
  pruneDue(now: number): boolean {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return false
    this.lastPrune = now
    return true
  }
}

const HUBS = new WeakMap<Kysely<Database>, LiveHub>()

/** The hub of the server process using `db`. */
export function hubFor(db: Kysely<Database>): LiveHub {
  let hub = HUBS.get(db)
  if (!hub) {
    hub = new LiveHub()
    HUBS.set(db, hub)
  }
  return hub
}

/**
 * Stores live updates of `assignmentId` (learners' rows, in order) and notifies every process, in
 * one statement: the head's row lock numbers updates in commit order; pg_notify is delivered at
 * commit. The grid shows each learner's latest attempt, so a row of an older one (a late batch of
 * an attempt the learner has since started again) is not stored. Returns the ids given to the
 * rows stored, in order.
 */
export async function insertUpdates(
  db: Kysely<Database>,
  assignmentId: string,
  learners: readonly LiveLearner[],
  at: Date,
): Promise<number[]> {
  if (learners.length === 0) return []
  const { rows } = await sql<{ seq: number }>`
    WITH latest AS (
      SELECT e.payload, row_number() OVER (ORDER BY e.i) AS i
        FROM jsonb_array_elements(${JSON.stringify(learners)}::jsonb) WITH ORDINALITY AS e(payload, i)
       WHERE NOT EXISTS (
         SELECT 1 FROM attempts t
           JOIN attempts x ON x.assignment_id = t.assignment_id AND x.user_id = t.user_id
          WHERE t.id = (e.payload->>'attemptId')::uuid
            AND (x.created_at > t.created_at OR (x.created_at = t.created_at AND x.id > t.id)))),
    counted AS (SELECT count(*)::integer AS n FROM latest),
    head AS (
      INSERT INTO live_heads (assignment_id, seq)
      SELECT ${assignmentId}, n FROM counted WHERE n > 0
      ON CONFLICT (assignment_id) DO UPDATE SET seq = live_heads.seq + EXCLUDED.seq
      RETURNING seq),
    stored AS (
      INSERT INTO live_updates (assignment_id, seq, payload, at)
      SELECT ${assignmentId}, head.seq - counted.n + latest.i, latest.payload, ${at}
        FROM head, counted, latest
      RETURNING seq)
    SELECT seq::float8 AS seq, pg_notify(${CHANNEL}, ${assignmentId}) FROM stored ORDER BY seq`.execute(
    db,
  )
  return rows.map((r) => r.seq)
}

/** Stores one live update (see insertUpdates): its id, or undefined if it was not stored. */
export async function insertUpdate(
  db: Kysely<Database>,
  assignmentId: string,
  learner: LiveLearner,
  at: Date,
): Promise<number | undefined> {
  return (await insertUpdates(db, assignmentId, [learner], at))[0]
}

/** The last update's id of `assignmentId` (0: none yet). */
export async function headOf(db: Kysely<Database>, assignmentId: string): Promise<number> {
  const { rows } = await sql<{ seq: number }>`
    SELECT seq::float8 AS seq FROM live_heads WHERE assignment_id = ${assignmentId}`.execute(db)
  return rows[0]?.seq ?? 0
}

/** The updates of `assignmentId` after `after`, in order (at most `limit`). */
export async function updatesAfter(
  db: Kysely<Database>,
  assignmentId: string,
  after: number,
  limit = 500,
): Promise<LiveUpdate[]> {
  const { rows } = await sql<{ seq: number; payload: LiveLearner }>`
    SELECT seq::float8 AS seq, payload FROM live_updates
     WHERE assignment_id = ${assignmentId} AND seq > ${after}
     ORDER BY seq LIMIT ${limit}`.execute(db)
  return rows.map((r) => ({ seq: r.seq, learner: r.payload }))
}

/** Deletes updates older than a day. */
export async function pruneUpdates(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('live_updates')
    .where('at', '<', new Date(now.getTime() - KEEP_UPDATES_MS))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export interface PublishDeps {
  readonly db: Kysely<Database>
  readonly now: () => Date
  readonly log: Logger
}

/**
 * How long rows are gathered before they are written. The embedded database runs one statement
 * at a time, so without a wait the first row's write goes alone and every later row waits for
 * it; gathered, a class syncing at once costs a write per 10 ms instead of one per batch (the
 * sync benchmark: about 4 rows a write, ≈ 12,600 events/s instead of ≈ 9,300).
 */
const GATHER_MS = 10

/** Rows waiting to be stored, by assignment, each with the request waiting for it. */
interface PublishQueue {
  pending: Map<string, { learners: LiveLearner[]; stored: (() => void)[] }>
  draining: boolean
}
const QUEUES = new WeakMap<Kysely<Database>, PublishQueue>()

/**
 * After sync stored a batch (or made an attempt, or ended one): the learner's new row, computed
 * by the engine, stored as a live update and announced; resolves once it is stored, so a batch is
 * acknowledged after its row. Rows are gathered for GATHER_MS, or while a write is under way, and
 * then stored together (one statement per assignment). It never fails the sync, whose events are
 * stored already: a failure is logged, and the instructor's next grid shows the change.
 */
export async function publishBatch(deps: PublishDeps, batch: StoredBatch): Promise<void> {
  let learner: LiveLearner | undefined
  try {
    learner = await rowAfterBatch(deps.db, batch, deps.now())
  } catch (err) {
    deps.log.warn({ err, attempt: batch.attemptId }, 'live update not published')
  }
  if (!learner) return
  let queue = QUEUES.get(deps.db)
  if (!queue) {
    queue = { pending: new Map(), draining: false }
    QUEUES.set(deps.db, queue)
  }
  const waiting = queue.pending.get(batch.assignmentId) ?? { learners: [], stored: [] }
  queue.pending.set(batch.assignmentId, waiting)
  waiting.learners.push(learner)
  const stored = new Promise<void>((resolve) => waiting.stored.push(resolve))
  if (!queue.draining) {
    queue.draining = true
    setTimeout(() => void drain(deps, queue), GATHER_MS)
  }
  await stored
}

/** Stores the queue's rows until none is waiting. */
async function drain(deps: PublishDeps, queue: PublishQueue): Promise<void> {
  queue.draining = true
  const hub = hubFor(deps.db)
  while (queue.pending.size > 0) {
    const work = queue.pending
    queue.pending = new Map()
    const now = deps.now()
    for (const [assignmentId, { learners, stored }] of work) {
      try {
        await insertUpdates(deps.db, assignmentId, learners, now)
        // this process's own streams need no notification to come back
        hub.wake(assignmentId)
      } catch (err) {
        deps.log.warn({ err, assignment: assignmentId }, 'live updates not published')
      }
      for (const resolve of stored) resolve()
    }
    if (hub.pruneDue(now.getTime()))
      await pruneUpdates(deps.db, now).catch((err: unknown) =>
        deps.log.warn({ err }, 'old live updates not pruned'),
      )
  }
  queue.draining = false
}

/**
 * Publishes every learner's row of an assignment whose attempts changed without a batch (a close
 * ended and scored them): one update per learner with an attempt. Never throws (see publishBatch).
 */
export async function publishAssignment(deps: PublishDeps, assignmentId: string): Promise<void> {
  try {
    const now = deps.now()
    const grid = await computeGrid(deps.db, assignmentId, now)
    const started = grid.learners.filter((learner) => learner.attemptId)
    await insertUpdates(deps.db, assignmentId, started, now)
    hubFor(deps.db).wake(assignmentId)
  } catch (err) {
    deps.log.warn({ err, assignment: assignmentId }, 'live updates not published')
  }
}
