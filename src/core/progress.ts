// The learner's progress within the simulation (spec section 3, "the check"): steps completed
// when ready, hazards triggered on a rising edge, and how an event is classed.
import type { ActionMatch, Model } from './model.ts'
import type { AttemptEvent } from './recordSchemas.ts'
import type { EventClass, EventOutcome, SimState } from './simulation.ts'

/**
 * A step's status for a checklist: done (in order or out of it), ready (every step it waits for
 * is done) or waiting.
 */
export type StepStatus = 'done' | 'outOfOrder' | 'ready' | 'waiting'

/** Whether every step that step `step` waits for (`after`) is done. Pure. */
export function isStepReady(model: Model, done: readonly boolean[], step: number): boolean {
  // a loop, not `every`: the simulation asks this for every matching step of every event
  for (const a of model.steps[step]!.after) if (!done[a]) return false
  return true
}

/** The status of step `step` in a run's state. Pure. */
export function getStepStatus(
  model: Model,
  sim: Pick<SimState, 'stepDone' | 'stepOutOfOrder'>,
  step: number,
): StepStatus {
  if (sim.stepDone[step]) return sim.stepOutOfOrder[step] ? 'outOfOrder' : 'done'
  return isStepReady(model, sim.stepDone, step) ? 'ready' : 'waiting'
}

/** The steps that step `step` still waits for, in the scenario's order. Pure. */
export function getWaitingFor(model: Model, done: readonly boolean[], step: number): number[] {
  return model.steps[step]!.after.filter((a) => !done[a])
}

/**
 * The first ready, incomplete step that the learner completes by acting (a state step completes
 * itself when its condition holds), or undefined when there is none. Pure.
 */
export function getNextStep(model: Model, done: readonly boolean[]): number | undefined {
  for (let i = 0; i < model.steps.length; i++)
    if (!done[i] && model.steps[i]!.action && isStepReady(model, done, i)) return i
  return undefined
}

export function complete(
  st: SimState,
  step: number,
  outOfOrder: boolean,
  outcome: EventOutcome | undefined,
): void {
  st.stepDone[step] = true
  st.stepT[step] = st.now
  st.stepOutOfOrder[step] = outOfOrder
  outcome?.steps.push(step)
}

export function trigger(
  model: Model,
  st: SimState,
  hazard: number,
  outcome: EventOutcome | undefined,
): void {
  outcome?.triggers.push(st.triggers.length)
  st.triggers.push({ hazard, t: st.now })
  if (model.hazards[hazard]!.severity === 'critical') st.critical = true
}

/** Completes ready, true state steps until none completes; then fires `when` hazards on a rising edge. */
export function checkProgress(model: Model, st: SimState, outcome: EventOutcome | undefined): void {
  const steps = model.steps
  for (let progress = true; progress;) {
    progress = false
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!
      if (
        s.state !== undefined &&
        !st.stepDone[i] &&
        isStepReady(model, st.stepDone, i) &&
        s.state(st)
      ) {
        complete(st, i, false, outcome)
        progress = true
      }
    }
  }
  const hazards = model.hazards
  for (let h = 0; h < hazards.length; h++) {
    const when = hazards[h]!.when
    if (when === undefined) continue
    const on = when(st)
    if (on && !st.hazardOn[h]) trigger(model, st, h, outcome)
    st.hazardOn[h] = on
  }
}

export function matches(m: ActionMatch, target: number, e: AttemptEvent): boolean {
  return (
    m.action === e.action && m.target === target && (m.value === undefined || m.value === e.value)
  )
}

export function classify(
  action: string,
  completed: boolean,
  matched: boolean,
  blocked: boolean,
): EventClass {
  if (action === 'inspect') return 'inspect'
  if (action === 'hint') return 'hint'
  if (completed) return 'completion'
  if (matched) return 'neutral'
  return blocked ? 'blocked' : 'unexpected'
}
