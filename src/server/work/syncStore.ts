// Sync's reads and writes: where an assignment and an attempt stand (one query), the attempt's
// row made once (counting the learner's attempts against the assignment's limit), and a batch of
// events appended with a compare-and-set on the attempt's next_seq (see sync.ts).
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { AttemptEvent } from '../../core/index.ts'
import type { AttemptHeader, Database } from '../db/schema.ts'
import type { Caller, Deps } from '../http/context.ts'
import { ApiError } from '../http/errors.ts'

/** Where the assignment and the attempt stand, read in one query. */
export interface State {
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

export async function readState(
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

/** Another request moved the attempt meanwhile: the batch is tried again from a fresh read. */
export const RETRY = Symbol('retry')

/** Makes the attempt row, if the learner has an attempt left; RETRY if it appeared meanwhile. */
export async function createAttempt(
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
export async function appendEvents(
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
