// The live attempt: a vanilla zustand store that advances the engine's fold with the learner's
// acts and the clock, records every event, and keeps the feedback the screens show.
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  applyInput,
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
import { isQuotaError, type Journal } from './attemptJournal.ts'
import { runtimeMessage } from './runtimeError.ts'
import type { SceneState } from './sceneSource.ts'

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

export interface AttemptState extends SceneState {
  readonly setup: AttemptSetup
  readonly events: readonly AttemptEvent[]
  readonly feedback: readonly Feedback[]
  /** Set once the run has ended. */
  readonly result: Result | undefined
  /** Another tab holds this attempt: this one only shows it. */
  readonly readOnly: boolean
  /** Writing to the browser's storage failed; the attempt goes on in memory and can be downloaded. */
  readonly storageError: 'quota' | 'failed' | null
  /**
   * The scenario made a mistake while running (the engine's message): the attempt stops where it
   * was, with every event so far (the one that met the mistake included) kept for download.
   */
  readonly runtimeError: string | null
  /** Performs a learner act now. */
  act(action: string, target?: string, value?: string): void
  /** Lets the simulation catch up with the clock. */
  advance(): void
  /** Ends the attempt now (the learner's "finish"). */
  finish(): void
}

export interface AttemptOptions {
  /** Where every event is written before it takes effect. */
  readonly journal?: Journal | undefined
  /** Events recorded before a reload: replayed first, so the attempt resumes where it was. */
  readonly previous?: readonly AttemptEvent[]
  readonly readOnly?: boolean
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

const MAX_FEEDBACK = 5

/**
 * The state after the start and the events recorded before a reload (with the result if they
 * ended the run), or where the scenario's mistake stopped them.
 */
function resume(
  setup: AttemptSetup,
  previous: readonly AttemptEvent[],
): { start: SimState; startError: string | null; result: Result | undefined } {
  const { model } = setup
  const start = createStart(model, setup.mode, setup.faults)
  try {
    previous.forEach((event, index) => applyInput(model, start, { type: 'event', index, event }))
  } catch (e) {
    return { start, startError: runtimeMessage(e), result: undefined }
  }
  const result = start.ended ? getResult(model, start, toAttempt(setup, previous)) : undefined
  return { start, startError: null, result }
}

/**
 * Creates the store of one live attempt; `clock` gives milliseconds since the attempt started.
 * Throws a ScenarioRuntimeError only if the scenario cannot even start.
 */
export function createAttemptStore(
  setup: AttemptSetup,
  clock: () => number,
  options: AttemptOptions = {},
): AttemptStore {
  const { model } = setup
  const { journal, previous = [], readOnly = false } = options
  let feedbackId = 0
  const nextId = () => ++feedbackId
  // events written to the journal but not yet applied, and the chain of those writes
  let pending = 0
  let writes: Promise<void> = Promise.resolve()
  let lastT = previous.length > 0 ? previous[previous.length - 1]!.t : 0
  let finished = false

  const { start, startError, result } = resume(setup, previous)
  return createStore<AttemptState>()((set, get) => {
    const apply = (
      input: Parameters<typeof step>[2],
      event?: AttemptEvent,
      extra: Feedback[] = [],
    ) => {
      const { sim, events, feedback, setup: s, runtimeError } = get()
      if (sim.ended || runtimeError) return
      const nextEvents = event ? [...events, event] : events
      let next: SimState
      try {
        next = step(model, sim, input)
      } catch (e) {
        // `step` works on a copy: the state shown stays the one before the mistake
        return set({ events: nextEvents, runtimeError: runtimeMessage(e) })
      }
      const news = [...feedbackOf(sim, next, event, nextId), ...extra]
      const result = next.ended ? getResult(model, next, toAttempt(s, nextEvents)) : undefined
      set({
        sim: next,
        events: nextEvents,
        feedback: news.length > 0 ? [...feedback, ...news].slice(-MAX_FEEDBACK) : feedback,
        result,
      })
      if (result && journal && !finished) {
        finished = true
        journal
          .finish(result)
          .catch((e: unknown) => set({ storageError: isQuotaError(e) ? 'quota' : 'failed' }))
      }
    }
    // an event takes effect once it is stored (or storing failed, which the learner is told)
    const record = (event: AttemptEvent, extra: Feedback[] = []) => {
      if (readOnly || get().sim.ended || get().runtimeError) return
      lastT = event.t
      const index = get().events.length + pending
      if (!journal) return apply({ type: 'event', index, event }, event, extra)
      pending++
      writes = writes.then(async () => {
        try {
          await journal.append(index, event)
        } catch (e) {
          set({ storageError: isQuotaError(e) ? 'quota' : 'failed' })
        }
        pending--
        apply({ type: 'event', index, event }, event, extra)
      })
    }
    const now = (): number => Math.max(lastT, get().sim.now, Math.round(clock()))
    return {
      setup,
      model,
      sim: start,
      events: [...previous],
      feedback: [],
      result,
      readOnly,
      storageError: null,
      runtimeError: startError,
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
        record(event, extra)
      },
      advance() {
        // ticks wait for stored events, so they never pass an event's time before it is applied
        if (pending === 0 && !readOnly) apply({ type: 'advance', t: Math.round(clock()) })
      },
      finish() {
        record({ t: now(), action: 'end' })
      },
    }
  })
}
