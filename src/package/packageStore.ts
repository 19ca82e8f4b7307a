// The AU's screens and its one attempt: the scenario the package carries, the learner the LMS
// names, the attempt run by the app's attempt store (the engine's fold), each event handed to the
// LMS session, and the result reported to it once the engine has scored the attempt.
import { v4 as uuidv4 } from 'uuid'
import { createStore } from 'zustand/vanilla'
import type { Attempt, AttemptEvent, Mode, Model, Result } from '../core/index.ts'
import {
  createAttemptStore,
  toAttempt,
  type AttemptSetup,
  type AttemptStore,
} from '../state/attemptStore.ts'
import type { Journal } from '../state/attemptJournal.ts'
import { runtimeMessage } from '../state/runtimeError.ts'
import type { LmsSession, Reported } from './lmsSession.ts'

/** Why the AU cannot offer the scenario; each has its own text. */
export type PackageProblem =
  'no-lms' | 'lms-refused' | 'no-launch' | 'scenario-unreadable' | 'scenario-broken'

export type PackageScreen =
  | { readonly name: 'loading' }
  | { readonly name: 'problem'; readonly problem: PackageProblem; readonly detail?: string }
  | { readonly name: 'start' }
  | { readonly name: 'play'; readonly store: AttemptStore }
  | {
      readonly name: 'result'
      readonly attempt: Attempt
      readonly result: Result
      /** Undefined while the LMS is being told. */
      readonly reported: Reported | undefined
    }
  | { readonly name: 'left' }

export interface PackageState {
  readonly screen: PackageScreen
  readonly model: Model | undefined
  readonly mode: Mode
  readonly session: LmsSession | undefined
  /** The package could not start: the reason, shown instead of the scenario. */
  fail(problem: PackageProblem, detail?: string): void
  /** The scenario and the LMS are ready: resumes the learner's unfinished attempt, or offers the start. */
  ready(model: Model, mode: Mode, session: LmsSession): void
  /** Starts a new attempt (faults drawn by chance, as the learner app does). */
  start(): void
  /** Shows the result of the attempt that has ended, once the LMS has it. */
  showResult(): void
  /** The page is going away: the LMS keeps what it must. */
  leave(): void
}

/**
 * The attempt an AU page runs and what its LMS has of it: the events handed to the LMS session,
 * the attempt they belong to, and the report of its result once sent.
 */
function attemptLink(
  get: () => PackageState,
  set: (partial: Partial<PackageState>) => void,
  clock: () => number,
) {
  let reporting: Promise<Reported> | undefined
  // the events handed to the LMS, and the attempt they belong to
  let events: AttemptEvent[] = []
  let current: AttemptSetup | undefined

  const journalFor = (setup: AttemptSetup, session: LmsSession): Journal => ({
    append(seq, event) {
      events = [...events.slice(0, seq), event]
      session.record(setup, events)
      return Promise.resolve()
    },
    finish(result) {
      const model = get().model!
      reporting = session.finish(model, setup, events, result)
      current = undefined
      return reporting.then(() => undefined)
    },
  })

  return {
    /** Runs attempt `setup` from events `previous` (none for a new one). */
    play(setup: AttemptSetup, previous: readonly AttemptEvent[]) {
      const session = get().session!
      events = [...previous]
      current = setup
      const t0 = clock() - (previous[previous.length - 1]?.t ?? 0)
      try {
        const store = createAttemptStore(setup, () => clock() - t0, {
          journal: journalFor(setup, session),
          previous,
        })
        set({ screen: { name: 'play', store } })
        // an attempt resumed after its end (the LMS kept it, its result unsent) is reported now
        const { result } = store.getState()
        if (result) void journalFor(setup, session).finish(result)
      } catch (e) {
        set({ screen: { name: 'problem', problem: 'scenario-broken', detail: runtimeMessage(e) } })
      }
    },
    /** What the LMS made of the result: 'failed' when none was sent. */
    reported(): Promise<Reported> {
      return reporting ?? Promise.resolve<Reported>('failed')
    },
    /** The page is going away: `session` keeps the attempt under way, if any. */
    leave(session: LmsSession) {
      session.leave(current, events)
      current = undefined
    },
  }
}

/** The store of one AU page; `clock` gives milliseconds (performance.now in the page). */
export function createPackageStore(clock: () => number, random: () => number = Math.random) {
  return createStore<PackageState>()((set, get) => {
    const link = attemptLink(get, set, clock)
    return {
      screen: { name: 'loading' },
      model: undefined,
      mode: 'assessment',
      session: undefined,
      fail(problem, detail) {
        set({
          screen:
            detail === undefined
              ? { name: 'problem', problem }
              : { name: 'problem', problem, detail },
        })
      },
      ready(model, mode, session) {
        set({ model, mode, session })
        const kept = session.resume
        if (!kept) return set({ screen: { name: 'start' } })
        link.play(
          {
            model,
            mode: kept.mode,
            learner: session.learner,
            faults: kept.faults,
            attemptId: kept.id,
            startedAt: kept.startedAt,
          },
          kept.events,
        )
      },
      start() {
        const { model, mode, session } = get()
        if (!model || !session) return
        link.play(
          {
            model,
            mode,
            learner: session.learner,
            faults: model.faults.filter((f) => random() < f.chance).map((f) => f.id),
            attemptId: uuidv4(),
            startedAt: new Date().toISOString(),
          },
          [],
        )
      },
      showResult() {
        const { screen } = get()
        if (screen.name !== 'play') return
        const s = screen.store.getState()
        if (!s.result) return
        const attempt = toAttempt(s.setup, s.events)
        set({ screen: { name: 'result', attempt, result: s.result, reported: undefined } })
        void link.reported().then((reported) => {
          const now = get().screen
          if (now.name === 'result') set({ screen: { ...now, reported } })
        })
      },
      leave() {
        const { session } = get()
        if (!session) return
        link.leave(session)
        if (get().screen.name !== 'result') set({ screen: { name: 'left' } })
      },
    }
  })
}

export type PackageStore = ReturnType<typeof createPackageStore>
