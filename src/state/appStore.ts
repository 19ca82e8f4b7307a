// Which screen the learner is on, who the learner is (remembered in this browser), and the
// start of an attempt: faults are drawn here, by chance, and recorded in the attempt.
import { createStore } from 'zustand/vanilla'
import type { Attempt, Mode, Model, Result } from '../core/index.ts'
import { loadEvents, openJournal, type StoredAttempt } from './attemptJournal.ts'
import {
  createAttemptStore,
  type AttemptSetup,
  type AttemptStore,
  type Learner,
} from './attemptStore.ts'
import { holdAttempt } from './attemptLock.ts'
import { getScenarioText } from './scenarioTexts.ts'
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
  | { readonly name: 'review' }
  | { readonly name: 'history' }
  | { readonly name: 'editor'; readonly store: EditorStore }

export interface AppState {
  readonly screen: Screen
  readonly learner: Learner
  readonly mode: Mode
  setLearner(learner: Learner): void
  setMode(mode: Mode): void
  /** Starts an attempt, kept in this browser; from the editor's "Try it", in practice mode, coming back to `editor`. */
  start(model: Model, editor?: EditorStore): Promise<void>
  /** Goes on with an attempt kept in this browser; read-only if another tab has it open. */
  resume(record: StoredAttempt): Promise<void>
  showResult(model: Model, attempt: Attempt, result: Result): void
  backToLibrary(): void
  openEditorHome(): void
  openReview(): void
  openHistory(): void
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

function toStoredAttempt(setup: AttemptSetup, scenarioText: string): StoredAttempt {
  const { scenario, sha256 } = setup.model
  return {
    id: setup.attemptId,
    scenario: { id: scenario.id, version: scenario.version, sha256 },
    scenarioText,
    learner: setup.learner,
    mode: setup.mode,
    startedAt: setup.startedAt,
    faults: setup.faults,
    finished: false,
    updatedAt: Date.now(),
    result: undefined,
  }
}

// the Web Lock of the attempt on screen, released when the learner leaves it
let heldLock: (() => void) | undefined
function release(next: (() => void) | undefined): void {
  heldLock?.()
  heldLock = next
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
      const setup: AttemptSetup = {
        model,
        mode: editor ? 'practice' : get().mode,
        learner: get().learner,
        faults: drawFaults(model),
        attemptId: crypto.randomUUID(),
        startedAt: new Date().toISOString(),
      }
      // a draft tried from the editor is no learner's attempt: it is not kept
      const text = editor ? undefined : getScenarioText(model)
      const journal =
        text === undefined
          ? Promise.resolve(undefined)
          : openJournal(toStoredAttempt(setup, text)).catch(() => undefined)
      const t0 = performance.now()
      return journal.then(async (j) => {
        const lock = j ? await holdAttempt(setup.attemptId) : undefined
        const store = createAttemptStore(setup, () => performance.now() - t0, { journal: j })
        release(lock ?? undefined)
        set({ screen: editor ? { name: 'play', store, editor } : { name: 'play', store } })
      })
    },
    async resume(record) {
      const { openStoredScenario } = await import('./openScenarioFile.ts')
      const loaded = openStoredScenario(record.scenarioText)
      if (!loaded.ok) return
      const previous = await loadEvents(record.id)
      const lock = await holdAttempt(record.id)
      const setup: AttemptSetup = {
        model: loaded.value,
        mode: record.mode,
        learner: record.learner,
        faults: record.faults,
        attemptId: record.id,
        startedAt: record.startedAt,
      }
      // the clock goes on from the last recorded event
      const t0 = performance.now() - (previous[previous.length - 1]?.t ?? 0)
      const journal =
        lock === null ? undefined : await openJournal(toStoredAttempt(setup, record.scenarioText))
      const store = createAttemptStore(setup, () => performance.now() - t0, {
        journal,
        previous,
        readOnly: lock === null,
      })
      release(lock ?? undefined)
      set({ screen: { name: 'play', store } })
    },
    showResult(model, attempt, result) {
      release(undefined)
      const current = get().screen
      const editor = current.name === 'play' ? current.editor : undefined
      set({
        screen: editor
          ? { name: 'result', model, attempt, result, editor }
          : { name: 'result', model, attempt, result },
      })
    },
    backToLibrary() {
      release(undefined)
      set({ screen: { name: 'library' } })
    },
    openEditorHome() {
      set({ screen: { name: 'editor-home' } })
    },
    openReview() {
      set({ screen: { name: 'review' } })
    },
    openHistory() {
      set({ screen: { name: 'history' } })
    },
    openEditor(store) {
      set({ screen: { name: 'editor', store } })
    },
  }))
}

export const appStore = createAppStore()
