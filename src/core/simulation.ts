// The simulation of spec section 3 as a fold: `createStart` gives the state at t = 0 and `step`
// advances it by time or by one learner event. Live play, replay, scoring and solve all go
// through `applyInput`; nothing here reads a clock or a random generator.
import type { Frame } from './expr/compile.ts'
import { LOCK_EXEMPT_ACTIONS } from './kinds.ts'
import type { Assignment, Model } from './model.ts'
import type { PathSegment } from './problems.ts'
import { checkProgress, classify, complete, isStepReady, matches, trigger } from './progress.ts'
import type { AttemptEvent, Mode } from './recordSchemas.ts'

/** How an event counted (spec section 4); inspect, hint and end are never classed. */
export type EventClass =
  'completion' | 'neutral' | 'blocked' | 'unexpected' | 'inspect' | 'hint' | 'end'

/** What one processed event did: its class, the steps it completed and the hazards it triggered. */
export interface EventOutcome {
  readonly index: number
  readonly t: number
  readonly class: EventClass
  readonly steps: number[]
  /** Positions in `SimState.triggers`. */
  readonly triggers: number[]
}

export interface Trigger {
  readonly hazard: number
  readonly t: number
}

export type EndReason = 'end' | 'time-limit' | 'critical' | 'last-event'

/**
 * Everything the simulation and scoring know about a run. `applyInput` changes it in place, so
 * a state kept (a checkpoint, one shown on a screen) must be one no input is applied to:
 * `cloneState` or `step` make such a copy.
 */
export interface SimState extends Frame {
  readonly mode: Mode
  now: number
  /** k of the next tick, at T = k · tickMs. */
  nextTick: number
  comps: string[]
  vars: number[]
  locked: boolean[]
  tagged: boolean[]
  faults: boolean[]
  activeFaults: string[]
  stepDone: boolean[]
  stepT: (number | null)[]
  stepOutOfOrder: boolean[]
  hints: number[]
  hazardOn: boolean[]
  triggers: Trigger[]
  unexpected: { index: number; t: number }[]
  blocked: { index: number; t: number }[]
  log: EventOutcome[]
  lastEventT: number | null
  ended: boolean
  endedAt: number | null
  endReason: EndReason | null
  /** The last tick changed nothing and nothing reads `time`: ticks until the next event are no-ops. */
  quiet: boolean
  /** Scratch flags of the point being processed. */
  changed: boolean
  critical: boolean
}

export type SimInput =
  | { readonly type: 'advance'; readonly t: number }
  | { readonly type: 'event'; readonly index: number; readonly event: AttemptEvent }
  | { readonly type: 'finish' }

/** A scenario mistake found while running (e.g. a rule setting a state that does not exist). */
export class ScenarioRuntimeError extends Error {
  constructor(
    message: string,
    /** Where the scenario makes the mistake, e.g. `['rules', 0, 'set', 'valve']`. */
    readonly path: readonly PathSegment[],
  ) {
    super(message)
  }
}

/**
 * An empty array made for objects. A literal `[]` starts as an array of small integers and
 * changes kind at the first object pushed, in every attempt; code V8 optimized for the first kind
 * is then thrown away ("not a Smi"), and rebuilt for both (batch-memory measures it).
 */
function emptyRecords<T>(): T[] {
  const records = [{} as T]
  records.pop()
  return records
}

/** The state after the start (t = 0): initial values, active faults, rules, check. Pure. */
export function createStart(model: Model, mode: Mode, activeFaults: readonly string[]): SimState {
  const st: SimState = {
    mode,
    now: 0,
    nextTick: 1,
    comps: model.components.map((c) => c.initial),
    vars: model.variables.map((v) => v.initial),
    locked: model.components.map(() => false),
    tagged: model.components.map(() => false),
    faults: model.faults.map((f) => activeFaults.includes(f.id)),
    activeFaults: [...activeFaults],
    stepDone: model.steps.map(() => false),
    stepT: model.steps.map(() => null),
    stepOutOfOrder: model.steps.map(() => false),
    hints: model.steps.map(() => 0),
    hazardOn: model.hazards.map(() => false),
    triggers: emptyRecords(),
    unexpected: emptyRecords(),
    blocked: emptyRecords(),
    log: emptyRecords(),
    lastEventT: null,
    ended: false,
    endedAt: null,
    endReason: null,
    quiet: false,
    changed: false,
    critical: false,
  }
  for (const id of activeFaults) applySet(model, st, model.faults[model.faultIndex.get(id)!]!.set)
  applyRules(model, st)
  checkProgress(model, st, undefined)
  endOnCritical(model, st)
  return st
}

