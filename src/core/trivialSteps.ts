// Steps that test nothing, for the editor's problems panel: a state step whose condition already
// holds at the start (the learner has nothing to do for it), and an act step with prerequisites
// that no run can do out of order (the equipment itself forces the order, so the order is not
// assessed). Explores the runs a learner could make, as the solver does. Pure.
import type { Model } from './model.ts'
import { candidateEvents, exploredKey } from './solve.ts'
import { applyInput, cloneState, createStart, ScenarioRuntimeError } from './simulation.ts'
import type { SimState } from './simulation.ts'

export interface TrivialSteps {
  /** State steps whose condition holds at the start. */
  readonly trueAtStart: readonly string[]
  /**
   * Act steps with prerequisites that no run can do out of order: one that removes the lock (tag,
   * worn item) an earlier step applies, and, when every state was explored, any that no run did
   * out of order.
   */
  readonly orderForced: readonly string[]
  /** Every reachable state was explored. */
  readonly complete: boolean
}

const GAP_MS = 1000

// states with steps done out of order are told apart: whether any run can do so is the question
function keyOf(st: SimState): string {
  return exploredKey(st, st.stepOutOfOrder)
}

/** Lets the equipment settle after an act (a pressure building up), as far as one minute. */
function settle(model: Model, st: SimState): void {
  const limit = st.now + 60_000
  for (let T = (Math.floor(st.now / model.tickMs) + 1) * model.tickMs; T <= limit;) {
    applyInput(model, st, { type: 'advance', t: T })
    if (st.quiet || st.ended) return
    T += model.tickMs
  }
}

/** The act that must come first for an act to be possible at all: a lock before its removal. */
const UNDOES: Readonly<Record<string, string>> = { unlock: 'lock', untag: 'tag', remove: 'wear' }

/** Step indices that step `i` waits for, directly or through other steps. */
function prerequisites(model: Model, i: number, out = new Set<number>()): Set<number> {
  for (const a of model.steps[i]!.after)
    if (!out.has(a)) {
      out.add(a)
      prerequisites(model, a, out)
    }
  return out
}

/**
 * Act steps that undo what a prerequisite step does to the same part (remove the lock that an
 * earlier step applies), on a part that starts without it: no run can do them first, since the
 * only way to apply the lock is the act of that earlier step.
 */
function undoSteps(model: Model, start: SimState): number[] {
  return model.steps.flatMap((s, i) => {
    const needs = s.action && UNDOES[s.action.action]
    if (!s.action || !needs) return []
    const target = s.action.target
    const c = model.components[target]!
    const already =
      needs === 'lock'
        ? start.locked[target]
        : needs === 'tag'
          ? start.tagged[target]
          : start.comps[target] === 'worn'
    if (already || c === undefined) return []
    const first = [...prerequisites(model, i)].some((p) => {
      const a = model.steps[p]!.action
      return a !== undefined && a.action === needs && a.target === target
    })
    return first ? [i] : []
  })
}

/** The steps of a scenario that test nothing; `maxStates` bounds the exploration. Pure. */
export function findTrivialSteps(model: Model, maxStates = 1500): TrivialSteps {
  let start: SimState
  try {
    start = createStart(model, 'practice', [])
  } catch (e) {
    if (e instanceof ScenarioRuntimeError)
      return { trueAtStart: [], orderForced: [], complete: false }
    throw e
  }
  const trueAtStart = model.steps.filter((s) => s.state !== undefined && s.state(start))
  const everOutOfOrder = model.steps.map(() => false)
  const everDone = [...start.stepDone]
  const seen = new Set([keyOf(start)])
  const queue: SimState[] = [start]
  let complete = true
  try {
    for (let head = 0; head < queue.length; head++) {
      if (seen.size >= maxStates) {
        complete = false
        break
      }
      const st = queue[head]!
      const t = st.now + GAP_MS
      const { completing, others } = candidateEvents(model, st, t)
      for (const e of [...completing, ...others]) {
        const next = cloneState(st)
        applyInput(model, next, { type: 'event', index: 0, event: e })
        settle(model, next)
        next.stepDone.forEach((d, i) => d && (everDone[i] = true))
        next.stepOutOfOrder.forEach((o, i) => o && (everOutOfOrder[i] = true))
        const key = keyOf(next)
        if (next.ended || seen.has(key)) continue
        seen.add(key)
        queue.push(next)
      }
    }
  } catch (e) {
    // a mistake of the scenario at run time is the solver's to report; claim nothing here
    if (!(e instanceof ScenarioRuntimeError)) throw e
    complete = false
  }
  return {
    trueAtStart: trueAtStart.map((s) => s.id),
    orderForced: model.steps
      .filter(
        (s, i) =>
          undoSteps(model, start).includes(i) ||
          (complete && s.action && s.after.length > 0 && everDone[i] && !everOutOfOrder[i]),
      )
      .map((s) => s.id),
    complete,
  }
}
