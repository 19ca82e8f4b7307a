// Random attempts for the property tests: acts the live simulator could produce on a scenario,
// at random gaps, with any of its faults, ended or not.
import fc from 'fast-check'
import type { Attempt, AttemptEvent, Model } from '../../src/core/index.ts'
import { learnerActs } from '../bench/generate.ts'

/** Every event the live simulator could produce on this scenario, without its time. */
export function possibleActs(model: Model, mode: Attempt['mode']): Omit<AttemptEvent, 't'>[] {
  const acts = learnerActs(model)
  if (mode === 'practice') for (const s of model.steps) acts.push({ action: 'hint', target: s.id })
  return acts
}

export interface AttemptSize {
  /** The longest gap between two acts. */
  readonly maxGapMs: number
  /** The most acts, before the optional end. */
  readonly maxActs: number
  /** Whether a gap of 0 (two acts at one time) is as likely as any other gap. */
  readonly sameTimeOften?: boolean
}

/** Random valid attempts of `model`, in either mode: acts at growing times, then maybe `end`. */
export function attemptArb(
  model: Model,
  { maxGapMs, maxActs, sameTimeOften = false }: AttemptSize,
): fc.Arbitrary<Attempt> {
  const gap = fc.integer({ min: 0, max: maxGapMs })
  return fc.constantFrom<Attempt['mode']>('practice', 'assessment').chain((mode) =>
    fc
      .record({
        faults: fc.subarray(model.faults.map((f) => f.id)),
        acts: fc.array(
          fc.tuple(
            sameTimeOften ? fc.oneof(fc.constant(0), gap) : gap,
            fc.constantFrom(...possibleActs(model, mode)),
          ),
          { maxLength: maxActs },
        ),
        end: fc.boolean(),
      })
      .map(({ faults, acts, end }): Attempt => {
        let t = 0
        const events: AttemptEvent[] = acts.map(([dt, act]) => ({ t: (t += dt), ...act }))
        if (end) events.push({ t: t + 500, action: 'end' })
        return {
          format: 'practica.attempt/1',
          id: 'prop',
          scenario: { id: model.scenario.id },
          mode,
          faults,
          events,
        }
      }),
  )
}
