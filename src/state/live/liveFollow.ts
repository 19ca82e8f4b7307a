// One learner's live 3D view: their latest attempt on the assignment as the server stored it,
// kept up to date. On each row the live stream sends for them, only the events stored since are
// fetched (`…/live/learners/:userId/attempt?from=N`) and appended; a new attempt is fetched
// whole. The attempt feeds the review's replay engine (state/replay.ts), shown at its newest
// moment.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Attempt, AttemptEvent } from '../../core/index.ts'
import { ApiError, apiPath, apiRequest } from '../classroom/api.ts'
import { sessionStore } from '../classroom/sessionStore.ts'

/** What the server answers (src/server/live/attempt.ts). */
export interface LiveAttemptAnswer {
  readonly attemptId: string | null
  readonly header: Omit<Attempt, 'events' | 'judgements'> | null
  readonly from: number
  readonly events: readonly AttemptEvent[]
  readonly nextSeq: number
  readonly ended: boolean
}

export interface FollowState {
  /** the attempt with every event fetched so far; null before it loads or if none started */
  readonly attempt: Attempt | null
  /** whether the learner has an attempt on the assignment (null: not known yet) */
  readonly started: boolean | null
  readonly ended: boolean
  /** the last fetch failed (the next update tries again) */
  readonly error: ApiError | null
  /** Brings the attempt up to `nextSeq` events of attempt `attemptId` (as a grid row says). */
  catchUp(target: { attemptId: string | null; nextSeq: number }): void
}

export type FollowStore = StoreApi<FollowState>

export type FetchAttempt = (from: number) => Promise<LiveAttemptAnswer>

/** The server's answer for `userId` on `assignmentId`, events from `from` on. */
export function fetchLiveAttempt(assignmentId: string, userId: string): FetchAttempt {
  return (from) =>
    apiRequest<LiveAttemptAnswer>(
      'GET',
      `${apiPath('assignments', assignmentId, 'live', 'learners', userId, 'attempt')}?from=${from}`,
    )
}

/** Follows one learner's latest attempt; call `catchUp` with each row the stream gives. */
export function createFollowStore(fetchFrom: FetchAttempt): FollowStore {
  // one fetch at a time; a row that comes meanwhile is caught up to when it ends
  let busy = false
  let wanted: { attemptId: string | null; nextSeq: number } | null = null

  const store = createStore<FollowState>()((set, get) => {
    const run = async (): Promise<void> => {
      busy = true
      try {
        while (wanted) {
          const target = wanted
          wanted = null
          const held = get().attempt
          const same = held !== null && held.id === target.attemptId
          const have = same ? held.events.length : 0
          // nothing new of the attempt held
          if (same && have >= target.nextSeq && get().started) continue
          const answer = await fetchFrom(have)
          if (answer.attemptId === null || answer.header === null) {
            set({ attempt: null, started: false, ended: false, error: null })
            continue
          }
          const current = get().attempt
          const base = current !== null && current.id === answer.attemptId ? current : null
          const events =
            base && answer.from === base.events.length
              ? [...base.events, ...answer.events]
              : answer.from === 0
                ? [...answer.events]
                : null
          if (events === null) {
            // another attempt than the one asked for: fetch it whole
            wanted = { attemptId: answer.attemptId, nextSeq: answer.nextSeq }
            set({ attempt: null })
            continue
          }
          set({
            attempt: { ...answer.header, events },
            started: true,
            ended: answer.ended,
            error: null,
          })
        }
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError(0, 'network', String(e))
        if (error.status === 401) sessionStore.getState().sessionLost()
        set({ error })
      } finally {
        busy = false
      }
    }
    return {
      attempt: null,
      started: null,
      ended: false,
      error: null,
      catchUp(target) {
        wanted = target
        if (!busy) void run()
      },
    }
  })
  return store
}
