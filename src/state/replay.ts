// Watching an attempt again: the engine's state at any moment of its log, computed by the same
// fold that scored it, and a store shaped like a live attempt so the learner's scene can show it.
import { createStore } from 'zustand/vanilla'
import {
  applyInput,
  createStart,
  replayAttempt,
  type Attempt,
  type Model,
  type SimState,
} from '../core/index.ts'
import type { AttemptState, AttemptStore } from './attemptStore.ts'

/** The state after every event with t ≤ ms and every tick up to ms; the final state at the end. Pure. */
export function stateAt(model: Model, attempt: Attempt, ms: number, durationMs: number): SimState {
  if (ms >= durationMs) return replayAttempt(model, attempt)
  const st = createStart(model, attempt.mode, attempt.faults ?? [])
  attempt.events.forEach((event, index) => {
    if (event.t <= ms && !st.ended) applyInput(model, st, { type: 'event', index, event })
  })
  applyInput(model, st, { type: 'advance', t: ms })
  return st
}

/** A store for the scene that shows a replay: its state is set from outside, acts do nothing. */
export function createReplayStore(model: Model, attempt: Attempt): AttemptStore {
  return createStore<AttemptState>()(() => ({
    setup: {
      model,
      mode: attempt.mode,
      learner: { id: attempt.learner?.id ?? '', name: attempt.learner?.name ?? '' },
      faults: attempt.faults ?? [],
      attemptId: attempt.id,
      startedAt: attempt.startedAt ?? '',
    },
    sim: createStart(model, attempt.mode, attempt.faults ?? []),
    events: attempt.events,
    feedback: [],
    result: undefined,
    readOnly: true,
    storageError: null,
    act: () => undefined,
    advance: () => undefined,
    finish: () => undefined,
  }))
}
