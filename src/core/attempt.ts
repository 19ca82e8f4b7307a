// Checking an attempt against its scenario: every event must be one the live simulator could
// have produced (spec sections 1 and 5). Nothing here runs the simulation; attemptFile.ts reads
// the file.
import { ALL_ACTIONS } from './kinds.ts'
import type { Model } from './model.ts'
import { didYouMean, ProblemList } from './problems.ts'
import type { Attempt, AttemptEvent } from './recordSchemas.ts'

/** Why an event is invalid for this scenario and mode, or undefined when it is valid. Pure. */
export function checkEvent(
  model: Model,
  mode: Attempt['mode'],
  e: AttemptEvent,
): string | undefined {
  if (!(ALL_ACTIONS as readonly string[]).includes(e.action)) {
    return `unknown action "${e.action}"${didYouMean(e.action, ALL_ACTIONS)}`
  }
  if (e.value !== undefined && e.action !== 'set') return `"value" is allowed only on "set"`
  if (e.action === 'end') return e.target === undefined ? undefined : '"end" has no target'
  if (e.target === undefined) return `"${e.action}" needs a target`
  if (e.action === 'hint') {
    if (mode !== 'practice') return 'hints are not allowed in assessment mode'
    return model.stepIndex.has(e.target)
      ? undefined
      : `unknown step "${e.target}"${didYouMean(e.target, model.stepIndex.keys())}`
  }
  const i = model.componentIndex.get(e.target)
  if (i === undefined)
    return `unknown component "${e.target}"${didYouMean(e.target, model.componentIndex.keys())}`
  const c = model.components[i]!
  if (!c.actions.has(e.action))
    return `"${e.target}" (a ${c.kind}) does not accept "${e.action}"; it accepts ${[...c.actions].join(', ')}`
  if (e.action === 'set') {
    if (e.value === undefined) return '"set" needs the value set'
    if (!c.states.includes(e.value))
      return `"${e.value}" is not one of the states of "${e.target}" (${c.states.join(', ')})`
  }
  return undefined
}

/**
 * Checks an attempt against a scenario: the scenario id, faults, judgement marks and every event
 * (processed or not). Returns the problems; empty when the attempt can be scored. Pure.
 */
export function checkAttempt(model: Model, attempt: Attempt): ProblemList {
  const problems = new ProblemList()
  const scenarioId = model.scenario.id
  if (attempt.scenario.id !== scenarioId) {
    problems.add(
      ['scenario', 'id'],
      `this attempt was recorded on scenario "${attempt.scenario.id}", not "${scenarioId}"; score it with its own scenario file`,
    )
    return problems
  }
  const seen = new Set<string>()
  ;(attempt.faults ?? []).forEach((f, i) => {
    if (!model.faultIndex.has(f))
      problems.add(['faults', i], `unknown fault "${f}"${didYouMean(f, model.faultIndex.keys())}`)
    else if (seen.has(f)) problems.add(['faults', i], `the fault "${f}" is listed twice`)
    seen.add(f)
  })
  for (const [id, mark] of Object.entries(attempt.judgements ?? {})) {
    const j = model.judgementIndex.get(id)
    if (j === undefined)
      problems.add(
        ['judgements', id],
        `unknown judgement "${id}"${didYouMean(id, model.judgementIndex.keys())}`,
      )
    else if (mark?.mark != null && mark.mark > model.judgements[j]!.maxMark) {
      problems.add(
        ['judgements', id, 'mark'],
        `a mark must be 0 to ${model.judgements[j]!.maxMark}, not ${mark.mark}`,
      )
    }
  }
  let previous = 0
  attempt.events.forEach((e, i) => {
    if (e.t < previous)
      problems.add(
        ['events', i, 't'],
        `event ${i} is at ${e.t} ms, before the event before it (${previous} ms); times must not decrease`,
      )
    previous = Math.max(previous, e.t)
    const why = checkEvent(model, attempt.mode, e)
    if (why !== undefined) problems.add(['events', i], `event ${i} is invalid: ${why}`)
  })
  return problems
}
