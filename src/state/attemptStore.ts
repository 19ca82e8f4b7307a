// The live attempt: a vanilla zustand store that advances the engine's fold with the learner's
// acts and the clock, records every event, and keeps the feedback the screens show.
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  ATTEMPT_FORMAT,
  createStart,
  getResult,
  step,
  type Attempt,
  type AttemptEvent,
  type Mode,
  type Model,
  type Result,
  type SimState,
} from '../core/index.ts'

export interface Learner {
  readonly id: string
  readonly name: string
}

export interface AttemptSetup {
  readonly model: Model
  readonly mode: Mode
  readonly learner: Learner
  readonly faults: readonly string[]
  readonly attemptId: string
  /** ISO time of the start, from the wall clock (recorded, never used for scoring). */
  readonly startedAt: string
}

/** Something the learner should be told about an act or a tick. */
export type Feedback =
  | { readonly kind: 'unexpected' | 'blocked'; readonly id: number; readonly target: string }
  | { readonly kind: 'out-of-order'; readonly id: number; readonly step: number }
  | { readonly kind: 'hazard'; readonly id: number; readonly hazard: number }
  | { readonly kind: 'hint'; readonly id: number; readonly step: number }

export interface AttemptState {
  readonly setup: AttemptSetup
  readonly sim: SimState
  readonly events: readonly AttemptEvent[]
  readonly feedback: readonly Feedback[]
  /** Set once the run has ended. */
  readonly result: Result | undefined
  /** Performs a learner act now. */
  act(action: string, target?: string, value?: string): void
  /** Lets the simulation catch up with the clock. */
  advance(): void
  /** Ends the attempt now (the learner's "finish"). */
  finish(): void
}

export type AttemptStore = StoreApi<AttemptState>

/** The attempt file of the events so far (spec section 5). Pure. */
export function toAttempt(setup: AttemptSetup, events: readonly AttemptEvent[]): Attempt {
  const { model } = setup
  return {
    format: ATTEMPT_FORMAT,
    id: setup.attemptId,
    scenario: {
      id: model.scenario.id,
      version: model.scenario.version,
      ...(model.sha256 ? { sha256: model.sha256 } : {}),
    },
    learner: { ...setup.learner },
    mode: setup.mode,
    startedAt: setup.startedAt,
    faults: [...setup.faults],
    events: [...events],
  }
}

/** Feedback for what one input changed, comparing the state before and after it. Pure. */
function feedbackOf(
  before: SimState,
  after: SimState,
  event: AttemptEvent | undefined,
  nextId: () => number,
): Feedback[] {
  const out: Feedback[] = []
  const entry = after.log.length > before.log.length ? after.log[after.log.length - 1] : undefined
  if (entry && event && (entry.class === 'unexpected' || entry.class === 'blocked')) {
    out.push({ kind: entry.class, id: nextId(), target: event.target ?? '' })
  }
  for (const s of entry?.steps ?? [])
    if (after.stepOutOfOrder[s]) out.push({ kind: 'out-of-order', id: nextId(), step: s })
  for (let i = before.triggers.length; i < after.triggers.length; i++) {
    out.push({ kind: 'hazard', id: nextId(), hazard: after.triggers[i]!.hazard })
  }
  return out
}

/** Creates the store of one live attempt; `clock` gives milliseconds since the attempt started. */
export function createAttemptStore(setup: AttemptSetup, clock: () => number): AttemptStore {
  const { model } = setup
  let feedbackId = 0
  const nextId = () => ++feedbackId
  const MAX_FEEDBACK = 5

  return createStore<AttemptState>()((set, get) => {
    const apply = (
      input: Parameters<typeof step>[2],
      event?: AttemptEvent,
      extra: Feedback[] = [],
    ) => {
      const { sim, events, feedback, setup: s } = get()
      if (sim.ended) return
      const next = step(model, sim, input)
      const nextEvents = event ? [...events, event] : events
      const news = [...feedbackOf(sim, next, event, nextId), ...extra]
      set({
        sim: next,
        events: nextEvents,
        feedback: news.length > 0 ? [...feedback, ...news].slice(-MAX_FEEDBACK) : feedback,
        result: next.ended ? getResult(model, next, toAttempt(s, nextEvents)) : undefined,
      })
    }
    const now = (): number => {
      const { events, sim } = get()
      const last = events.length > 0 ? events[events.length - 1]!.t : 0
      return Math.max(last, sim.now, Math.round(clock()))
    }
    return {
      setup,
      sim: createStart(model, setup.mode, setup.faults),
      events: [],
      feedback: [],
      result: undefined,
      act(action, target, value) {
        const event: AttemptEvent = {
          t: now(),
          action,
          ...(target === undefined ? {} : { target }),
          ...(value === undefined ? {} : { value }),
        }
        const extra: Feedback[] =
          action === 'hint'
            ? [{ kind: 'hint', id: nextId(), step: model.stepIndex.get(target!)! }]
            : []
        apply({ type: 'event', index: get().events.length, event }, event, extra)
      },
      advance() {
        apply({ type: 'advance', t: Math.round(clock()) })
      },
      finish() {
        const event: AttemptEvent = { t: now(), action: 'end' }
        apply({ type: 'event', index: get().events.length, event }, event)
      },
    }
  })
}
