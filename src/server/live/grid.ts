// The live grid of one assignment: every learner of its class with their latest attempt on it,
// computed by the engine from the stored events (progress.ts), and the learner row of one attempt
// after a batch was stored (for a live update).
import { sql, type Kysely } from 'kysely'
import type { AttemptEvent, Result } from '../../core/index.ts'
import type { AttemptHeader, Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { modelFor } from '../work/models.ts'
import type { LiveGrid, LiveLearner } from '../../api/live.ts'
import { learnerRow, progressOf } from './progress.ts'

/** After how many minutes without an event a learner shows as idle, unless set otherwise. */
export const DEFAULT_IDLE_MINUTES = 3
export const MAX_IDLE_MINUTES = 600

/** The assignment's scenario and its idle setting; 404 if there is no such assignment. */
async function assignmentOf(db: Kysely<Database>, assignmentId: string) {
  const { rows } = await sql<{
    sha256: string
    scenario_id: string
    scenario_version: string
    idle_minutes: number | null
  }>`
    SELECT s.sha256, a.scenario_id, a.scenario_version, h.idle_minutes
      FROM assignments a
      JOIN scenarios s ON s.id = a.scenario_id AND s.version = a.scenario_version
      LEFT JOIN live_heads h ON h.assignment_id = a.id
     WHERE a.id = ${assignmentId}`.execute(db)
  const row = rows[0]
  if (!row) throw new ApiError(404, 'not-found', 'There is no such assignment.')
  return row
}

/** The grid at `now`; `idleMinutes` overrides the assignment's setting. */
export async function computeGrid(
  db: Kysely<Database>,
  assignmentId: string,
  now: Date,
  idleMinutes?: number,
): Promise<LiveGrid> {
  const assignment = await assignmentOf(db, assignmentId)
  const model = await modelFor(db, assignment.sha256)
  const minutes = idleMinutes ?? assignment.idle_minutes ?? DEFAULT_IDLE_MINUTES
  const { rows } = await sql<{
    user_id: string
    learner_id: string
    name: string
    attempt_id: string | null
    header: AttemptHeader | null
    next_seq: number | null
    ended: boolean | null
    updated_at: Date | null
    result: Result | null
    revision: number | null
  }>`
    SELECT l.user_id, l.learner_id, u.name, t.id AS attempt_id, t.header, t.next_seq, t.ended,
           t.updated_at, r.result, r.revision
      FROM assignments a
      JOIN class_learners l ON l.class_id = a.class_id
      JOIN users u ON u.id = l.user_id
      LEFT JOIN LATERAL (SELECT x.id, x.header, x.next_seq, x.ended, x.updated_at FROM attempts x
                          WHERE x.assignment_id = a.id AND x.user_id = l.user_id
                          ORDER BY x.created_at DESC, x.id DESC LIMIT 1) t ON true
      LEFT JOIN results r ON r.attempt_id = t.id
     WHERE a.id = ${assignmentId}
     ORDER BY l.learner_id, l.user_id`.execute(db)
  const states = await progressOf(
    db,
    model,
    rows.flatMap((r) =>
      r.attempt_id && r.header
        ? [{ id: r.attempt_id, header: r.header, nextSeq: r.next_seq ?? 0 }]
        : [],
    ),
  )
  const learners = rows.map((r) =>
    learnerRow(
      model,
      {
        userId: r.user_id,
        learnerId: r.learner_id,
        name: r.name,
        attemptId: r.attempt_id,
        nextSeq: r.next_seq ?? 0,
        ended: r.ended ?? false,
        lastActivityAt: r.updated_at,
        result: r.result && r.revision !== null ? { result: r.result, revision: r.revision } : null,
      },
      r.attempt_id ? states.get(r.attempt_id) : undefined,
      { now, minutes },
    ),
  )
  return {
    assignmentId,
    scenario: { id: assignment.scenario_id, version: assignment.scenario_version },
    serverTime: now.toISOString(),
    idleMinutes: minutes,
    stepsTotal: model.steps.length,
    learners,
  }
}

/** What a live update knows of the batch just stored. */
export interface StoredBatch {
  readonly assignmentId: string
  readonly attemptId: string
  /** the batch's new events are seq from … from + events.length − 1 */
  readonly from: number
  readonly events: readonly AttemptEvent[]
  readonly ended: boolean
  readonly result?: Result | undefined
  readonly revision?: number | undefined
}

/** What never changes of an attempt (its learner, header, scenario), by attempt id. */
interface AttemptFacts {
  readonly user_id: string
  readonly learner_id: string | null
  readonly name: string
  readonly header: AttemptHeader
  readonly sha256: string
}
const FACTS = new Map<string, AttemptFacts>()
const MAX_FACTS = 5000

async function factsOf(db: Kysely<Database>, attemptId: string): Promise<AttemptFacts | undefined> {
  const known = FACTS.get(attemptId)
  if (known) return known
  const { rows } = await sql<AttemptFacts>`
    SELECT t.user_id, l.learner_id, u.name, t.header, s.sha256
      FROM attempts t
      JOIN assignments a ON a.id = t.assignment_id
      JOIN scenarios s ON s.id = a.scenario_id AND s.version = a.scenario_version
      JOIN users u ON u.id = t.user_id
      LEFT JOIN class_learners l ON l.user_id = t.user_id AND l.class_id = a.class_id
     WHERE t.id = ${attemptId}`.execute(db)
  const row = rows[0]
  if (!row) return undefined
  FACTS.set(attemptId, row)
  if (FACTS.size > MAX_FACTS) FACTS.delete(FACTS.keys().next().value!)
  return row
}

/**
 * The learner row of the attempt a batch was just stored into, at `now`. A batch that follows
 * the state kept of the attempt takes no read: its events are applied to it.
 */
export async function rowAfterBatch(
  db: Kysely<Database>,
  batch: StoredBatch,
  now: Date,
): Promise<LiveLearner | undefined> {
  const row = await factsOf(db, batch.attemptId)
  if (!row) return undefined
  const model = await modelFor(db, row.sha256)
  const nextSeq = batch.from + batch.events.length
  const states = await progressOf(
    db,
    model,
    [{ id: batch.attemptId, header: row.header, nextSeq }],
    { attemptId: batch.attemptId, from: batch.from, events: batch.events },
  )
  return learnerRow(
    model,
    {
      userId: row.user_id,
      learnerId: row.learner_id ?? row.header.learner.id,
      name: row.name,
      attemptId: batch.attemptId,
      nextSeq,
      ended: batch.ended,
      lastActivityAt: now,
      result:
        batch.result && batch.revision !== undefined
          ? { result: batch.result, revision: batch.revision }
          : null,
    },
    states.get(batch.attemptId),
    undefined,
  )
}
