// The live class view's messages on the wire: what the server sends (src/server/live/) and the
// staff's and learners' stores read (src/state/live/, src/state/classroom/liveInbox.ts). Types
// only, one declaration for both sides.
import type { Result, StepStatus } from '../core/index.ts'

/** One learner's row of the live grid (and the payload of a `learner` update). */
export interface LiveLearner {
  readonly userId: string
  /** the learner ID the school gave */
  readonly learnerId: string
  readonly name: string
  /** `not-started`: no attempt on this assignment yet */
  readonly status: 'not-started' | 'working' | 'finished'
  /** the latest attempt on the assignment */
  readonly attemptId: string | null
  /** the events the server stored of it (0 … nextSeq − 1) */
  readonly nextSeq: number
  /** the step the learner does next (the engine's next ready step), null when none is */
  readonly currentStep: string | null
  /** each step's status, in the scenario's order */
  readonly steps: readonly { readonly id: string; readonly status: StepStatus }[]
  readonly stepsDone: number
  readonly stepsTotal: number
  /** the attempt's time: its last event's t, in milliseconds */
  readonly elapsedMs: number
  /** hazards the learner raised, in the order first raised */
  readonly hazards: readonly string[]
  /** whether any of them is critical */
  readonly critical: boolean
  /** when the server last stored an event of the attempt (ISO), null when not started */
  readonly lastActivityAt: string | null
  /** no event for longer than the idle minutes (false once finished) */
  readonly idle: boolean
  /** the server's score, once the attempt is finished and scored */
  readonly score: LiveScore | null
}

export interface LiveScore {
  readonly status: Result['status']
  readonly passed: boolean
  readonly raw: number
  readonly max: number
  readonly percent: number
  readonly revision: number
}

/** The live grid of one assignment. */
export interface LiveGrid {
  readonly assignmentId: string
  readonly scenario: { readonly id: string; readonly version: string }
  /** the server's clock when the grid was computed (ISO) */
  readonly serverTime: string
  readonly idleMinutes: number
  readonly stepsTotal: number
  /** every learner of the class, by learner ID */
  readonly learners: readonly LiveLearner[]
}

/** A message or command ("end now") as the learner's app and the staff receive it. */
export interface LiveMessage {
  /** its id in the assignment's commands (the stream's event id) */
  readonly seq: number
  readonly kind: 'message' | 'end'
  /** the instructor's words ('' for `end`) */
  readonly text: string
  /** to the whole class (else to the learner alone) */
  readonly toClass: boolean
  /** the learner's user id it was sent to; null: the class */
  readonly learnerId: string | null
  /** when it was sent (ISO) */
  readonly sentAt: string
  /** the name of who sent it; null when that account was deleted since */
  readonly sentBy: string | null
}
