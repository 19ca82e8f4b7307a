// The graphics setting: Detailed (the catalogue's looks, light from an environment, contact
// shadows) or Simple (the kinds' cheap default parts, plain light), for old hardware. The
// learner's own choice is remembered in this browser and never overridden; `?graphics=` in the
// address forces a setting for this page (tests, benchmarks, pictures) and is never saved. Until
// the learner chooses, slow frames after a warm-up make the scene propose Simple.
import { createStore, type StoreApi } from 'zustand/vanilla'

export type GraphicsSetting = 'detailed' | 'simple'

export interface GraphicsState {
  readonly setting: GraphicsSetting
  /** Where the setting comes from: the address, the learner's own choice, or the default. */
  readonly source: 'address' | 'learner' | 'default'
  /** Frames were slow: the scene proposes Simple (until the learner answers). */
  readonly proposing: boolean
  /** The learner's choice: remembered, unless the address forces a setting for this page. */
  choose(setting: GraphicsSetting): void
  /** The learner keeps Detailed after a proposal: a choice like `choose`, asked no more. */
  keepDetailed(): void
  /** Frame times (ms) measured while the camera moved, after a warm-up: may propose Simple. */
  reportFrameTimes(times: readonly number[]): void
}

export type GraphicsStore = StoreApi<GraphicsState>

const STORAGE_KEY = 'practica.graphics'
/** Frames slower than this (median) make Simple worth proposing: under 20 frames a second. */
export const SLOW_FRAME_MS = 50
/** How many measured frames the proposal waits for. */
export const FRAMES_TO_JUDGE = 20

const isSetting = (v: unknown): v is GraphicsSetting => v === 'detailed' || v === 'simple'

function savedChoice(): GraphicsSetting | undefined {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isSetting(saved) ? saved : undefined
  } catch {
    // storage can be refused (privacy settings): the choice lasts for this page only
    return undefined
  }
}

function saveChoice(setting: GraphicsSetting): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, setting)
  } catch {
    // as above: not remembered, still applied
  }
}

/** The median of `times`. Pure. */
export function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** A graphics store for a page at `search` (its address's query), from the saved choice. */
export function createGraphicsStore(search = globalThis.location?.search ?? ''): GraphicsStore {
  const forced = new URLSearchParams(search).get('graphics')
  const saved = savedChoice()
  const setting: GraphicsSetting = isSetting(forced) ? forced : (saved ?? 'detailed')
  const source = isSetting(forced) ? 'address' : saved ? 'learner' : 'default'
  return createStore<GraphicsState>()((set, get) => ({
    setting,
    source,
    proposing: false,
    choose(next) {
      if (get().source !== 'address') {
        saveChoice(next)
        set({ setting: next, source: 'learner', proposing: false })
      } else set({ setting: next, proposing: false })
    },
    keepDetailed() {
      get().choose('detailed')
    },
    reportFrameTimes(times) {
      const s = get()
      if (s.source !== 'default' || s.setting !== 'detailed' || s.proposing) return
      if (times.length >= FRAMES_TO_JUDGE && median(times) > SLOW_FRAME_MS) set({ proposing: true })
    },
  }))
}

/** The page's graphics setting, shared by every scene (play, replay, editor, look sheet). */
export const graphicsStore: GraphicsStore = createGraphicsStore()
