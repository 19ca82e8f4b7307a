// Scoring on the server: an attempt is always scored from the events the server stored, with
// the engine's scoreAttempt on the model compiled from the scenario's published bytes; a client's
// numbers are never read. The one place a result is written: sync (an `end`), close (attempts
// without one end at their last event) and judgement marks (review) all call rescoreAttempt.
import type { Kysely } from 'kysely'
import {
  ATTEMPT_FORMAT,
  scoreAttempt,
  type Attempt,
  type Problem,
  type Result,
} from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { sameJson } from './canonical.ts'
import { modelFor } from './models.ts'

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
): Promise<{ attempt: Attempt; sha256: string } | undefined> {
  const row = await db
    .selectFrom('attempts')
    .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
    .innerJoin('scenarios', (join) =>
      join
        .onRef('scenarios.id', '=', 'assignments.scenario_id')
        .onRef('scenarios.version', '=', 'assignments.scenario_version'),
    )
    .select(['attempts.header', 'attempts.judgements', 'scenarios.sha256'])
    .where('attempts.id', '=', attemptId)
    .executeTakeFirst()
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
  const locked = await trx
    .selectFrom('attempts')
    .select('id')
    .where('id', '=', attemptId)
    .forUpdate()
    .executeTakeFirst()
  if (!locked) throw new ApiError(404, 'not-found', 'There is no such attempt.')
  const stored = await storedAttempt(trx, attemptId)
  if (!stored) throw new ApiError(404, 'not-found', 'There is no such attempt.')
  const model = await modelFor(trx, stored.sha256)
  const scored = scoreAttempt(model, stored.attempt)
  if (!scored.ok) throw new ScoringError(scored.problems)
  const result = scored.value
  const before = await trx
    .selectFrom('results')
    .select(['revision', 'result'])
    .where('attempt_id', '=', attemptId)
    .executeTakeFirst()
  if (!before) {
    await trx
      .insertInto('results')
      .values({ attempt_id: attemptId, revision: 1, result: JSON.stringify(result), scored_at: at })
      .execute()
    return { result, revision: 1 }
  }
  if (sameJson(before.result, result)) return { result, revision: before.revision }
  const revision = before.revision + 1
  await trx
    .updateTable('results')
    .set({ revision, result: JSON.stringify(result), scored_at: at })
    .where('attempt_id', '=', attemptId)
    .execute()
  return { result, revision }
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
