// Replay to a moment: a replayer seeking backwards and forwards through its checkpoints always
// gives the state a replay from t = 0 gives, and never changes a state it handed out (the
// simulation works in place, so a shared checkpoint would show up here).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createReplayer,
  replayAttempt,
  replayTo,
  type Attempt,
  type Model,
  type SimState,
} from '../../src/core/index.ts'
import { generateAttempts } from '../bench/generate.ts'
import { attemptArb } from './arbitraries.ts'
import { bundledScenarioFiles, loadScenarioFile } from '../helpers.ts'

// Gaps up to 9 s cross the replayer's time checkpoints; up to 150 events cross its event ones.
const attempts = (model: Model) =>
  attemptArb(model, { maxGapMs: 9000, maxActs: 150, sameTimeOften: true })

/** A seek: a fraction of the attempt's length (past its end too), or an event's exact time. */
const seekArb = fc.oneof(
  fc.double({ min: -0.05, max: 1.1, noNaN: true }).map((f) => ({ fraction: f })),
  fc.nat().map((n) => ({ event: n })),
)
type Seek = { fraction: number } | { event: number }

function seekMs(seek: Seek, attempt: Attempt, durationMs: number): number {
  if ('fraction' in seek) return Math.round(seek.fraction * durationMs)
  const events = attempt.events
  return events.length === 0 ? 0 : events[seek.event % events.length]!.t
}

function checkSeeks(model: Model, attempt: Attempt, seeks: readonly Seek[]): void {
  const replayer = createReplayer(model, attempt)
  const handedOut: [number, SimState, SimState][] = []
  for (const seek of seeks) {
    const ms = seekMs(seek, attempt, replayer.durationMs)
    const expected = replayTo(model, attempt, ms)
    const actual = replayer.at(ms)
    expect(actual, `at(${ms}) of ${replayer.durationMs} ms`).toEqual(expected)
    handedOut.push([ms, actual, expected])
  }
  for (const [ms, actual, expected] of handedOut)
    expect(actual, `state handed out for ${ms} ms, after later seeks`).toEqual(expected)
}

describe.each(bundledScenarioFiles())('replay to a moment on %s', (file) => {
  const model = loadScenarioFile(file)

  it('gives the state of a replay from t = 0 after any seeks, backwards and forwards', () => {
    fc.assert(
      fc.property(attempts(model), fc.array(seekArb, { minLength: 1, maxLength: 30 }), (a, s) =>
        checkSeeks(model, a, s),
      ),
      { numRuns: 40 },
    )
  })

  it('agrees on long generated attempts (200 acts over ten minutes)', () => {
    const attempts = generateAttempts(model, 3, 200, 600_000, 7)
    fc.assert(
      fc.property(
        fc.constantFrom(...attempts),
        fc.array(seekArb, { minLength: 1, maxLength: 20 }),
        (a, s) => checkSeeks(model, a, s),
      ),
      { numRuns: 10 },
    )
  })

  it('at and past the end gives exactly the state that scores', () => {
    fc.assert(
      fc.property(attempts(model), fc.nat({ max: 10_000 }), (attempt, past) => {
        const replayer = createReplayer(model, attempt)
        const final = replayAttempt(model, attempt)
        expect(replayer.durationMs).toBe(final.endedAt)
        expect(replayer.at(replayer.durationMs + past)).toEqual(final)
        expect(replayTo(model, attempt, replayer.durationMs + past)).toEqual(final)
      }),
      { numRuns: 40 },
    )
  })
})

describe('replay to a moment before the end', () => {
  const model = loadScenarioFile(bundledScenarioFiles()[0]!)
  const [attempt] = generateAttempts(model, 1, 40, 60_000, 3)

  it('leaves the run open and time at the moment, not at the end', () => {
    const replayer = createReplayer(model, attempt!)
    const ms = Math.floor(replayer.durationMs / 2)
    const st = replayer.at(ms)
    expect(st.ended).toBe(false)
    expect(st.now).toBeLessThanOrEqual(ms)
    expect(st.log.every((o) => o.t <= ms)).toBe(true)
    expect(st.log.length).toBe(attempt!.events.filter((e) => e.t <= ms).length)
  })
})
