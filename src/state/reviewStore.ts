// The assessor's review session: the attempts imported and re-scored, the scenarios they need,
// the assessor's name (remembered in this browser), and judgement marks written into attempts.
import { createStore } from 'zustand/vanilla'
import type { Attempt, Model } from '../core/index.ts'
import { bundledStore, loadBundledScenarios } from './bundledScenarios.ts'
import { importFiles, rescore, type InputFile, type ReviewItem } from './reviewImport.ts'

export interface ReviewState {
  readonly items: readonly ReviewItem[]
  readonly scenarios: readonly Model[]
  readonly assessor: string
  readonly selected: string | null
  addFiles(files: readonly InputFile[]): Promise<void>
  setAssessor(name: string): void
  select(key: string | null): void
  /** Records an assessor's mark (null clears it) in the attempt, with who and when, and re-scores it. */
  mark(key: string, judgement: string, mark: number | null): void
}

const ASSESSOR_KEY = 'practica.assessor'

export const reviewStore = createStore<ReviewState>()((set, get) => ({
  items: [],
  scenarios: [],
  assessor: globalThis.localStorage?.getItem(ASSESSOR_KEY) ?? '',
  selected: null,
  async addFiles(files) {
    await loadBundledScenarios()
    const bundled = (bundledStore.getState().scenarios ?? []).flatMap((b) =>
      b.model ? [b.model] : [],
    )
    const { items, scenarios } = importFiles(files, [...bundled, ...get().scenarios])
    const keys = new Set(items.map((i) => i.key))
    set({
      items: [...get().items.filter((i) => !keys.has(i.key)), ...items],
      scenarios: [...get().scenarios, ...scenarios],
    })
  },
  setAssessor(assessor) {
    globalThis.localStorage?.setItem(ASSESSOR_KEY, assessor)
    set({ assessor })
  },
  select(selected) {
    set({ selected })
  },
  mark(key, judgement, mark) {
    const item = get().items.find((i) => i.key === key)
    if (!item?.attempt) return
    const judgements = { ...(item.attempt.judgements ?? {}) }
    judgements[judgement] = {
      mark,
      assessor: get().assessor || 'assessor',
      at: new Date().toISOString(),
    }
    const attempt: Attempt = { ...item.attempt, judgements }
    // the marked attempt is a new file: it no longer claims to match an old result file
    const next = { ...rescore(item, attempt), mismatch: false }
    set({ items: get().items.map((i) => (i.key === key ? next : i)) })
  },
}))
