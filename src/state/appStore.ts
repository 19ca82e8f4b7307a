// Which screen the learner is on, who the learner is (remembered in this browser), and the
// start of an attempt: faults are drawn here, by chance, and recorded in the attempt.
import { v4 as uuidv4 } from 'uuid'
import { createStore } from 'zustand/vanilla'
import {
  scoreAttempt,
  type Attempt,
  type Mode,
  type Model,
  type Outcome,
  type Result,
} from '../core/index.ts'
import { loadEvents, openJournal, toAttemptFile, type StoredAttempt } from './attemptJournal.ts'
import {
  createAttemptStore,
  toAttempt,
  type AttemptOptions,
  type AttemptSetup,
  type AttemptStore,
  type Learner,
} from './attemptStore.ts'
import { holdAttempt } from './attemptLock.ts'
import { bundledModelOf } from './bundledScenarios.ts'
import { runtimeMessage } from './runtimeError.ts'
import { getScenarioText } from './scenarioTexts.ts'
import { getSignedInLearner } from './classroom/sessionStore.ts'
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
  /** The staff's screens on the Practica server (classes, administration). */
  | { readonly name: 'staff' }
  | { readonly name: 'editor'; readonly store: EditorStore }
  | {
      /** The scenario made a mistake as the attempt started: nothing to play, the attempt to keep. */
      readonly name: 'failed'
      readonly attempt: Attempt
      readonly message: string
      readonly editor?: EditorStore
    }

export interface AppState {
  readonly screen: Screen
  readonly learner: Learner
  readonly mode: Mode
  setLearner(learner: Learner): void
  setMode(mode: Mode): void
  /**
   * Starts an attempt, kept in this browser; from the editor's "Try it", in practice mode, coming
   * back to `editor`; for an assignment of the Practica server, in the assignment's mode. With
   * someone signed in to the server, the attempt is theirs (their learner ID and name).
   */
  start(model: Model, editor?: EditorStore, assignment?: AssignmentStart): Promise<void>
  /** Goes on with an attempt kept in this browser; read-only if another tab has it open. */
  resume(record: StoredAttempt): Promise<void>
  showResult(model: Model, attempt: Attempt, result: Result): void
  /** Shows the result of a finished attempt kept in this browser, scored again from its log. */
  openStoredResult(record: StoredAttempt): Promise<{ ok: true } | { ok: false; reason: string }>
  backToLibrary(): void
  openEditorHome(): void
  openReview(): void
  openHistory(): void
  openStaff(): void
  openEditor(store: EditorStore): void
}

/** The server's assignment an attempt is started from: its id and the mode it sets. */
export interface AssignmentStart {
  readonly id: string
  readonly mode: Mode
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

function toStoredAttempt(
  setup: AttemptSetup,
  scenarioText: string,
  server: { owner?: string | undefined; assignmentId?: string | undefined } = {},
): StoredAttempt {
  const { scenario, sha256 } = setup.model
  return {
    ...(server.owner ? { owner: server.owner } : {}),
    ...(server.assignmentId ? { assignmentId: server.assignmentId } : {}),
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

/** The play screen of a new attempt, or the failure screen if the scenario cannot even start. */
function play(
  setup: AttemptSetup,
  clock: () => number,
  options: AttemptOptions,
  editor: EditorStore | undefined,
): Screen {
  try {
    const store = createAttemptStore(setup, clock, options)
    return editor ? { name: 'play', store, editor } : { name: 'play', store }
  } catch (e) {
    const attempt = toAttempt(setup, options.previous ?? [])
    const message = runtimeMessage(e)
    return editor
      ? { name: 'failed', attempt, message, editor }
      : { name: 'failed', attempt, message }
  }
}

type StoredResult =
  { ok: true; model: Model; attempt: Attempt; result: Result } | { ok: false; reason: string }

/**
 * The scenario an unfinished attempt kept: a bundled one (known by its hash) compiled from the
 * kept text, as its file was checked when the app was built; any other by the validator, which is
 * downloaded only then.
 */
async function openKeptScenario(text: string): Promise<Outcome<Model>> {
  const bundled = await bundledModelOf(text)
  if (bundled) return { ok: true, value: bundled }
  const { openStoredScenario } = await import('./openScenarioFile.ts')
  return openStoredScenario(text)
}

/** A finished attempt kept in this browser, scored again from its log against its own scenario. */
async function scoreStored(record: StoredAttempt): Promise<StoredResult> {
  const loaded = await openKeptScenario(record.scenarioText)
  if (!loaded.ok) return { ok: false, reason: loaded.problems[0]?.message ?? '' }
  const attempt = await toAttemptFile(record)
  const scored = scoreAttempt(loaded.value, attempt)
  return scored.ok
    ? { ok: true, model: loaded.value, attempt, result: scored.value }
    : { ok: false, reason: scored.problems[0]?.message ?? '' }
}

/**
 * Opens the journal of a new attempt (its scenario's text kept with it), or undefined when the
 * scenario has no text to keep or the browser's storage fails (the play screen says so).
 */
function keepAttempt(
  setup: AttemptSetup,
  whose: { owner: string | undefined; assignmentId: string | undefined },
) {
  const text = getScenarioText(setup.model)
  if (text === undefined) return Promise.resolve(undefined)
  return openJournal(toStoredAttempt(setup, text, whose)).catch(() => undefined)
}

/** The app's store: one per page (tests make their own). */
export function createAppStore() {
  // the Web Lock of the attempt on screen, released when the learner leaves it; one per store
  let heldLock: (() => void) | undefined
  const release = (next: (() => void) | undefined): void => {
    heldLock?.()
    heldLock = next
  }
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
    start(model, editor, assignment) {
      // a draft tried from the editor is nobody's attempt on the server
      const signedIn = editor ? undefined : getSignedInLearner()
      const setup: AttemptSetup = {
        model,
        mode: editor ? 'practice' : (assignment?.mode ?? get().mode),
        learner: signedIn?.learner ?? get().learner,
        faults: drawFaults(model),
        attemptId: uuidv4(),
        startedAt: new Date().toISOString(),
      }
      // a draft tried from the editor is no learner's attempt: it is not kept
      const journal = editor
        ? Promise.resolve(undefined)
        : keepAttempt(setup, { owner: signedIn?.owner, assignmentId: assignment?.id })
      const t0 = performance.now()
      return journal.then(async (j) => {
        const lock = j ? await holdAttempt(setup.attemptId) : undefined
        release(lock ?? undefined)
        set({ screen: play(setup, () => performance.now() - t0, { journal: j }, editor) })
      })
    },
    async resume(record) {
      const loaded = await openKeptScenario(record.scenarioText)
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
      release(lock ?? undefined)
      const options = { journal, previous, readOnly: lock === null }
      set({ screen: play(setup, () => performance.now() - t0, options, undefined) })
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
    async openStoredResult(record) {
      const scored = await scoreStored(record)
      if (scored.ok) get().showResult(scored.model, scored.attempt, scored.result)
      return scored.ok ? { ok: true } : scored
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
    openStaff() {
      set({ screen: { name: 'staff' } })
    },
    openEditor(store) {
      set({ screen: { name: 'editor', store } })
    },
  }))
}

export const appStore = createAppStore()
