// `score-attempts`: scoring throughput of the engine on generated ten-minute attempts (the goal
// of the engine's first issue), with the cost and allocation of one evaluated tick in the note.
import { applyInput, createStart, scoreAttempt, type Model } from '../../src/core/index.ts'
import { generateAttempts } from './generate.ts'
import {
  makeResult,
  median,
  sampleRate,
  timingFor,
  type BenchOptions,
  type BenchResult,
} from './harness.ts'

const TEN_MINUTES = 600_000

/** Nanoseconds and bytes per evaluated tick: the air dump open, so no tick is skipped. */
function measureTick(model: Model, rounds: number): { ns: number; bytes?: number } {
  const TICKS = 3000
  // one input object moved along, so allocation figures are the engine's own
  const input = { type: 'advance' as const, t: 0 }
  const tickRun = (ticks: number) => {
    const st = createStart(model, 'assessment', [])
    applyInput(model, st, {
      type: 'event',
      index: 0,
      event: { t: 0, action: 'set', target: 'air_dump', value: 'open' },
    })
    for (let k = 1; k <= ticks; k++) {
      input.t = k * model.tickMs
      applyInput(model, st, input)
    }
  }
  for (let i = 0; i < rounds; i++) tickRun(TICKS)
  const start = performance.now()
  for (let i = 0; i < rounds; i++) tickRun(TICKS)
  const ns = ((performance.now() - start) * 1e6) / (rounds * TICKS)
  // allocation, where the runtime lets us see it (node --expose-gc): runs with and without
  // ticks, so the start's own allocation cancels out
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) return { ns }
  const heapGrowth = (ticks: number) => {
    gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 30; i++) tickRun(ticks)
    return (process.memoryUsage().heapUsed - before) / 30
  }
  return { ns, bytes: Math.max(0, (heapGrowth(TICKS) - heapGrowth(0)) / TICKS) }
}

export async function runScoring(model: Model, options: BenchOptions): Promise<BenchResult[]> {
  const count = options.quick ? 20 : 1000
  const attempts = generateAttempts(model, count, 200, TEN_MINUTES)
  const scoreAll = () => {
    for (const a of attempts)
      if (!scoreAttempt(model, a).ok) throw new Error(`attempt ${a.id} was refused`)
    return attempts.length
  }
  const timing = timingFor(options)
  for (let i = 0; i < timing.warmupRounds; i++) sampleRate(scoreAll, timing.minSampleMs)
  const rates = Array.from({ length: timing.rounds }, () =>
    sampleRate(scoreAll, timing.minSampleMs),
  )
  const tick = measureTick(model, options.quick ? 5 : 200)
  const alloc = tick.bytes === undefined ? '' : `, ${tick.bytes.toFixed(1)} B allocated`
  return [
    makeResult({
      name: 'score-attempts',
      unit: 'attempts/s',
      ours: median(rates),
      goals: [{ on: 'ours', op: '>=', value: 1000 }],
      note: `${count} attempts × 200 events over 10 min scored from the log, median of ${rates.length} samples; one evaluated tick: ${tick.ns.toFixed(0)} ns${alloc}`,
    }),
  ]
}
