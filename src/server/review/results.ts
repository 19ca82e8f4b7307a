// A class's (or one assignment's) attempts as the assessor reviews them: each a full spec attempt
// file (section 5, with its judgement marks) built by the one function that builds stored
// attempts (work/score.ts storedAttempt), with the result the server stored and its revision.
import type { Kysely } from 'kysely'
import type { Attempt, Result } from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { storedAttempt } from '../work/score.ts'

/** Which attempts: those of a class, or of one of its assignments. */
export type ResultsScope =
  | { readonly classId: string; readonly assignmentId?: undefined }
  | { readonly assignmentId: string; readonly classId?: undefined }

export interface ScenarioRef {
  readonly id: string
  readonly version: string
  readonly sha256: string
}

export interface ReviewedAttempt {
  readonly assignmentId: string
  /** the attempt file: header, events in order, judgement marks */
  readonly attempt: Attempt
  /** the result the server stored; null while the attempt has not ended */
  readonly result: Result | null
  /** the stored result's revision; null while there is no result */
  readonly revision: number | null
  readonly learnerName: string
  readonly ended: boolean
  /** SHA-256 of the scenario's bytes the attempt is scored against (its assignment's) */
  readonly sha256: string
}

export interface ClassResults {
  /** the scenarios of the scope's assignments (even those without attempts yet) */
  readonly scenarios: readonly ScenarioRef[]
  readonly attempts: readonly ReviewedAttempt[]
}

/**
 * The scope's scenarios and attempts, learners in name order (then each learner's attempts in
 * the order they started), read in one snapshot so that every result matches its attempt's
 * marks. Reads only: closing due assignments is the caller's (closeDueAssignments).
 */
export function listResults(db: Kysely<Database>, scope: ResultsScope): Promise<ClassResults> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => readResults(trx, scope))
}

async function readResults(db: Kysely<Database>, scope: ResultsScope): Promise<ClassResults> {
  let assignments = db
    .selectFrom('assignments')
    .innerJoin('scenarios', (join) =>
      join
        .onRef('scenarios.id', '=', 'assignments.scenario_id')
        .onRef('scenarios.version', '=', 'assignments.scenario_version'),
    )
    .select(['scenarios.id', 'scenarios.version', 'scenarios.sha256'])
    .distinct()
  assignments =
    scope.assignmentId !== undefined
      ? assignments.where('assignments.id', '=', scope.assignmentId)
      : assignments.where('assignments.class_id', '=', scope.classId)
  const scenarios = await assignments
    .orderBy('scenarios.id')
    .orderBy('scenarios.version')
    .orderBy('scenarios.sha256')
    .execute()

  let rows = db
    .selectFrom('attempts')
    .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
    .innerJoin('users', 'users.id', 'attempts.user_id')
    .leftJoin('results', 'results.attempt_id', 'attempts.id')
    .select([
      'attempts.id',
      'attempts.assignment_id',
      'attempts.ended',
      'users.name',
      'results.revision',
      'results.result',
    ])
  rows =
    scope.assignmentId !== undefined
      ? rows.where('attempts.assignment_id', '=', scope.assignmentId)
      : rows.where('assignments.class_id', '=', scope.classId)
  const found = await rows
    .orderBy('users.name')
    .orderBy('attempts.created_at')
    .orderBy('attempts.id')
    .execute()

  const attempts: ReviewedAttempt[] = []
  for (const row of found) {
    const stored = await storedAttempt(db, row.id)
    // deleted between the two reads (a learner removed): left out
    if (!stored) continue
    attempts.push({
      assignmentId: row.assignment_id,
      attempt: stored.attempt,
      result: (row.result as Result | null) ?? null,
      revision: row.revision ?? null,
      learnerName: row.name,
      ended: row.ended,
      sha256: stored.sha256,
    })
  }
  return { scenarios, attempts }
}
