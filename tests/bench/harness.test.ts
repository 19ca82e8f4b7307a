// The benchmark harness: medians, ratios from alternating samples, goals and the BENCH line.
import { describe, expect, it } from 'vitest'
import {
  compareRates,
  compareTimes,
  formatLine,
  makeResult,
  median,
  sampleRate,
  type Timing,
} from './harness.ts'

/** A clock that moves only when the workload says so, so timings are exact. */
function fakeClock() {
  let t = 0
  return { now: () => t, spend: (ms: number) => (t += ms) }
}

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
  })

  it('does not reorder its input', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })

  it('refuses no values', () => {
    expect(() => median([])).toThrow(/no values/)
  })
})

describe('sampleRate', () => {
  it('repeats the workload until the sample is long enough, and counts the work it did', () => {
    const clock = fakeClock()
    let calls = 0
    const rate = sampleRate(
      () => {
        calls++
        clock.spend(30)
        return 3
      },
      100,
      clock.now,
    )
    expect(calls).toBe(4) // 120 ms ≥ 100 ms
    expect(rate).toBe((12 * 1000) / 120)
  })
})

describe('comparing ours and a peer', () => {
  const timing: Timing = { rounds: 5, warmupRounds: 1, minSampleMs: 10 }

  it('alternates the two, warms both up, and takes the median of the rounds’ ratios', () => {
    const clock = fakeClock()
    const order: string[] = []
    // ours costs 1 ms per unit, the peer 10 ms except in one slow round (a noisy neighbour)
    let peerCalls = 0
    const ours = () => (order.push('ours'), clock.spend(10), 10)
    const peer = () => {
      order.push('peer')
      clock.spend(++peerCalls === 3 ? 1000 : 100)
      return 10
    }
    const r = compareRates(ours, peer, timing, clock.now)
    expect(order).toEqual(Array.from({ length: 6 }, () => ['ours', 'peer']).flat())
    expect(r.ours).toBe(1000)
    expect(r.peer).toBe(100)
    expect(r.ratio).toBe(10) // the slow round (ratio 100) does not move the median
  })

  it('reports times per call and their ratio for timed work', () => {
    const clock = fakeClock()
    const r = compareTimes(
      () => clock.spend(20),
      () => clock.spend(5),
      timing,
      clock.now,
    )
    expect(r.ours).toBe(20)
    expect(r.peer).toBe(5)
    expect(r.ratio).toBe(4)
  })
})

describe('results and their line', () => {
  it('computes ours/peer and checks every goal', () => {
    const r = makeResult({
      name: 'drawcalls',
      unit: 'calls',
      ours: 30,
      peer: 410,
      goals: [
        { on: 'ratio', op: '<=', value: 0.1 },
        { on: 'ours', op: '<=', value: 100 },
      ],
      note: '',
    })
    expect(r.ratio).toBeCloseTo(30 / 410)
    expect(r.pass).toBe(true)
    expect(formatLine(r)).toBe(
      'BENCH drawcalls ours=30calls peer=410calls ratio=0.0732 goal=<=0.1,ours<=100 PASS',
    )
  })

  it('misses when one goal is not met', () => {
    const r = makeResult({
      name: 'replay',
      unit: 'inputs/s',
      ours: 1_234_567.8,
      peer: 100_000,
      goals: [{ on: 'ratio', op: '>=', value: 20 }],
      note: '',
    })
    expect(r.pass).toBe(false)
    expect(formatLine(r)).toBe(
      'BENCH replay ours=1234568inputs/s peer=100000inputs/s ratio=12.3 goal=>=20 MISS',
    )
  })

  it('prints a figure without a peer with dashes and the bare bound', () => {
    const r = makeResult({
      name: 'rerender',
      unit: 'components',
      ours: 2,
      goals: [{ on: 'ours', op: '<=', value: 2 }],
      note: '',
    })
    expect(formatLine(r)).toBe('BENCH rerender ours=2components peer=- ratio=- goal=<=2 PASS')
  })

  it('never passes a goal on a ratio it could not compute', () => {
    const r = makeResult({
      name: 'x',
      unit: 'ms',
      ours: 1,
      goals: [{ on: 'ratio', op: '<=', value: 1 }],
      note: '',
    })
    expect(r.pass).toBe(false)
  })
})
