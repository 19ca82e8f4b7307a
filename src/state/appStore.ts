// Which screen the learner is on, who the learner is (remembered in this browser), and the
// start of an attempt: faults are drawn here, by chance, and recorded in the attempt.
import { createStore } from 'zustand/vanilla'
import type { Attempt, Mode, Model, Result } from '../core/index.ts'
import { createAttemptStore, type AttemptStore, type Learner } from './attemptStore.ts'
import type { EditorStore } from './editorStore.ts'

export type Screen =
  | { readonly name: 'library' }
  | { readonly name: 'play'; readonly store: AttemptStore; readonly editor?: EditorStore }
  | {
      readonly name: 'result'
      readonly model: Model
      readonly attempt: Attempt
      readonly result: Result
      readonly editor?: EditorStore
    }
  | { readonly name: 'editor-home' }
  | { readonly name: 'editor'; readonly store: EditorStore }

export interface AppState {
  readonly screen: Screen
  readonly learner: Learner
  readonly mode: Mode
  setLearner(learner: Learner): void
  setMode(mode: Mode): void
  /** Starts an attempt; from the editor's "Try it", in practice mode, coming back to `editor`. */
  start(model: Model, editor?: EditorStore): void
  showResult(model: Model, attempt: Attempt, result: Result): void
  backToLibrary(): void
  openEditorHome(): void
  openEditor(store: EditorStore): void
}

const LEARNER_KEY = 'practica.learner'

function savedLearner(): Learner {
  try {
    const saved = JSON.parse(
      globalThis.localStorage?.getItem(LEARNER_KEY) ?? 'null',
    ) as Partial<Learner> | null
    return {
      id: typeof saved?.id === 'string' ? saved.id : '',
      name: typeof saved?.name === 'string' ? saved.name : '',
    }
  } catch {
    return { id: '', name: '' }
  }
}

/** Each fault of the scenario, active with its chance. */
export function drawFaults(model: Model, random: () => number = Math.random): string[] {
  return model.faults.filter((f) => random() < f.chance).map((f) => f.id)
}

export function createAppStore() {
  return createStore<AppState>()((set, get) => ({
    screen: { name: 'library' },
    learner: savedLearner(),
    mode: 'practice',
    setLearner(learner) {
      globalThis.localStorage?.setItem(LEARNER_KEY, JSON.stringify(learner))
      set({ learner })
    },
    setMode(mode) {
      set({ mode })
    },
    start(model, editor) {
      const t0 = performance.now()
      const store = createAttemptStore(
        {
          model,
          mode: editor ? 'practice' : get().mode,
          learner: get().learner,
          faults: drawFaults(model),
          attemptId: crypto.randomUUID(),
          startedAt: new Date().toISOString(),
        },
        () => performance.now() - t0,
      )
      set({ screen: editor ? { name: 'play', store, editor } : { name: 'play', store } })
    },
    showResult(model, attempt, result) {
      const current = get().screen
      const editor = current.name === 'play' ? current.editor : undefined
      set({
        screen: editor
          ? { name: 'result', model, attempt, result, editor }
          : { name: 'result', model, attempt, result },
      })
    },
    backToLibrary() {
      set({ screen: { name: 'library' } })
    },
    openEditorHome() {
      set({ screen: { name: 'editor-home' } })
    },
    openEditor(store) {
      set({ screen: { name: 'editor', store } })
    },
  }))
}

export const appStore = createAppStore()
