// Loading an attempt file and checking it against its scenario: every event must be one the
// live simulator could have produced (spec sections 1 and 5). Nothing here runs the simulation.
import { checkShape } from './checkShape.ts'
import { parseJson, type JsonValue } from './json.ts'
import { ALL_ACTIONS } from './kinds.ts'
import type { Model } from './model.ts'
import { didYouMean, ProblemList, type Outcome } from './problems.ts'
import { AttemptSchema, isPlainEvent, type Attempt, type AttemptEvent } from './recordSchemas.ts'

/** Parses and shape-checks an attempt file. Pure. */
export function parseAttempt(text: string): Outcome<Attempt> {
  const json = parseJson(text)
  return json.ok ? checkAttemptShape(json.value) : json
}

/**
 * Checks the shape of a parsed attempt file: what `checkShape(AttemptSchema, value)` says, with a
 * fraction of its memory. When every event is plain, the events are taken as they are and the
 * schema checks the rest. Pure.
 */
export function checkAttemptShape(value: JsonValue): Outcome<Attempt> {
  const events = isObject(value) ? value['events'] : undefined
  if (!Array.isArray(events) || !events.every(isPlainEvent)) return checkShape(AttemptSchema, value)
  const rest = checkShape(AttemptSchema, { ...(value as object), events: [] })
  return rest.ok ? { ok: true, value: { ...rest.value, events: events as AttemptEvent[] } } : rest
}

const isObject = (v: JsonValue): v is { [key: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

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
