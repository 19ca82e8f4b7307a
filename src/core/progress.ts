// The learner's progress within the simulation (spec section 3, "the check"): steps completed
// when ready, hazards triggered on a rising edge, and how an event is classed.
import type { ActionMatch, Model } from './model.ts'
import type { AttemptEvent } from './recordSchemas.ts'
import type { EventClass, EventOutcome, SimState } from './simulation.ts'

export function isReady(model: Model, st: SimState, step: number): boolean {
  for (const a of model.steps[step]!.after) if (!st.stepDone[a]) return false
  return true
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
      if (s.state !== undefined && !st.stepDone[i] && isReady(model, st, i) && s.state(st)) {
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
