// Proof that the XState peer and the engine run the same attempt the same way: component states,
// flags, variables, steps and hazard triggers after every tick and event, before anything is timed.
import { readFileSync } from 'node:fs'
import {
  applyInput,
  createStart,
  loadScenario,
  type Attempt,
  type Model,
  type SimState,
} from '../../../src/core/index.ts'
import { replayOnActor, type ConveyorContext, type PeerReplay } from './conveyorMachine.ts'

/** The conveyor scenario the peer machine was written from. */
export function loadConveyor(): Model {
  const loaded = loadScenario(
    new Uint8Array(readFileSync(new URL('../../../scenarios/conveyor-loto.json', import.meta.url))),
  )
  if (!loaded.ok) throw new Error('scenarios/conveyor-loto.json does not load')
  return loaded.value
}

/** Ticks and events an attempt's replay represents, read off the engine's final state. */
export function countInputs(st: SimState): number {
  return st.log.length + st.nextTick - 1
}

const STATEFUL = ['glasses', 'gloves', 'isolator', 'air_dump', 'guard'] as const
const VARIABLES = ['run', 'pressure'] as const

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

/** The part of the engine's state the peer also keeps, copied. */
interface Snapshot {
  readonly comps: readonly string[]
  readonly locked: readonly boolean[]
  readonly tagged: readonly boolean[]
  readonly vars: readonly number[]
  readonly stepDone: readonly boolean[]
  readonly stepOutOfOrder: readonly boolean[]
  readonly triggers: number
}

function snapshot(st: SimState): Snapshot {
  return {
    comps: [...st.comps],
    locked: [...st.locked],
    tagged: [...st.tagged],
    vars: [...st.vars],
    stepDone: [...st.stepDone],
    stepOutOfOrder: [...st.stepOutOfOrder],
    triggers: st.triggers.length,
  }
}

/** Where the two states differ, or undefined when they agree. */
function difference(model: Model, st: Snapshot, ctx: ConveyorContext): string | undefined {
  for (const id of STATEFUL) {
    const ours = st.comps[model.componentIndex.get(id)!]
    if (ours !== ctx[id]) return `${id} is ${ours} in the engine, ${ctx[id]} in the peer`
  }
  const isolator = model.componentIndex.get('isolator')!
  if (st.locked[isolator] !== ctx.locked.isolator) return 'isolator.locked differs'
  if (st.tagged[isolator] !== ctx.tagged.isolator) return 'isolator.tagged differs'
  for (const id of VARIABLES) {
    const ours = st.vars[model.variables.findIndex((v) => v.id === id)]!
    if (!close(ours, ctx[id])) return `${id} is ${ours} in the engine, ${ctx[id]} in the peer`
  }
  for (let i = 0; i < st.stepDone.length; i++) {
    if (st.stepDone[i] !== ctx.steps[i]!.done) return `step ${model.steps[i]!.id} differs`
    if (st.stepOutOfOrder[i] !== ctx.steps[i]!.outOfOrder)
      return `step ${model.steps[i]!.id} out of order differs`
  }
  if (st.triggers !== ctx.triggers.length)
    return `${st.triggers} hazard triggers in the engine, ${ctx.triggers.length} in the peer`
  return undefined
}

/** The engine's state after every tick and event, driven one tick at a time; the final state. */
function engineTrace(model: Model, attempt: Attempt, trace: Snapshot[]): SimState {
  const st = createStart(model, attempt.mode, attempt.faults ?? [])
  const limit = model.scoring.timeLimitMs ?? Infinity
  for (const [index, event] of attempt.events.entries()) {
    while (!st.ended && st.nextTick * model.tickMs <= Math.min(event.t, limit)) {
      applyInput(model, st, { type: 'advance', t: st.nextTick * model.tickMs })
      trace.push(snapshot(st))
    }
    if (st.ended || event.t > limit) break
    applyInput(model, st, { type: 'event', index, event })
    trace.push(snapshot(st))
  }
  applyInput(model, st, { type: 'finish' })
  return st
}

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** How the peer's end differs from the engine's in duration, unexpected or blocked events. */
function endDifference(st: SimState, replay: PeerReplay): string | undefined {
  if (replay.durationMs !== st.endedAt)
    return `the peer ended at ${replay.durationMs} ms, the engine at ${st.endedAt}`
  if (
    !sameList(
      replay.context.unexpected,
      st.unexpected.map((u) => u.index),
    )
  )
    return 'the unexpected events differ'
  if (
    !sameList(
      replay.context.blocked,
      st.blocked.map((b) => b.index),
    )
  )
    return 'the blocked events differ'
  return undefined
}

/** Throws unless the engine and the peer agree after every tick and event of each attempt. */
export function checkSameTraces(model: Model, attempts: readonly Attempt[]): void {
  for (const attempt of attempts) {
    const trace: Snapshot[] = []
    const st = engineTrace(model, attempt, trace)
    let n = 0
    let diff: string | undefined
    const replay = replayOnActor(attempt, (ctx) => {
      const ours = trace[n]
      const why = ours === undefined ? 'the peer ran past the engine' : difference(model, ours, ctx)
      if (diff === undefined && why !== undefined) diff = `after input ${n}: ${why}`
      n++
    })
    if (diff === undefined && n !== trace.length)
      diff = `the peer stopped after ${n} inputs, the engine after ${trace.length}`
    if (diff === undefined && replay.inputs !== countInputs(st))
      diff = `the peer counted ${replay.inputs} inputs, the engine ${countInputs(st)}`
    diff ??= endDifference(st, replay)
    if (diff !== undefined)
      throw new Error(`the XState peer and the engine disagree on ${attempt.id}, ${diff}`)
  }
}

/**
 * Throws unless the peer's replay (quiet ticks skipped) ended where the engine's did: the same
 * states, flags, variables, steps, hazard triggers, unexpected and blocked events and duration.
 */
export function checkSameEnd(model: Model, id: string, st: SimState, replay: PeerReplay): void {
  let diff = difference(model, snapshot(st), replay.context)
  // when each step and hazard happened: a tick skipped that was not quiet moves them
  if (
    diff === undefined &&
    !sameList(
      st.stepT.map((t) => t ?? -1),
      replay.context.steps.map((s) => s.t ?? -1),
    )
  )
    diff = 'the steps were done at different times'
  if (
    diff === undefined &&
    JSON.stringify(st.triggers.map((tr) => [tr.hazard, tr.t])) !==
      JSON.stringify(replay.context.triggers.map((tr) => [tr.hazard, tr.t]))
  )
    diff = 'the hazards triggered at different times'
  diff ??= endDifference(st, replay)
  if (diff !== undefined)
    throw new Error(`the XState peer and the engine end ${id} differently: ${diff}`)
}
