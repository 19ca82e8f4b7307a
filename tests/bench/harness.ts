// The benchmark harness: ours and a peer measured alternately in the same process, after a
// warm-up, each sample long enough to be stable; the figure is the median of the per-pair ratios,
// so a noisy shared machine slows both sides of a pair alike. Goals are checked only here.

/** A bound on a figure: `ratio` is ours/peer, `ours` our own value. */
export interface Goal {
  readonly on: 'ratio' | 'ours'
  readonly op: '>=' | '<='
  readonly value: number
}

export interface BenchResult {
  readonly name: string
  /** The unit of ours and peer, printed right after the number ("ms", "ops/s", "B"). */
  readonly unit: string
  readonly ours: number
  /** Absent where the benchmark has no peer. */
  readonly peer?: number
  /** ours/peer: the median of the pairs' ratios for timed figures, exact for counted ones. */
  readonly ratio?: number
  readonly goals: readonly Goal[]
  readonly pass: boolean
  /** One line on what was measured, printed under the BENCH line. */
  readonly note: string
}

/** How each benchmark is run: `quick` is the tiny once-over `npm test` uses so the harness never rots. */
export interface BenchOptions {
  readonly quick: boolean
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('the median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function meetsGoal(
  goal: Goal,
  figures: { ours: number; ratio: number | undefined },
): boolean {
  const value = goal.on === 'ratio' ? figures.ratio : figures.ours
  if (value === undefined || !Number.isFinite(value)) return false
  return goal.op === '>=' ? value >= goal.value : value <= goal.value
}

/** A result from its figures: the ratio is computed unless given, the goals checked. */
export function makeResult(r: {
  name: string
  unit: string
  ours: number
  peer?: number
  ratio?: number
  goals: readonly Goal[]
  note: string
}): BenchResult {
  const ratio = r.ratio ?? (r.peer === undefined ? undefined : r.ours / r.peer)
  const pass = r.goals.every((g) => meetsGoal(g, { ours: r.ours, ratio }))
  return ratio === undefined ? { ...r, pass } : { ...r, ratio, pass }
}

/** A number as the lines print it: integers as they are, others with three significant digits. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n)
  if (Math.abs(n) >= 100) return n.toFixed(0)
  return Number(n.toPrecision(3)).toString()
}

function formatGoal(goal: Goal): string {
  return goal.on === 'ratio' ? `${goal.op}${goal.value}` : `ours${goal.op}${goal.value}`
}

/** `BENCH <name> ours=<v><unit> peer=<v><unit> ratio=<ours/peer> goal=<op><n> PASS|MISS` */
export function formatLine(r: BenchResult): string {
  const peer = r.peer === undefined ? '-' : `${formatNumber(r.peer)}${r.unit}`
  const ratio = r.ratio === undefined ? '-' : formatNumber(r.ratio)
  // a goal on our own value where there is no peer reads as the bare bound (`goal=<=2`)
  const goals = r.goals
    .map((g) => (r.peer === undefined && g.on === 'ours' ? `${g.op}${g.value}` : formatGoal(g)))
    .join(',')
  return (
    `BENCH ${r.name} ours=${formatNumber(r.ours)}${r.unit} peer=${peer} ratio=${ratio} ` +
    `goal=${goals} ${r.pass ? 'PASS' : 'MISS'}`
  )
}

/** One side of a timed comparison: does one unit of work and says how much it did (≥ 1). */
export type Workload = () => number

export interface Timing {
  /** Rounds after warm-up; each round is one sample of ours and one of the peer. */
  readonly rounds: number
  readonly warmupRounds: number
  /** A sample repeats its workload until at least this long has passed. */
  readonly minSampleMs: number
}

export const FULL_TIMING: Timing = { rounds: 9, warmupRounds: 2, minSampleMs: 100 }
export const QUICK_TIMING: Timing = { rounds: 1, warmupRounds: 0, minSampleMs: 0 }

export function timingFor(options: BenchOptions): Timing {
  return options.quick ? QUICK_TIMING : FULL_TIMING
}

/** Work done per second over one sample of at least `minSampleMs` (at least one call). */
export function sampleRate(
  work: Workload,
  minSampleMs: number,
  now = () => performance.now(),
): number {
  const start = now()
  let done = 0
  let elapsed: number
  do {
    done += work()
    elapsed = now() - start
  } while (elapsed < minSampleMs)
  return (done * 1000) / Math.max(elapsed, 1e-3)
}

/**
 * Rates (work per second) of ours and the peer, sampled alternately (ours, peer, ours, peer…);
 * the ratio is the median of each round's ours/peer.
 */
export function compareRates(
  ours: Workload,
  peer: Workload,
  timing: Timing,
  now = () => performance.now(),
): { ours: number; peer: number; ratio: number } {
  for (let i = 0; i < timing.warmupRounds; i++) {
    sampleRate(ours, timing.minSampleMs, now)
    sampleRate(peer, timing.minSampleMs, now)
  }
  const oursRates: number[] = []
  const peerRates: number[] = []
  const ratios: number[] = []
  for (let i = 0; i < timing.rounds; i++) {
    const o = sampleRate(ours, timing.minSampleMs, now)
    const p = sampleRate(peer, timing.minSampleMs, now)
    oursRates.push(o)
    peerRates.push(p)
    ratios.push(o / p)
  }
  return { ours: median(oursRates), peer: median(peerRates), ratio: median(ratios) }
}

/**
 * Milliseconds per call of ours and the peer, sampled alternately; the ratio is the median of
 * each round's ours/peer time.
 */
export function compareTimes(
  ours: () => void,
  peer: () => void,
  timing: Timing,
  now = () => performance.now(),
): { ours: number; peer: number; ratio: number } {
  const once = (run: () => void) => () => {
    run()
    return 1
  }
  const rates = compareRates(once(ours), once(peer), timing, now)
  // times are the inverse of rates, so the median pair ratio inverts too
  return { ours: 1000 / rates.ours, peer: 1000 / rates.peer, ratio: 1 / rates.ratio }
}
