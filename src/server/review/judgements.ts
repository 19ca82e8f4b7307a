// Judgement marks on the server: an assessor's mark is stored in the attempt's `judgements` (spec
// section 5: { mark, assessor, at }), every change is written to the audit log, and the attempt
// is re-scored by the engine (work/score.ts rescoreAttempt), its result's revision one higher.
import type { Kysely } from 'kysely'
import type { Result } from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import type { Caller } from '../http/context.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { modelFor } from '../work/models.ts'
import { rescoreAttempt } from '../work/score.ts'

export interface MarkOutcome {
  readonly result: Result
  readonly revision: number
}

export interface AuditEntry {
  readonly judgement: string
  readonly oldMark: number | null
  readonly newMark: number | null
  /** the name of who changed the mark; null when that account was deleted since */
  readonly by: string | null
  readonly byId: string | null
  readonly at: string
}

/**
 * Sets (or, with null, clears) the mark of judgement `judgementId` of attempt `attemptId` as
 * `caller`, at the time `clock` tells once the attempt is locked (marks sent at once take turns,
 * so their times follow the order they were written in). Refuses with 404 an unknown judgement, 422 `mark-out-of-range` a mark
 * outside 0..maxMark, 409 `attempt-not-ended` an attempt still under way. The same mark again
 * changes nothing (no audit row, same revision).
 */
export async function setMark(
  db: Kysely<Database>,
  attemptId: string,
  judgementId: string,
  mark: number | null,
  caller: Caller,
  clock: () => Date,
): Promise<MarkOutcome> {
  const target = await db
    .selectFrom('attempts')
    .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
    .innerJoin('scenarios', (join) =>
      join
        .onRef('scenarios.id', '=', 'assignments.scenario_id')
        .onRef('scenarios.version', '=', 'assignments.scenario_version'),
    )
    .select(['scenarios.sha256', 'scenarios.id as scenarioId'])
    .where('attempts.id', '=', attemptId)
    .executeTakeFirst()
  if (!target) throw notFound('attempt')
  // the model before the transaction: on PGlite a transaction holds the one connection
  const model = await modelFor(db, target.sha256)
  const index = model.judgementIndex.get(judgementId)
  const judgement = index === undefined ? undefined : model.judgements[index]
  if (!judgement)
    throw new ApiError(
      404,
      'unknown-judgement',
      `The scenario "${target.scenarioId}" has no judgement "${judgementId.slice(0, 100)}".`,
    )
  if (mark !== null && (mark < 0 || mark > judgement.maxMark))
    throw new ApiError(
      422,
      'mark-out-of-range',
      `A mark for "${judgementId}" is a whole number from 0 to ${judgement.maxMark}; ${mark} is outside that.`,
      { maxMark: judgement.maxMark },
    )
  const staff = await db
    .selectFrom('users')
    .select(['login', 'name'])
    .where('id', '=', caller.id)
    .executeTakeFirst()
  const assessor = staff?.login ?? staff?.name ?? caller.name

  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('attempts')
      .select(['judgements', 'ended'])
      .where('id', '=', attemptId)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw notFound('attempt')
    const now = clock()
    if (!row.ended)
      throw new ApiError(
        409,
        'attempt-not-ended',
        'This attempt has not ended yet: mark it once the learner has finished it (or the assignment has closed).',
      )
    const oldMark = row.judgements[judgementId]?.mark ?? null
    if (oldMark === mark) {
      const stored = await trx
        .selectFrom('results')
        .select(['result', 'revision'])
        .where('attempt_id', '=', attemptId)
        .executeTakeFirst()
      if (stored) return { result: stored.result as Result, revision: stored.revision }
      // an ended attempt without a result (the engine refused it at its end): score it now
      return rescoreAttempt(trx, attemptId, now)
    }
    const judgements = { ...row.judgements }
    if (mark === null) delete judgements[judgementId]
    else judgements[judgementId] = { mark, assessor, at: now.toISOString() }
    await trx
      .updateTable('attempts')
      .set({ judgements: JSON.stringify(judgements), updated_at: now })
      .where('id', '=', attemptId)
      .execute()
    await trx
      .insertInto('judgement_audit')
      .values({
        attempt_id: attemptId,
        judgement: judgementId,
        old_mark: oldMark,
        new_mark: mark,
        by_user: caller.id,
        at: now,
      })
      .execute()
    return rescoreAttempt(trx, attemptId, now)
  })
}

/** Every change to the attempt's marks, in the order they were written. */
export async function auditOf(db: Kysely<Database>, attemptId: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('judgement_audit')
    .leftJoin('users', 'users.id', 'judgement_audit.by_user')
    .select([
      'judgement_audit.judgement',
      'judgement_audit.old_mark',
      'judgement_audit.new_mark',
      'judgement_audit.by_user',
      'judgement_audit.at',
      'users.name',
    ])
    .where('judgement_audit.attempt_id', '=', attemptId)
    .orderBy('judgement_audit.id')
    .execute()
  return rows.map((r) => ({
    judgement: r.judgement,
    oldMark: r.old_mark,
    newMark: r.new_mark,
    by: r.name ?? null,
    byId: r.by_user,
    at: r.at.toISOString(),
  }))
}
