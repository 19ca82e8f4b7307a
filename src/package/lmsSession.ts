// What the AU needs of an LMS, whichever standard it speaks (SCORM 1.2 or cmi5): who the learner
// is, an unfinished attempt to resume, each event as it is recorded, the end of the attempt with
// its result, and the learner leaving before the end.
import type { AttemptEvent, Model, Result } from '../core/index.ts'
import type { AttemptSetup, Learner } from '../state/attemptStore.ts'
import type { SuspendedAttempt } from './suspendData.ts'

/** Whether the LMS took the result, and what the learner is told. */
export type Reported = 'sent' | 'review' | 'failed'

export interface LmsSession {
  readonly learner: Learner
  /** The attempt the learner left unfinished last time, to go on with. */
  readonly resume: SuspendedAttempt | undefined
  /** The LMS names an unfinished attempt whose events another browser keeps: a new one starts. */
  readonly resumeLost?: boolean
  /** Whether this launch counts (false in cmi5's Browse and Review modes: no verdict is sent). */
  readonly credit: boolean
  /** Where the LMS wants the learner taken back once done, if it said (cmi5's returnURL). */
  readonly returnUrl?: string | undefined
  /** After each event is recorded. */
  record(setup: AttemptSetup, events: readonly AttemptEvent[]): void
  /** Once the attempt has ended, with the engine's result. */
  finish(
    model: Model,
    setup: AttemptSetup,
    events: readonly AttemptEvent[],
    result: Result,
  ): Promise<Reported>
  /** The page is going away: an unfinished attempt is kept for next time, the session closed. */
  leave(setup: AttemptSetup | undefined, events: readonly AttemptEvent[]): void
}
