// Checking an attempt against its scenario: every event must be one the live simulator could
// have produced (spec sections 1 and 5). Nothing here runs the simulation; attemptFile.ts reads
// the file.
import { ALL_ACTIONS } from './kinds.ts'
import type { Model } from './model.ts'
import {
  near,
  problemAt,
  ProblemList,
  type FileProblemCode,
  type ProblemParams,
} from './problems.ts'
import type { Attempt, AttemptEvent } from './recordSchemas.ts'

/** Why an event is invalid for this scenario and mode: a problem code and its params. */
export type EventFault = readonly [FileProblemCode, ProblemParams]

const ACTIONS: ReadonlySet<string> = new Set(ALL_ACTIONS)

/** Why an event is invalid for this scenario and mode, or undefined when it is valid. Pure. */
export function checkEvent(
  model: Model,
  mode: Attempt['mode'],
  e: AttemptEvent,
): EventFault | undefined {
  if (!ACTIONS.has(e.action))
    return ['event.unknownAction', { action: e.action, near: near(e.action, ALL_ACTIONS) }]
  if (e.value !== undefined && e.action !== 'set') return ['event.valueNotSet', {}]
  if (e.action === 'end') return e.target === undefined ? undefined : ['event.endTarget', {}]
  if (e.target === undefined) return ['event.noTarget', { action: e.action }]
  const id = e.target
  if (e.action === 'hint') {
    if (mode !== 'practice') return ['event.hintInAssessment', {}]
    return model.stepIndex.has(id)
      ? undefined
      : ['event.unknownStep', { id, near: near(id, model.stepIndex.keys()) }]
  }
  const i = model.componentIndex.get(id)
  if (i === undefined)
    return ['event.unknownComponent', { id, near: near(id, model.componentIndex.keys()) }]
  const c = model.components[i]!
  if (!c.actions.has(e.action))
    return [
      'event.notAccepted',
      { id, kind: c.kind, action: e.action, actions: [...c.actions].join(', ') },
    ]
  if (e.action === 'set') {
    if (e.value === undefined) return ['event.setNoValue', {}]
    if (!c.states.includes(e.value))
      return ['event.notState', { value: e.value, id, states: c.states.join(', ') }]
  }
  return undefined
}

/**
 * Checks an attempt against a scenario: the scenario id, faults, judgement marks and every event
 * (processed or not). Returns the problems; empty when the attempt can be scored. Pure.
 */
export function checkAttempt(model: Model, attempt: Attempt): ProblemList<FileProblemCode> {
  const problems = new ProblemList(problemAt)
  const scenarioId = model.scenario.id
  if (attempt.scenario.id !== scenarioId) {
    problems.add(['scenario', 'id'], 'attempt.otherScenario', {
      id: attempt.scenario.id,
      expected: scenarioId,
    })
    return problems
  }
  if (attempt.faults?.length) checkFaults(model, attempt.faults, problems)
  if (attempt.judgements) checkMarks(model, attempt.judgements, problems)
  checkEvents(model, attempt, problems)
  return problems
}

// Each fault the attempt names is one of the scenario's, and named once.
function checkFaults(
  model: Model,
  faults: readonly string[],
  problems: ProblemList<FileProblemCode>,
): void {
  const seen = new Set<string>()
  faults.forEach((f, i) => {
    if (!model.faultIndex.has(f))
      problems.add(['faults', i], 'attempt.unknownFault', {
        id: f,
        near: near(f, model.faultIndex.keys()),
      })
    else if (seen.has(f)) problems.add(['faults', i], 'attempt.faultTwice', { id: f })
    seen.add(f)
  })
}

// Each mark is for one of the scenario's judgements, and within its maxMark.
function checkMarks(
  model: Model,
  marks: NonNullable<Attempt['judgements']>,
  problems: ProblemList<FileProblemCode>,
): void {
  for (const [id, mark] of Object.entries(marks)) {
    const j = model.judgementIndex.get(id)
    if (j === undefined)
      problems.add(['judgements', id], 'attempt.unknownJudgement', {
        id,
        near: near(id, model.judgementIndex.keys()),
      })
    else if (mark?.mark != null && mark.mark > model.judgements[j]!.maxMark) {
      problems.add(['judgements', id, 'mark'], 'attempt.markRange', {
        max: model.judgements[j]!.maxMark,
        mark: mark.mark,
      })
    }
  }
}

// Every event, processed or not: in time order, and one the live simulator could have produced.
function checkEvents(model: Model, attempt: Attempt, problems: ProblemList<FileProblemCode>): void {
  let previous = 0
  const events = attempt.events
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (e.t < previous)
      problems.add(['events', i, 't'], 'attempt.timeOrder', { index: i, t: e.t, previous })
    previous = Math.max(previous, e.t)
    const why = checkEvent(model, attempt.mode, e)
    if (why !== undefined) problems.add(['events', i], why[0], { ...why[1], index: i })
  }
}
