// Scoring on the server: an attempt is always scored from the events the server stored, with
// the engine's scoreAttempt on the model compiled from the scenario's published bytes; a client's
// numbers are never read. The one place a result is written: sync (an `end`), close (attempts
// without one end at their last event) and judgement marks (review) all call rescoreAttempt.
import { sql, type Kysely } from 'kysely'
import {
  ATTEMPT_FORMAT,
  scoreAttempt,
  type Attempt,
  type Problem,
  type Result,
} from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { modelFor } from './models.ts'
import { recordAttemptStatements } from '../lrs/attempts.ts'

export interface ScoredAttempt {
  readonly result: Result
  /** 1 for the first result; one more each time a rescore changes it */
  readonly revision: number
}

/** The engine refused to score a stored attempt (a scenario mistake met while running it). */
export class ScoringError extends ApiError {
  constructor(readonly problems: readonly Problem[]) {
    super(
      422,
      'cannot-score',
      `The attempt cannot be scored: ${problems[0]?.message ?? 'the engine refused it'}.`,
      {
        problems: problems.map(({ code, path, params, message }) => ({
          code,
          path,
          params,
          message,
        })),
      },
    )
  }
}

/**
 * The attempt as a spec attempt file (section 5), from what the server stored: the header as
 * first sent, the events in sequence order, the judgement marks. Reads within `db` (a transaction
 * when given one).
 */
export async function storedAttempt(
  db: Kysely<Database>,
  attemptId: string,
  options: { lock?: boolean } = {},
): Promise<{ attempt: Attempt; sha256: string } | undefined> {
  const query = db
    .selectFrom('attempts')
    .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
    .innerJoin('scenarios', (join) =>
      join
        .onRef('scenarios.id', '=', 'assignments.scenario_id')
        .onRef('scenarios.version', '=', 'assignments.scenario_version'),
    )
    .select(['attempts.header', 'attempts.judgements', 'scenarios.sha256'])
    .where('attempts.id', '=', attemptId)
  // `lock`: the attempt row is locked until the transaction ends
  const row = await (options.lock ? query.forUpdate('attempts') : query).executeTakeFirst()
  if (!row) return undefined
  const events = await db
    .selectFrom('attempt_events')
    .select('event')
    .where('attempt_id', '=', attemptId)
    .orderBy('seq')
    .execute()
  const h = row.header
  const attempt: Attempt = {
    format: ATTEMPT_FORMAT,
    id: h.id,
    scenario: { ...h.scenario },
    learner: { ...h.learner },
    mode: h.mode,
    startedAt: h.startedAt,
    faults: [...h.faults],
    events: events.map((e) => e.event as Attempt['events'][number]),
    judgements: row.judgements,
  }
  return { attempt, sha256: row.sha256 }
}

async function rescoreIn(
  trx: Kysely<Database>,
  attemptId: string,
  at: Date,
): Promise<ScoredAttempt> {
  // the attempt row locked: two rescores of one attempt (two marks at once) take turns, so the
  // last one written is scored on the last marks, and revisions never repeat
  const stored = await storedAttempt(trx, attemptId, { lock: true })
  if (!stored) throw new ApiError(404, 'not-found', 'There is no such attempt.')
  const model = await modelFor(trx, stored.sha256)
  const scored = scoreAttempt(model, stored.attempt)
  if (!scored.ok) throw new ScoringError(scored.problems)
  const result = scored.value
  const json = JSON.stringify(result)
  // revision 1 the first time; one more when the result differs (jsonb compares as values)
  const { rows } = await sql<{ revision: number }>`
    INSERT INTO results (attempt_id, revision, result, scored_at)
    VALUES (${attemptId}, 1, ${json}::jsonb, ${at})
    ON CONFLICT (attempt_id) DO UPDATE
      SET revision = results.revision + 1, result = excluded.result, scored_at = excluded.scored_at
      WHERE results.result IS DISTINCT FROM excluded.result
    RETURNING revision`.execute(trx)
  if (rows[0]) {
    // a new revision: its statements in the LRS, the replaced verdict's voided (lrs/attempts.ts)
    const { revision } = rows[0]
    await recordAttemptStatements(trx, attemptId, { ...stored, model, result, revision }, at)
    return { result, revision }
  }
  const same = await trx
    .selectFrom('results')
    .select('revision')
    .where('attempt_id', '=', attemptId)
    .executeTakeFirstOrThrow()
  return { result, revision: same.revision }
}

/**
 * Scores the stored attempt with the engine and stores its result: revision 1 the first time, one
 * more whenever the result changes (a judgement mark), the same revision when nothing changed.
 * Call it after changing what the score depends on (the events, the judgement marks in
 * `attempts.judgements`), in the same transaction when there is one (`db` may be a transaction;
 * else it opens its own). Throws ApiError 404 for an unknown attempt, ScoringError (422
 * `cannot-score`) when the engine refuses the attempt.
 */
export function rescoreAttempt(
  db: Kysely<Database>,
  attemptId: string,
  at: Date = new Date(),
): Promise<ScoredAttempt> {
  return db.isTransaction
    ? rescoreIn(db, attemptId, at)
    : db.transaction().execute((trx) => rescoreIn(trx, attemptId, at))
}

/**
 * Stores the first result of an attempt that just finished, with no lock and no transaction (a
 * class finishing at once must not queue behind one another): scored from the stored events,
 * inserted as revision 1 unless a result is there already, in which case that one stands (a
 * judgement's rescoreAttempt, which locks the attempt and reads the latest marks, got there
 * first). Throws ApiError 404 for an unknown attempt, ScoringError when the engine refuses it.
 */
export async function scoreFirst(
  db: Kysely<Database>,
  attemptId: string,
  at: Date = new Date(),
): Promise<ScoredAttempt> {
  const stored = await storedAttempt(db, attemptId)
  if (!stored) throw new ApiError(404, 'not-found', 'There is no such attempt.')
  const model = await modelFor(db, stored.sha256)
  const scored = scoreAttempt(model, stored.attempt)
  if (!scored.ok) throw new ScoringError(scored.problems)
  const { rows } = await sql<{ revision: number }>`
    INSERT INTO results (attempt_id, revision, result, scored_at)
    VALUES (${attemptId}, 1, ${JSON.stringify(scored.value)}::jsonb, ${at})
    ON CONFLICT (attempt_id) DO NOTHING
    RETURNING revision`.execute(db)
  if (rows[0]) {
    const { revision } = rows[0]
    await recordAttemptStatements(
      db,
      attemptId,
      { ...stored, model, result: scored.value, revision },
      at,
    )
    return { result: scored.value, revision }
  }
  const there = await db
    .selectFrom('results')
    .select(['result', 'revision'])
    .where('attempt_id', '=', attemptId)
    .executeTakeFirstOrThrow()
  return { result: there.result as Result, revision: there.revision }
}
