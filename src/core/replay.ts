// Replaying an attempt to a moment: the one home of "the state at ms", used by scoring (the end of
// the log), the review screens (scrubbing, playback) and the stores. Every answer is the state
// the fold reaches on the inputs [events with t ≤ ms, advance to ms], and at or past the
// attempt's end the state that scores. A replayer keeps deep copies of the state along the way
// (the simulation changes its state in place), so a seek replays from the nearest copy, not t = 0.
import type { Model } from './model.ts'
import type { Attempt } from './recordSchemas.ts'
import { applyInput, cloneState, createStart, type SimState } from './simulation.ts'

/** Seeks into one attempt without replaying from t = 0 on every call. */
export interface Replayer {
  /** When the attempt ended: at or past it, `at` gives the state that scores. */
  readonly durationMs: number
  /**
   * The state at `ms`, equal to `replayTo(model, attempt, ms)`. The returned state may be shared
   * with later calls (the final state always is): the caller must not mutate it.
   */
  at(ms: number): SimState
}

/** Runs a checked attempt to its end and returns the final state, the one that scores. Pure. */
export function replayAttempt(model: Model, attempt: Attempt): SimState {
  return replayTo(model, attempt, Infinity)
}

/**
 * A fresh state with every event at t ≤ ms applied and time advanced to ms; at or past the
 * attempt's end, exactly the state `replayAttempt` gives. Pure.
 */
export function replayTo(model: Model, attempt: Attempt, ms: number): SimState {
  const st = createStart(model, attempt.mode, attempt.faults ?? [])
  const next = applyEventsTo(model, attempt, st, 0, ms)
  // every event applied and the run still open: the attempt ends at its last event, and no
  // ticks run after it (spec section 3, "End")
  if (next === attempt.events.length) applyInput(model, st, { type: 'finish' })
  else applyInput(model, st, { type: 'advance', t: ms })
  return st
}

// Applies the events from index `next` on with t ≤ ms, in place; returns the index after them.
function applyEventsTo(
  model: Model,
  attempt: Attempt,
  st: SimState,
  next: number,
  ms: number,
): number {
  const events = attempt.events
  let i = next
  while (i < events.length && !st.ended && events[i]!.t <= ms) {
    applyInput(model, st, { type: 'event', index: i, event: events[i]! })
    i++
  }
  return i
}

/** A state the fold reached on [events before `next`, advance to `ms`]; valid for seeks ≥ ms. */
interface Mark {
  ms: number
  next: number
  readonly state: SimState
}

// Spacing of the checkpoints: a seek replays at most this many events and this much sim time,
// widened for very long attempts so that the copies stay a few hundred at most.
const CHECKPOINT_EVENTS = 64
const CHECKPOINT_MS = 2000
const MAX_CHECKPOINTS = 256

/** A replayer over one attempt, with checkpoints for seeking in any order; reads no clock. */
export function createReplayer(model: Model, attempt: Attempt): Replayer {
  const { marks, final } = walk(model, attempt)
  const durationMs = final.endedAt ?? final.now
  // the working state, advanced in place by forward seeks; never returned, only copies of it
  let cursor: Mark | null = null
  let last: { ms: number; state: SimState } | null = null
  return {
    durationMs,
    at(ms: number): SimState {
      if (ms >= durationMs) return final
      if (last !== null && last.ms === ms) return last.state
      const mark = findMark(marks, ms)
      // the cursor when it is between the nearest checkpoint and ms (playback), else a fresh copy
      if (cursor === null || cursor.ms > ms || cursor.ms < mark.ms)
        cursor = { ms: mark.ms, next: mark.next, state: cloneState(mark.state) }
      cursor.next = applyEventsTo(model, attempt, cursor.state, cursor.next, ms)
      applyInput(model, cursor.state, { type: 'advance', t: ms })
      cursor.ms = ms
      last = { ms, state: cloneState(cursor.state) }
      return last.state
    },
  }
}

// The last checkpoint at or before ms (the first is at 0, so there always is one for ms ≥ 0).
function findMark(marks: readonly Mark[], ms: number): Mark {
  let lo = 0
  let hi = marks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (marks[mid]!.ms <= ms) lo = mid
    else hi = mid - 1
  }
  return marks[lo]!
}

// Replays the whole attempt once, copying the state every few events and every few seconds of
// sim time. Advancing to a checkpoint's time before the next event changes nothing: ticks run
// the same whether time gets there in one advance or two.
function walk(model: Model, attempt: Attempt): { marks: Mark[]; final: SimState } {
  const events = attempt.events
  const lastT = events.length === 0 ? 0 : events[events.length - 1]!.t
  const everyEvents = Math.max(CHECKPOINT_EVENTS, Math.ceil(events.length / MAX_CHECKPOINTS))
  const everyMs = Math.max(CHECKPOINT_MS, Math.ceil(lastT / MAX_CHECKPOINTS))
  const st = createStart(model, attempt.mode, attempt.faults ?? [])
  const marks: Mark[] = []
  let clock = 0
  let lastNext = 0
  const mark = (next: number): void => {
    marks.push({ ms: clock, next, state: cloneState(st) })
    lastNext = next
  }
  mark(0)
  for (let i = 0; i < events.length && !st.ended; i++) {
    const t = events[i]!.t
    while (!st.ended && t - marks[marks.length - 1]!.ms > everyMs) {
      clock = marks[marks.length - 1]!.ms + everyMs
      applyInput(model, st, { type: 'advance', t: clock })
      if (!st.ended) mark(i)
    }
    if (st.ended) break
    if (i - lastNext >= everyEvents) mark(i)
    applyInput(model, st, { type: 'event', index: i, event: events[i]! })
    clock = t
  }
  applyInput(model, st, { type: 'finish' })
  return { marks, final: st }
}
