// The reference solver: searches learner acts for an assessment-mode attempt that completes every
// step in order with full points and triggers no hazard, or explains why none was found.
// Uses only the simulation fold, so a solution scores exactly as the search saw it.
import type { Model } from './model.ts'
import type { PathSegment } from './problems.ts'
import { getWaitingFor, isStepReady } from './progress.ts'
import type { Attempt, AttemptEvent } from './recordSchemas.ts'
import { ATTEMPT_FORMAT } from './formats.ts'
import {
  applyInput,
  cloneState,
  createStart,
  ScenarioRuntimeError,
  type SimState,
} from './simulation.ts'

export type SolveOutcome =
  | { ok: true; attempt: Attempt }
  | {
      ok: false
      reason: string
      /** What blocks a solution, as data, for the editor to say in the author's language. */
      block?: SolveBlock
      /** The scenario's mistake at run time that stopped the search, and the run that met it. */
      mistake?: {
        readonly message: string
        /** Where the scenario makes it, as `ScenarioRuntimeError.path`. */
        readonly path: readonly PathSegment[]
        readonly attempt: Attempt
      }
    }

/** What stops every clean run, read off the search (the `reason` says the same in English). */
export type SolveBlock =
  | { readonly kind: 'hazardAtStart'; readonly hazard: string }
  | {
      readonly kind: 'search'
      /** The first step no clean run completed, and the steps it still waited for. */
      readonly step: string | undefined
      readonly stepIsState: boolean
      readonly waitsFor: readonly string[]
      /** The hazard that fired on most of the paths tried, and on how many. */
      readonly hazard: { readonly id: string; readonly paths: number } | undefined
      readonly outOfOrderPaths: number
      /** The search stopped at its limit rather than exploring every state. */
      readonly gaveUp: boolean
      readonly furthest: number
      readonly steps: number
    }

/** Time between two acts of the reference run: about the pace of a careful learner. */
const GAP_MS = 1000
/** How long the solver waits for a rate-driven state step before giving up on that branch. */
const MAX_WAIT_MS = 30 * 60 * 1000
const DEFAULT_MAX_EXPANSIONS = 20_000

interface Node {
  readonly st: SimState
  readonly events: readonly AttemptEvent[]
  /** Time of the last processed point: the next act comes GAP_MS later. */
  readonly t: number
}

interface Stats {
  readonly everDone: boolean[]
  readonly hazardPrunes: number[]
  outOfOrderPrunes: number
  furthest: SimState
}

