// Property tests over the bundled scenarios: random valid event sequences always score, within
// bounds, deterministically, with every completion at an event or tick time.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStart, scoreAttempt, step, type Model } from '../../src/core/index.ts'
import { attemptArb } from './arbitraries.ts'
import { bundledScenarioFiles, loadScenarioFile } from '../helpers.ts'

const attempts = (model: Model) => attemptArb(model, { maxGapMs: 4000, maxActs: 40 })

describe.each(bundledScenarioFiles())('properties of %s', (file) => {
  const model = loadScenarioFile(file)

  it('scores every valid event sequence, with 0 ≤ raw ≤ max, the same way twice', () => {
    const reloaded = loadScenarioFile(file)
    fc.assert(
      fc.property(attempts(model), (attempt) => {
        const first = scoreAttempt(model, attempt)
        expect(first.ok).toBe(true)
        if (!first.ok) return
        const { raw, max } = first.value.score
        expect(raw).toBeGreaterThanOrEqual(0)
        expect(raw).toBeLessThanOrEqual(max)
        expect(scoreAttempt(reloaded, attempt)).toEqual(first)
      }),
      { numRuns: 150 },
    )
  })

  it('completes steps only at the start, at a tick or at an event', () => {
    fc.assert(
      fc.property(attempts(model), (attempt) => {
        const scored = scoreAttempt(model, attempt)
        if (!scored.ok) throw new Error(scored.problems[0]!.message)
        const eventTimes = new Set(attempt.events.map((e) => e.t))
        for (const s of scored.value.steps) {
          if (s.t === null) continue
          expect(
            s.t === 0 || s.t % model.tickMs === 0 || eventTimes.has(s.t),
            `${s.id} at ${s.t}`,
          ).toBe(true)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('reaches the same state live, a tick at a time, as scoring does from the log', () => {
    fc.assert(
      fc.property(attempts(model), (attempt) => {
        let live = createStart(model, attempt.mode, attempt.faults ?? [])
        attempt.events.forEach((event, index) => {
          for (let t = live.now + 250; t < event.t; t += 250)
            live = step(model, live, { type: 'advance', t })
          live = step(model, live, { type: 'event', index, event })
        })
        const scored = scoreAttempt(model, attempt)
        if (!scored.ok) throw new Error(scored.problems[0]!.message)
        const done = scored.value.steps.map((s) => s.complete)
        expect(live.stepDone).toEqual(done)
        expect(live.triggers.map((tr) => model.hazards[tr.hazard]!.id)).toEqual(
          scored.value.hazards.map((h) => h.id),
        )
      }),
      { numRuns: 100 },
    )
  })
})
