// Watching an attempt again: the engine's replayer, computed once per attempt and kept, and a
// store for the replay screen (the moment shown, playback) that the scene reads. A scenario's
// mistake at run time is an outcome here: the replay runs up to it and says where it stopped.
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  createReplayer,
  replayTo,
  type Attempt,
  type AttemptEvent,
  type Model,
  type Replayer,
  type SimState,
} from '../core/index.ts'
import { runtimeMessage } from './runtimeError.ts'
import type { SceneState } from './sceneSource.ts'

/** Where a replay met the scenario's mistake. */
export interface ReplayError {
  readonly message: string
  /** The event that met it (or the ticks before it). */
  readonly index: number
  /** That event's time: the replay can show the attempt up to just before it. */
  readonly t: number
}

/** One attempt replayed: seek with `replayer.at`; `final` is the state at the end (or the mistake). */
export interface Replay {
  readonly events: readonly AttemptEvent[]
  readonly mode: Attempt['mode']
  readonly faults: readonly string[]
  readonly replayer: Replayer
  readonly final: SimState
  readonly durationMs: number
  readonly error: ReplayError | null
}

// by the attempt's list of events: an assessor's mark makes a new attempt with the same events,
// which replays the same
const replays = new WeakMap<readonly AttemptEvent[], WeakMap<Model, Replay>>()

/** The replay of `attempt` on `model`, computed on first use and then kept for both. */
export function getReplay(model: Model, attempt: Attempt): Replay {
  let byModel = replays.get(attempt.events)
  if (!byModel) replays.set(attempt.events, (byModel = new WeakMap()))
  let replay = byModel.get(model)
  const faults = attempt.faults ?? []
  const same =
    replay?.mode === attempt.mode &&
    replay.faults.length === faults.length &&
    replay.faults.every((f, i) => f === faults[i])
  if (!replay || !same) byModel.set(model, (replay = computeReplay(model, attempt)))
  return replay
}

function computeReplay(model: Model, attempt: Attempt): Replay {
  const of = { events: attempt.events, mode: attempt.mode, faults: attempt.faults ?? [] }
  try {
    const replayer = createReplayer(model, attempt)
    const final = replayer.at(Infinity)
    return { ...of, replayer, final, durationMs: replayer.durationMs, error: null }
  } catch (e) {
    const message = runtimeMessage(e)
    // the shortest run of events that meets the mistake: replays of longer runs all meet it too,
    // since each is the same fold taken further
    const upTo = (n: number): Attempt => ({ ...attempt, events: attempt.events.slice(0, n) })
    let lo = 0
    let hi = attempt.events.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (fails(model, upTo(mid + 1))) hi = mid
      else lo = mid + 1
    }
    const index = Math.min(lo, attempt.events.length - 1)
    const replayer = createReplayer(model, upTo(index))
    const t = attempt.events[index]?.t ?? 0
    const error = { message, index, t }
    return { ...of, replayer, final: replayer.at(Infinity), durationMs: t, error }
  }
}

function fails(model: Model, attempt: Attempt): boolean {
  try {
    replayTo(model, attempt, Infinity)
    return false
  } catch (e) {
    runtimeMessage(e)
    return true
  }
}

export const REPLAY_SPEEDS = [1, 2, 4, 8] as const
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number]

export interface ReplayState extends SceneState {
  /** The moment shown, in ms since the start. */
  readonly ms: number
  /** The end of the replay: the attempt's end, or the moment of the scenario's mistake. */
  readonly durationMs: number
  readonly playing: boolean
  readonly speed: ReplaySpeed
  /** The scenario's mistake that cut the replay short. */
  readonly error: ReplayError | null
  /** Shows the moment `ms` (clamped to the replay) and pauses. */
  seek(ms: number): void
  /** Plays from here, or from the start when at the end; or pauses. */
  toggle(): void
  setSpeed(speed: ReplaySpeed): void
  /** Playback: `elapsedMs` of real time passed; moves on at the speed and stops at the end. */
  forward(elapsedMs: number): void
}

export type ReplayStore = StoreApi<ReplayState>

/** The store of one replay screen, on the attempt's kept replay. */
export function createReplayStore(model: Model, attempt: Attempt): ReplayStore {
  return createReplayStoreOf(model, getReplay(model, attempt))
}

/** The store of one replay screen on a replay `getReplay` gave. */
export function createReplayStoreOf(model: Model, replay: Replay): ReplayStore {
  const { replayer, durationMs, error, events } = replay
  return createStore<ReplayState>()((set, get) => {
    const show = (ms: number, playing: boolean) => {
      const at = Math.min(Math.max(0, ms), durationMs)
      // the engine works in whole milliseconds; playback moves in fractions of them
      set({ ms: at, sim: replayer.at(Math.round(at)), playing: playing && at < durationMs })
    }
    return {
      model,
      sim: replayer.at(0),
      events,
      readOnly: true,
      ms: 0,
      durationMs,
      playing: false,
      speed: 1,
      error,
      seek: (ms) => show(ms, false),
      toggle() {
        const { playing, ms } = get()
        if (playing) set({ playing: false })
        else show(ms >= durationMs ? 0 : ms, true)
      },
      setSpeed: (speed) => set({ speed }),
      forward(elapsedMs) {
        const { playing, ms, speed } = get()
        if (playing) show(ms + elapsedMs * speed, true)
      },
    }
  })
}
