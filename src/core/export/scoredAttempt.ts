// What the exporters take: an attempt with the scenario it was scored against and its result.
// Only the type lives here; scoring stays in scoring.ts.
import type { Model } from '../model.ts'
import type { Attempt, Result } from '../recordSchemas.ts'

/** An attempt, its scenario and the result of scoring one against the other. */
export interface ScoredAttempt {
  readonly model: Model
  readonly attempt: Attempt
  readonly result: Result
  /**
   * Which revision of a stored result this is (a server's results grow a revision each time a
   * judgement mark changes them); exports name it. Undefined for a result scored from files.
   */
  readonly revision?: number | undefined
}
