// `conditions`: every expression of the conveyor scenario — the rate, the rule, the effect's if,
// the state step, the hazards and the derived components' values — evaluated by the closures the
// engine compiles them to, against json-logic-js applying the same expressions written as JSON
// logic (tests/bench/peers/conveyorLogic.ts) to the same states. Both must agree first.
import jsonLogic from 'json-logic-js'
import {
  applyInput,
  cloneState,
  createStart,
  type Model,
  type SimState,
} from '../../src/core/index.ts'
import { generateAttempts } from './generate.ts'
import {
  compareRates,
  makeResult,
  timingFor,
  type BenchOptions,
  type BenchResult,
} from './harness.ts'
import { CONVEYOR_LOGIC, type ConveyorLogicName } from './peers/conveyorLogic.ts'
import { loadConveyor } from './peers/sameTraces.ts'
import { getPackageVersion } from './peers/versions.ts'

type Compiled = (frame: SimState) => unknown

/** The engine's compiled closure of each expression the peer has in JSON logic. */
function compiledConditions(model: Model): Record<ConveyorLogicName, Compiled> {
  const component = (id: string) => model.components[model.componentIndex.get(id)!]!
  const step = (id: string) => model.steps[model.stepIndex.get(id)!]!
  const hazard = (id: string) => model.hazards.find((h) => h.id === id)!
  const defined = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`the conveyor scenario has no ${what}`)
    return x
  }
  return {
    pressureRate: defined(model.variables.find((v) => v.id === 'pressure')?.rate, 'pressure rate'),
    isolatorOff: defined(model.rules[0]?.when, 'rule'),
    isolatorOn: defined(component('start_btn').effects.get('press')?.[0]?.when, 'START effect'),
    zeroPressure: defined(step('zero-pressure').state, 'zero-pressure state'),
    guardLive: defined(hazard('guard-live').when, 'guard-live'),
    storedAir: defined(hazard('stored-air').when, 'stored-air'),
    noGlasses: defined(hazard('no-glasses').when, 'no-glasses'),
    airGauge: defined(component('air_gauge').value, 'air_gauge value'),
    voltmeter: defined(component('voltmeter').value, 'voltmeter value'),
    runLamp: defined(component('run_lamp').value, 'run_lamp lit'),
    conveyorRunning: defined(component('conveyor').value, 'conveyor running'),
  }
}

/** Distinct states met while replaying generated attempts: after the start and every event. */
function sampleStates(model: Model, count: number): SimState[] {
  const states: SimState[] = []
  const seen = new Set<string>()
  for (const attempt of generateAttempts(model, 200, 200, 600_000, 11)) {
    const st = createStart(model, attempt.mode, [])
    for (const [index, event] of attempt.events.entries()) {
      if (st.ended || states.length >= count) break
      applyInput(model, st, { type: 'event', index, event })
      const key = JSON.stringify([st.comps, st.vars, st.locked, st.tagged])
      if (!seen.has(key)) states.push(cloneState(st))
      seen.add(key)
    }
  }
  return states
}

/** The same state as the data JSON logic reads: component states and variables by id. */
function toData(model: Model, st: SimState): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  model.components.forEach((c, i) => {
    if (c.states.length > 0) data[c.id] = st.comps[i]
  })
  model.variables.forEach((v, i) => (data[v.id] = st.vars[i]))
  return data
}

function same(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
    : a === b
}

export async function runConditions(options: BenchOptions): Promise<BenchResult[]> {
  const model = loadConveyor()
  const compiled = compiledConditions(model)
  const names = Object.keys(CONVEYOR_LOGIC) as ConveyorLogicName[]
  const ours = names.map((n) => compiled[n])
  const rules = names.map((n) => CONVEYOR_LOGIC[n])
  const states = sampleStates(model, 64)
  const data = states.map((st) => toData(model, st))
  for (const [s, st] of states.entries())
    for (const [i, name] of names.entries()) {
      const o = ours[i]!(st)
      const p = jsonLogic.apply(rules[i]!, data[s])
      if (!same(o, p))
        throw new Error(`${name} is ${String(o)} in the engine, ${String(p)} in json-logic-js`)
    }

  const evaluations = states.length * names.length
  // both sides count their true and non-zero results, so neither evaluation can be skipped
  let oursTruthy = 0
  let peerTruthy = 0
  const rates = compareRates(
    () => {
      for (const st of states) for (const f of ours) if (f(st)) oursTruthy++
      return evaluations
    },
    () => {
      for (const d of data) for (const r of rules) if (jsonLogic.apply(r, d)) peerTruthy++
      return evaluations
    },
    timingFor(options),
  )
  if (oursTruthy === 0 || peerTruthy === 0) throw new Error('no condition held in any state')
  return [
    makeResult({
      name: 'conditions',
      unit: ' evals/s',
      ...rates,
      goals: [{ on: 'ratio', op: '>=', value: 10 }],
      note: `the conveyor's ${names.length} expressions (rate, rule, effect if, state step, 3 hazards, 4 derived values) on ${states.length} replayed states: compiled closures vs ${getPackageVersion('json-logic-js')} apply on the same expressions as JSON logic; equal results checked first`,
    }),
  ]
}