/** A copy that shares nothing mutable with the original. Pure. */
export function cloneState(st: SimState): SimState {
  return {
    ...st,
    comps: [...st.comps],
    vars: [...st.vars],
    locked: [...st.locked],
    tagged: [...st.tagged],
    faults: [...st.faults],
    activeFaults: [...st.activeFaults],
    stepDone: [...st.stepDone],
    stepT: [...st.stepT],
    stepOutOfOrder: [...st.stepOutOfOrder],
    hints: [...st.hints],
    hazardOn: [...st.hazardOn],
    triggers: [...st.triggers],
    unexpected: [...st.unexpected],
    blocked: [...st.blocked],
    log: [...st.log],
  }
}

/** The next state after one input; the given state is not changed. Pure. */
export function step(model: Model, st: SimState, input: SimInput): SimState {
  const next = cloneState(st)
  applyInput(model, next, input)
  return next
}

/** Applies one input to a state the caller owns, in place (the fast path of `step`). */
export function applyInput(model: Model, st: SimState, input: SimInput): void {
  if (st.ended) return
  switch (input.type) {
    case 'advance':
      runTicks(model, st, input.t)
      return
    case 'event':
      applyEvent(model, st, input.index, input.event)
      return
    case 'finish':
      end(st, st.lastEventT ?? 0, 'last-event')
      return
  }
}

function end(st: SimState, t: number, reason: EndReason): void {
  st.ended = true
  st.endedAt = t
  st.endReason = reason
}

function endOnCritical(model: Model, st: SimState): void {
  if (st.critical && st.mode === 'assessment' && model.scoring.endOnCritical)
    end(st, st.now, 'critical')
  st.critical = false
}

/**
 * Runs every tick with T ≤ t (and T ≤ the time limit); ends the run at the limit if t passes it.
 * A tick: the rates on the state before it, each variable moved and clamped, then the rules, the
 * checklist and hazards. It is written in this loop, not as a function of its own, so that V8
 * keeps one optimized copy of it, not a copy alone and another inlined here (batch-memory).
 */
function runTicks(model: Model, st: SimState, t: number): void {
  const limit = model.scoring.timeLimitMs ?? Infinity
  const { tickMs, variables: vars, rateScratch } = model
  const last = Math.min(t, limit)
  while (!st.ended && st.nextTick * tickMs <= last) {
    if (st.quiet) {
      const k = Math.floor(last / tickMs)
      st.now = k * tickMs
      st.nextTick = k + 1
      break
    }
    st.now = st.nextTick * tickMs
    st.changed = false
    // every rate on the state before the tick, into the model's scratch array (no allocation)
    for (let i = 0; i < vars.length; i++) {
      const rate = vars[i]!.rate
      rateScratch[i] = rate === undefined ? 0 : rate(st)
    }
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i]!
      if (v.rate === undefined) continue
      // written out rather than calling setVariable: a double passed to a call is boxed per tick
      const next = Math.min(Math.max(st.vars[i]! + (rateScratch[i]! * tickMs) / 1000, v.min), v.max)
      if (next !== st.vars[i]) {
        st.vars[i] = next
        st.changed = true
      }
    }
    applyRules(model, st)
    checkProgress(model, st, undefined)
    st.quiet = !st.changed && !model.readsTime
    endOnCritical(model, st)
    st.nextTick++
  }
  if (!st.ended && t > limit) end(st, limit, 'time-limit')
}

function setVariable(
  st: SimState,
  i: number,
  value: number,
  v: { min: number; max: number },
): void {
  const clamped = Math.min(Math.max(value, v.min), v.max)
  if (clamped !== st.vars[i]) {
    st.vars[i] = clamped
    st.changed = true
  }
}

