// `replay`: the conveyor scenario's generated full-length attempts replayed by the engine's fold
// and by the same equipment logic as an XState v5 machine (tests/bench/peers/conveyorMachine.ts)
// driven by an actor, in attempts per second. Both skip the ticks after a tick that changed
// nothing, up to the next event. Both must reach the same state after every input first (the
// peer then sends every tick), and every replay that was timed is checked for the same end.
import { replayAttempt, type SimState } from '../../src/core/index.ts'
import { generateFullAttempts } from './generate.ts'
import {
  compareRates,
  makeResult,
  timingFor,
  type BenchOptions,
  type BenchResult,
} from './harness.ts'
import { replayOnActor, type PeerReplay } from './peers/conveyorMachine.ts'
import { getPackageVersion } from './peers/versions.ts'
import { checkSameEnd, checkSameTraces, countInputs, loadConveyor } from './peers/sameTraces.ts'

const TEN_MINUTES = 600_000

export async function runReplay(options: BenchOptions): Promise<BenchResult[]> {
  const model = loadConveyor()
  const attempts = generateFullAttempts(model, options.quick ? 2 : 32, 200, TEN_MINUTES, 7)
  checkSameTraces(model, options.quick ? attempts.slice(0, 1) : attempts)
  // the final states of the timed replays are kept (up to 64 per attempt) and checked after
  const ours: SimState[][] = attempts.map(() => [])
  const peer: PeerReplay[][] = attempts.map(() => [])
  const cycle = <T>(replay: (i: number) => T, kept: T[][]) => {
    let next = 0
    return () => {
      const i = next++ % attempts.length
      const end = replay(i)
      // beyond 64 per attempt the oldest are replaced: every attempt is still checked, and the
      // heap, which both sides share, stays small
      if (kept[i]!.length < 64) kept[i]!.push(end)
      else kept[i]![next % 64] = end
      return 1
    }
  }
  const rates = compareRates(
    cycle((i) => replayAttempt(model, attempts[i]!), ours),
    cycle((i) => replayOnActor(attempts[i]!), peer),
    timingFor(options),
  )
  // each timed replay against the other side's replay of the same attempt, made after timing
  let checked = 0
  attempts.forEach((attempt, i) => {
    const oursRef = replayAttempt(model, attempt)
    const peerRef = ours[i]!.length > 0 ? replayOnActor(attempt) : undefined
    for (const st of ours[i]!) checkSameEnd(model, attempt.id, st, peerRef!)
    for (const end of peer[i]!) checkSameEnd(model, attempt.id, oursRef, end)
    checked += ours[i]!.length + peer[i]!.length
  })
  const endings = ours.flat()
  const inputs = endings.reduce((sum, st) => sum + countInputs(st), 0) / endings.length
  return [
    makeResult({
      name: 'replay',
      unit: ' attempts/s',
      ...rates,
      goals: [{ on: 'ratio', op: '>=', value: 20 }],
      note: `${attempts.length} generated conveyor attempts of 200 acts, each lasting its full 10 min (${inputs.toFixed(0)} ticks + events on average), replayed by replayAttempt vs an ${getPackageVersion('xstate')} actor with ${getPackageVersion('json-logic-js')} conditions; both skip ticks after one that changed nothing; same state after every tick and event checked on ${options.quick ? 1 : attempts.length} attempts first, same end as the other side checked on every timed attempt (${checked} timed replays)`,
    }),
  ]
}
