// Generated attempts for benchmarks: valid random event sequences, reproducible from a seed.
import {
  applyInput,
  cloneState,
  createStart,
  type Attempt,
  type AttemptEvent,
  type Model,
} from '../../src/core/index.ts'

/** A small deterministic generator (mulberry32), so every run benchmarks the same attempts. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every act a learner could make on the scenario (no hints: assessment mode). */
export function learnerActs(model: Model): Omit<AttemptEvent, 't'>[] {
  const acts: Omit<AttemptEvent, 't'>[] = []
  for (const c of model.components) {
    for (const action of c.actions) {
      if (action === 'set') for (const value of c.states) acts.push({ action, target: c.id, value })
      else acts.push({ action, target: c.id })
    }
  }
  return acts
}

/** `events` moments drawn at random over `durationMs`, in order. */
function drawTimes(random: () => number, events: number, durationMs: number): number[] {
  return Array.from({ length: events }, () => Math.floor(random() * durationMs)).sort(
    (a, b) => a - b,
  )
}

/** The n-th generated assessment attempt: its acts, then `end` at `durationMs`. */
function benchAttempt(
  model: Model,
  n: number,
  acts: readonly AttemptEvent[],
  durationMs: number,
): Attempt {
  return {
    format: 'practica.attempt/1',
    id: `bench-${n}`,
    scenario: { id: model.scenario.id, version: model.scenario.version },
    mode: 'assessment',
    faults: [],
    events: [...acts, { t: durationMs, action: 'end' }],
  }
}

/** `count` attempts of `events` acts spread over `durationMs`, each ending with `end`. */
export function generateAttempts(
  model: Model,
  count: number,
  events: number,
  durationMs: number,
  seed = 1,
): Attempt[] {
  const random = createRandom(seed)
  const acts = learnerActs(model)
  return Array.from({ length: count }, (_, n) =>
    benchAttempt(
      model,
      n,
      drawTimes(random, events, durationMs).map((t) => ({
        t,
        ...acts[Math.floor(random() * acts.length)]!,
      })),
      durationMs,
    ),
  )
}

/** Tries to draw an act that leaves the run going; the state after it, or undefined after 50 tries. */
function drawLastingAct(
  model: Model,
  st: ReturnType<typeof createStart>,
  acts: readonly Omit<AttemptEvent, 't'>[],
  random: () => number,
  index: number,
  t: number,
): { event: AttemptEvent; after: ReturnType<typeof createStart> } | undefined {
  for (let tries = 0; tries < 50; tries++) {
    const event = { t, ...acts[Math.floor(random() * acts.length)]! }
    const after = cloneState(st)
    applyInput(model, after, { type: 'event', index, event })
    if (!after.ended) return { event, after }
  }
  return undefined
}

/**
 * Like `generateAttempts`, but every attempt lasts until its `end` at `durationMs`: an act that
 * would end the run (a critical hazard in assessment mode) is drawn again, checked by replaying
 * it on the engine, so the benchmarks replay full-length attempts rather than ones cut short.
 */
export function generateFullAttempts(
  model: Model,
  count: number,
  events: number,
  durationMs: number,
  seed = 1,
): Attempt[] {
  const random = createRandom(seed)
  const acts = learnerActs(model)
  return Array.from({ length: count }, (_, n) => {
    const times = drawTimes(random, events, durationMs)
    let st = createStart(model, 'assessment', [])
    const drawn: AttemptEvent[] = []
    for (const t of times) {
      const next = drawLastingAct(model, st, acts, random, drawn.length, t)
      if (next === undefined) continue
      drawn.push(next.event)
      st = next.after
    }
    return benchAttempt(model, n, drawn, durationMs)
  })
}