function setComponent(
  model: Model,
  st: SimState,
  i: number,
  value: string,
  path: readonly PathSegment[] = [],
): void {
  const c = model.components[i]!
  if (!c.states.includes(value)) {
    throw new ScenarioRuntimeError(
      `the scenario set "${c.id}" to "${value}", which is not one of its states (${c.states.join(', ')})`,
      path,
    )
  }
  if (st.comps[i] !== value) {
    st.comps[i] = value
    st.changed = true
  }
}

function applySet(model: Model, st: SimState, set: readonly Assignment[]): void {
  for (const a of set) {
    const value = a.value(st)
    if (a.target === 'variable')
      setVariable(st, a.index, value as number, model.variables[a.index]!)
    else setComponent(model, st, a.index, value as string, a.path)
  }
}

function applyRules(model: Model, st: SimState): void {
  for (const rule of model.rules) if (rule.when(st)) applySet(model, st, rule.set)
}

function perform(model: Model, st: SimState, c: number, e: AttemptEvent): void {
  switch (e.action) {
    case 'set':
      setComponent(model, st, c, e.value!)
      break
    case 'wear':
      setComponent(model, st, c, 'worn')
      break
    case 'remove':
      setComponent(model, st, c, 'stored')
      break
    case 'lock':
    case 'unlock':
      st.locked[c] = e.action === 'lock'
      break
    case 'tag':
    case 'untag':
      st.tagged[c] = e.action === 'tag'
      break
    default:
    // press and inspect change no state; their effects do
  }
  for (const effect of model.components[c]!.effects.get(e.action) ?? []) {
    if (effect.when === undefined || effect.when(st)) applySet(model, st, effect.set)
  }
}

function applyEvent(model: Model, st: SimState, index: number, e: AttemptEvent): void {
  runTicks(model, st, e.t)
  if (st.ended) return
  st.now = e.t
  st.lastEventT = e.t
  st.quiet = false
  if (e.action === 'end') {
    st.log.push({ index, t: e.t, class: 'end', steps: [], triggers: [] })
    end(st, e.t, 'end')
    return
  }
  // filled in as the event is processed, then logged with its class
  const outcome: { -readonly [K in keyof EventOutcome]: EventOutcome[K] } = {
    index,
    t: e.t,
    class: 'unexpected',
    steps: [],
    triggers: [],
  }
  let blocked = false
  let matched = false
  if (e.action === 'hint') {
    const s = model.stepIndex.get(e.target!)!
    st.hints[s]!++
    applyRules(model, st)
  } else {
    const c = model.componentIndex.get(e.target!)!
    blocked = model.components[c]!.lockable && st.locked[c]! && !LOCK_EXEMPT_ACTIONS.has(e.action)
    if (!blocked) perform(model, st, c, e)
    applyRules(model, st)
    const hazards = model.hazards
    for (let h = 0; h < hazards.length; h++) {
      const match = hazards[h]!.action
      if (match && matches(match, c, e)) trigger(model, st, h, outcome)
    }
    let firstReady = -1
    let firstIncomplete = -1
    for (let i = 0; i < model.steps.length; i++) {
      const match = model.steps[i]!.action
      if (!match || !matches(match, c, e)) continue
      matched = true
      if (st.stepDone[i]) continue
      if (firstIncomplete < 0) firstIncomplete = i
      if (firstReady < 0 && isStepReady(model, st.stepDone, i)) firstReady = i
    }
    if (firstReady >= 0) complete(st, firstReady, false, outcome)
    else if (firstIncomplete >= 0) complete(st, firstIncomplete, true, outcome)
  }
  checkProgress(model, st, outcome)
  const cls = classify(e.action, outcome.steps.length > 0, matched, blocked)
  outcome.class = cls
  st.log.push(outcome)
  if (cls === 'unexpected') st.unexpected.push({ index, t: e.t })
  if (cls === 'blocked') st.blocked.push({ index, t: e.t })
  endOnCritical(model, st)
}
