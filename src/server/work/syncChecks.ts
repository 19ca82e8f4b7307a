// Sync's checks of what a client sends, against the assignment and the scenario: a new
// attempt's header (its id, scenario, mode and learner are the assignment's and the caller's),
// and every event one the live simulator could have produced, in time order, nothing after `end`.
import {
  ATTEMPT_FORMAT,
  checkAttempt,
  checkEvent,
  problemAt,
  type AttemptEvent,
  type Model,
} from '../../core/index.ts'
import type { AttemptHeader } from '../db/schema.ts'
import type { Caller } from '../http/context.ts'
import { ApiError, forbidden } from '../http/errors.ts'
import { sameJson } from './canonical.ts'
import { problemView } from './scenarios.ts'
import type { Batch } from './sync.ts'
import type { State } from './syncStore.ts'

/** Nothing new is taken outside the assignment's dates: 409 saying when it opens or that it closed. */
export const closedError = (state: State, now: Date) => {
  const notYet = state.opens_at !== null && state.opens_at.getTime() > now.getTime()
  return new ApiError(
    409,
    'assignment-closed',
    notYet
      ? `This assignment opens at ${state.opens_at!.toISOString()}; nothing can be handed in before then.`
      : 'This assignment is closed; nothing more can be handed in.',
    {
      opensAt: state.opens_at?.toISOString() ?? null,
      closesAt: state.closes_at?.toISOString() ?? null,
    },
  )
}

/**
 * Checks that the batch may write to the attempt as it stands: an existing attempt is the
 * caller's, of this assignment, and keeps the header first sent; a new one comes with its header.
 * The attempt's header.
 */
export function checkClaim(
  state: State,
  caller: Caller,
  assignmentId: string,
  batch: Pick<Batch, 'header'>,
): AttemptHeader {
  const exists = state.owner !== null
  if (exists && state.owner !== caller.id) throw forbidden("write to another learner's attempt")
  if (exists && state.attempt_assignment !== assignmentId)
    throw new ApiError(
      409,
      'wrong-assignment',
      'This attempt belongs to another assignment; send it to that one.',
      { assignmentId: state.attempt_assignment },
    )
  const header = (batch.header ?? state.header) as AttemptHeader | null
  if (!header)
    throw new ApiError(
      409,
      'header-needed',
      "The server has no events of this attempt yet: send the attempt's header with its first events, from 0.",
      { nextSeq: 0 },
    )
  if (exists && batch.header && !sameJson(batch.header, state.header))
    throw new ApiError(
      409,
      'header-changed',
      "The attempt's header (learner, scenario, mode, faults or start) differs from the one first sent; it cannot change.",
    )
  return header
}

/** Checks a new attempt's header against the assignment, the learner and the scenario. */
export function checkNewHeader(
  attemptId: string,
  header: AttemptHeader,
  state: State,
  model: Model,
): void {
  if (header.id !== attemptId)
    throw new ApiError(
      400,
      'bad-request',
      `The header's id (${header.id}) is not the attempt id in the address (${attemptId}).`,
      { field: 'header.id' },
    )
  if (
    header.scenario.id !== state.scenario_id ||
    header.scenario.version !== state.scenario_version ||
    (header.scenario.sha256 !== undefined && header.scenario.sha256.toLowerCase() !== state.sha256)
  )
    throw new ApiError(
      409,
      'wrong-scenario',
      `This attempt was made on another scenario than the assignment's (${state.scenario_id} version ${state.scenario_version}).`,
    )
  if (header.mode !== state.mode)
    throw new ApiError(
      409,
      'wrong-mode',
      `This assignment is done in ${state.mode} mode, not ${header.mode} mode.`,
      { mode: state.mode },
    )
  if (state.learner_id !== header.learner.id)
    throw new ApiError(
      409,
      'wrong-learner',
      `This attempt names learner "${header.learner.id}", but you are signed in as learner "${state.learner_id ?? '?'}".`,
    )
  const problems = checkAttempt(model, { ...header, format: ATTEMPT_FORMAT, events: [] })
  if (!problems.empty)
    throw new ApiError(
      422,
      'invalid-attempt',
      `The attempt's header is not valid for this scenario: ${problems.items[0]!.message}.`,
      { problems: problems.items.map(problemView) },
    )
}

/** Refuses the first event that the live simulator could not have produced. */
export function checkEvents(
  model: Model,
  mode: 'practice' | 'assessment',
  events: readonly AttemptEvent[],
  firstSeq: number,
  previousT: number,
): void {
  let previous = previousT
  events.forEach((e, i) => {
    const seq = firstSeq + i
    const fault =
      e.t < previous
        ? (['attempt.timeOrder', { index: seq, t: e.t, previous }] as const)
        : checkEvent(model, mode, e)
    if (fault) {
      const problem = problemAt(['events', seq], fault[0], { ...fault[1], index: seq })
      throw new ApiError(422, 'invalid-event', `The attempt's ${problem.message}.`, {
        seq,
        problems: [problemView(problem)],
      })
    }
    if (e.action === 'end' && i < events.length - 1)
      throw new ApiError(
        409,
        'attempt-ended',
        `Event ${seq} ends the attempt, so no event can come after it.`,
        { seq },
      )
    previous = e.t
  })
}