/** Searches for a solution of the scenario; deterministic for a given model. Pure. */
export function solve(model: Model, maxExpansions = DEFAULT_MAX_EXPANSIONS): SolveOutcome {
  const start = createStart(model, 'assessment', [])
  if (start.triggers.length > 0) {
    const h = model.hazards[start.triggers[0]!.hazard]!
    return {
      ok: false,
      reason: `hazard "${h.id}" is already true at the start, so every attempt triggers it`,
      block: { kind: 'hazardAtStart', hazard: h.id },
    }
  }
  const root: Node = { st: start, events: [], t: 0 }
  if (allDone(start)) return { ok: true, attempt: toAttempt(model, root) }
  const stats: Stats = {
    everDone: [...start.stepDone],
    hazardPrunes: model.hazards.map(() => 0),
    outOfOrderPrunes: 0,
    furthest: start,
  }
  const seen = new Set<string>([keyOf(start)])
  const stack: Node[] = [root]
  for (let expanded = 0; stack.length > 0; expanded++) {
    if (expanded >= maxExpansions)
      return {
        ok: false,
        reason: explain(model, stats, `the search gave up after ${maxExpansions} states`),
        block: blockOf(model, stats, true),
      }
    const node = stack.pop()!
    const children: Node[] = []
    try {
      for (const child of expand(model, node, stats)) {
        if (allDone(child.st)) return { ok: true, attempt: toAttempt(model, child) }
        const key = keyOf(child.st)
        if (seen.has(key)) continue
        seen.add(key)
        children.push(child)
      }
    } catch (e) {
      // the run so far on this path, for the author to replay: a mistake is an outcome, not a crash
      if (!(e instanceof ScenarioRuntimeError)) throw e
      const mistake = { message: e.message, path: e.path, attempt: toAttempt(model, node) }
      return {
        ok: false,
        reason: `the scenario made a mistake while running: ${e.message}`,
        mistake,
      }
    }
    // depth first, best child on top
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return {
    ok: false,
    reason: explain(model, stats, 'every reachable state was explored'),
    block: blockOf(model, stats, false),
  }
}

function allDone(st: SimState): boolean {
  return st.stepDone.every(Boolean)
}

function doneCount(st: SimState): number {
  return st.stepDone.filter(Boolean).length
}

/**
 * A state's identity for a search of the runs a learner could make: the equipment, the variables
 * to a millionth, the steps done, and what else the search tells states apart by (`also`).
 */
export function exploredKey(st: SimState, also: readonly unknown[]): string {
  return JSON.stringify([
    st.comps,
    st.locked,
    st.tagged,
    st.vars.map((v) => Math.round(v * 1e6)),
    st.stepDone,
    also,
  ])
}

// the solver tells apart states with different hazards on
function keyOf(st: SimState): string {
  return exploredKey(st, st.hazardOn)
}

/** A child is kept only if it stayed clean: no hazard, no step out of order, not ended. */
function isClean(model: Model, parent: SimState, st: SimState, stats: Stats): boolean {
  for (let i = parent.triggers.length; i < st.triggers.length; i++)
    stats.hazardPrunes[st.triggers[i]!.hazard]!++
  if (st.triggers.length > parent.triggers.length) return false
  if (st.stepOutOfOrder.some(Boolean)) {
    stats.outOfOrderPrunes++
    return false
  }
  if (st.ended) return false
  st.stepDone.forEach((d, i) => d && (stats.everDone[i] = true))
  if (doneCount(st) > doneCount(stats.furthest)) stats.furthest = st
  return true
}

/**
 * The acts worth trying from a node: those that complete a ready action step, and every other
 * act that changes something (or presses a button), tried after waiting.
 */
export function candidateEvents(
  model: Model,
  st: SimState,
  t: number,
): { completing: AttemptEvent[]; others: AttemptEvent[] } {
  const completing: AttemptEvent[] = []
  model.steps.forEach((s, i) => {
    if (!s.action || st.stepDone[i] || !isStepReady(model, st.stepDone, i)) return
    const c = model.components[s.action.target]!
    const value =
      s.action.value ??
      (s.action.action === 'set'
        ? c.states.find((v) => v !== st.comps[s.action!.target])
        : undefined)
    completing.push({
      t,
      action: s.action.action,
      target: c.id,
      ...(value === undefined ? {} : { value }),
    })
  })
  const isCompleting = (e: AttemptEvent) =>
    completing.some((x) => x.action === e.action && x.target === e.target && x.value === e.value)
  const others: AttemptEvent[] = []
  model.components.forEach((c, i) => {
    for (const action of c.actions) {
      if (action === 'set') {
        for (const value of c.states)
          if (value !== st.comps[i]) others.push({ t, action, target: c.id, value })
      } else if (
        action === 'press' ||
        (action === 'wear' && st.comps[i] !== 'worn') ||
        (action === 'remove' && st.comps[i] === 'worn') ||
        (action === 'lock' && !st.locked[i]) ||
        (action === 'unlock' && st.locked[i]) ||
        (action === 'tag' && !st.tagged[i]) ||
        (action === 'untag' && st.tagged[i])
      ) {
        others.push({ t, action, target: c.id })
      }
    }
  })
  return { completing, others: others.filter((e) => !isCompleting(e)) }
}

function* expand(model: Model, node: Node, stats: Stats): Generator<Node> {
  const t = node.t + GAP_MS
  const { completing, others } =
    t <= (model.scoring.timeLimitMs ?? Infinity)
      ? candidateEvents(model, node.st, t)
      : { completing: [], others: [] }
  for (const e of completing) yield* act(model, node, e, stats)
  const waited = wait(model, node, stats)
  if (waited) yield waited
  for (const e of others) yield* act(model, node, e, stats)
}

function* act(model: Model, node: Node, e: AttemptEvent, stats: Stats): Generator<Node> {
  const st = cloneState(node.st)
  applyInput(model, st, { type: 'event', index: node.events.length, event: e })
  if (isClean(model, node.st, st, stats)) yield { st, events: [...node.events, e], t: e.t }
}

/** Lets time pass until a state step completes or the equipment settles; undefined if nothing changes or a hazard fires. */
function wait(model: Model, node: Node, stats: Stats): Node | undefined {
  const st = cloneState(node.st)
  const before = doneCount(st)
  const limit = Math.min(model.scoring.timeLimitMs ?? Infinity, node.t + MAX_WAIT_MS)
  for (
    let T = (Math.floor(node.t / model.tickMs) + 1) * model.tickMs;
    T <= limit;
    T += model.tickMs
  ) {
    applyInput(model, st, { type: 'advance', t: T })
    if (!isClean(model, node.st, st, stats)) return undefined
    if (doneCount(st) > before) return { st, events: node.events, t: T }
    // settled: worth trying acts again from here if anything changed on the way (a pressure built up)
    if (st.quiet)
      return keyOf(st) === keyOf(node.st) ? undefined : { st, events: node.events, t: T }
  }
  return undefined
}

function explain(model: Model, stats: Stats, how: string): string {
  const missing = model.steps.findIndex((_, i) => !stats.everDone[i])
  const step = model.steps[missing]
  const parts: string[] = []
  if (step) {
    const waiting = getWaitingFor(model, stats.everDone, missing).map(
      (a) => `"${model.steps[a]!.id}"`,
    )
    parts.push(
      waiting.length > 0
        ? `step "${step.id}" can never become ready: it waits for ${waiting.join(', ')}`
        : step.state
          ? `step "${step.id}" never became true while it was ready`
          : `step "${step.id}" could never be done cleanly when it was ready`,
    )
  }
  const worst = stats.hazardPrunes.reduce(
    (best, n, i) => (n > (stats.hazardPrunes[best] ?? 0) ? i : best),
    0,
  )
  if ((stats.hazardPrunes[worst] ?? 0) > 0)
    parts.push(
      `hazard "${model.hazards[worst]!.id}" fired on ${stats.hazardPrunes[worst]} of the paths tried`,
    )
  if (stats.outOfOrderPrunes > 0)
    parts.push(`${stats.outOfOrderPrunes} paths completed a step out of order`)
  parts.push(
    `${how}; the furthest run completed ${doneCount(stats.furthest)} of ${model.steps.length} steps`,
  )
  return parts.join('; ')
}

function blockOf(model: Model, stats: Stats, gaveUp: boolean): SolveBlock {
  const missing = model.steps.findIndex((_, i) => !stats.everDone[i])
  const step = model.steps[missing]
  const worst = stats.hazardPrunes.reduce(
    (best, n, i) => (n > (stats.hazardPrunes[best] ?? 0) ? i : best),
    0,
  )
  const paths = stats.hazardPrunes[worst] ?? 0
  return {
    kind: 'search',
    step: step?.id,
    stepIsState: step?.state !== undefined,
    waitsFor: step
      ? getWaitingFor(model, stats.everDone, missing).map((a) => model.steps[a]!.id)
      : [],
    hazard: paths > 0 ? { id: model.hazards[worst]!.id, paths } : undefined,
    outOfOrderPaths: stats.outOfOrderPrunes,
    gaveUp,
    furthest: doneCount(stats.furthest),
    steps: model.steps.length,
  }
}

function toAttempt(model: Model, node: Node): Attempt {
  const last = node.events.length > 0 ? node.events[node.events.length - 1]!.t : 0
  const scenario = {
    id: model.scenario.id,
    version: model.scenario.version,
    ...(model.sha256 ? { sha256: model.sha256 } : {}),
  }
  return {
    format: ATTEMPT_FORMAT,
    id: `solution-${model.scenario.id}-${model.scenario.version}`,
    scenario,
    learner: { id: 'practica-solver', name: 'Reference run' },
    mode: 'assessment',
    faults: [],
    events: [...node.events, { t: Math.max(last, node.t), action: 'end' }],
  }
}
