// `replay`: the conveyor scenario's generated attempts replayed by the engine's fold and by the
// same equipment logic as an XState v5 machine (tests/bench/peers/conveyorMachine.ts) driven by
// an actor, in ticks + events per second. Both must reach the same state after every input first.
import { replayAttempt } from '../../src/core/index.ts'
import { generateAttempts } from './generate.ts'
import {
  compareRates,
  makeResult,
  timingFor,
  type BenchOptions,
  type BenchResult,
} from './harness.ts'
import { replayOnActor } from './peers/conveyorMachine.ts'
import { getPackageVersion } from './peers/versions.ts'
import { checkSameTraces, countInputs, loadConveyor } from './peers/sameTraces.ts'

const TEN_MINUTES = 600_000

export async function runReplay(options: BenchOptions): Promise<BenchResult[]> {
  const model = loadConveyor()
  const attempts = generateAttempts(model, options.quick ? 4 : 32, 200, TEN_MINUTES, 7)
  checkSameTraces(model, options.quick ? attempts.slice(0, 2) : attempts.slice(0, 8))
  // the ticks and events each attempt represents: the work of both sides, as both reach the
  // same state (the engine skips ticks in which nothing can change, the actor runs every one)
  const inputs = attempts.map((a) => countInputs(replayAttempt(model, a)))
  const cycle = (replay: (i: number) => void) => {
    let next = 0
    return () => {
      const i = next++ % attempts.length
      replay(i)
      return inputs[i]!
    }
  }
  const rates = compareRates(
    cycle((i) => replayAttempt(model, attempts[i]!)),
    cycle((i) => replayOnActor(attempts[i]!)),
    timingFor(options),
  )
  const total = inputs.reduce((a, b) => a + b, 0)
  return [
    makeResult({
      name: 'replay',
      unit: ' inputs/s',
      ...rates,
      goals: [{ on: 'ratio', op: '>=', value: 20 }],
      note: `${attempts.length} generated conveyor attempts (200 acts over 10 min, ${total} ticks + events until each ended) replayed by replayAttempt vs an ${getPackageVersion('xstate')} actor with ${getPackageVersion('json-logic-js')} conditions sent every event and TICK; same state after every input checked on ${options.quick ? 2 : 8} attempts first`,
    }),
  ]
}
