// "Record steps": the instructor operates the draft's equipment as a learner would, through the
// learner's own attempt store (the engine runs here, never in a view), and every act becomes a
// step in order, titled in every locale of the scenario. The instructor then groups steps that
// may be done in any order, marks critical ones, sets points, confirms the thresholds of gauges
// read, picks the hazards the order suggests, and puts it all into the draft as one undoable edit.
// Also keeps the last "Try it" run of each draft, to say how it would score.
import { v4 as uuidv4 } from 'uuid'
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  compileScenario,
  proposeHazards,
  proposeThreshold,
  scoreAttempt,
  stepIdBase,
  uniqueId,
  usedIds,
  validateScenario,
  type Attempt,
  type AttemptEvent,
  type EditCommand,
  type HazardProposal,
  type JsonObject,
  type Model,
  type RecordedAct,
  type RecordedStep,
  type Result,
  type Threshold,
} from '../core/index.ts'
import { appStore } from './appStore.ts'
import { createAttemptStore, toAttempt, type AttemptStore } from './attemptStore.ts'
import type { EditorStore } from './editorStore.ts'
import { recorderEdits } from './recorderEdits.ts'
import {
  isObject,
  sameName,
  stepsWithRecording,
  titlesOf,
  type MissingName,
  type PendingReading,
} from './recorderWords.ts'

export type { MissingName, PendingReading } from './recorderWords.ts'

/** A run scored by the engine, to say in plain words how it would score. */
export interface ScoredRun {
  readonly kind: 'recorded' | 'try'
  readonly model: Model
  readonly attempt: Attempt
  readonly result: Result
}

export interface RecorderState {
  /** The draft being recorded on; null when not recording. */
  readonly editor: EditorStore | null
  /** The learner's attempt store the instructor acts through, on the draft as it was compiled. */
  readonly attempt: AttemptStore | null
  /** Replace the draft's steps (the default for a template), else add the recording after them. */
  readonly replace: boolean
  readonly steps: readonly RecordedStep[]
  readonly reading: PendingReading | null
  readonly missing: readonly MissingName[]
  /** The hazards the recorded order suggests (none of them triggers on the recorded run). */
  readonly hazards: readonly { readonly proposal: HazardProposal; readonly chosen: boolean }[]
  /** The last run of each draft scored: the recording once it is in, or a "Try it". */
  readonly scored: ReadonlyMap<EditorStore, ScoredRun>
  start(editor: EditorStore): void
  /** Stops recording and forgets the recording. */
  cancel(): void
  /** Puts the recorded steps (and the chosen hazards) into the draft, as one edit. */
  finish(): void
  setReplace(replace: boolean): void
  setTitle(index: number, locale: string, text: string): void
  update(
    index: number,
    change: Partial<Pick<RecordedStep, 'anyOrder' | 'critical' | 'points'>>,
  ): void
  remove(index: number): void
  setThreshold(threshold: Threshold): void
  /** Keeps the reading as a state step with its threshold; `asRead` keeps it as "read the gauge". */
  confirmReading(asRead?: boolean): void
  dropReading(): void
  /** Names a state in a locale (kept in the component's `stateLabels`) and words the titles waiting for it. */
  nameState(missing: MissingName, name: string): void
  chooseHazard(index: number, chosen: boolean): void
}

export type RecorderStore = StoreApi<RecorderState>

type ProposedHazard = RecorderState['hazards'][number]

/** The learner's attempt store the instructor acts through: untimed, on the draft as compiled. */
function recordingAttempt(model: Model, clock: () => number): AttemptStore {
  const t0 = clock()
  // the instructor takes the time they need: no time limit ends a recording
  const untimed: Model = { ...model, scoring: { ...model.scoring, timeLimitMs: undefined } }
  return createAttemptStore(
    {
      model: untimed,
      mode: 'practice',
      learner: { id: 'instructor', name: '' },
      faults: [],
      attemptId: uuidv4(),
      startedAt: new Date().toISOString(),
    },
    () => clock() - t0,
  )
}

/** The acts of the recording so far, without the attempt's end. */
const actsOf = (attempt: AttemptStore): AttemptEvent[] =>
  attempt.getState().events.filter((e) => e.action !== 'end')

/** A number read off a gauge or a display, as a check with a threshold to confirm; else none. */
function readingOf(attempt: AttemptStore, act: RecordedAct): PendingReading | undefined {
  const model = attempt.getState().setup.model
  const index = model.componentIndex.get(act.target)
  const c = index === undefined ? undefined : model.components[index]
  if (act.action !== 'inspect' || !c?.value || (c.kind !== 'gauge' && c.kind !== 'display'))
    return undefined
  const read = c.value(attempt.getState().sim)
  if (typeof read !== 'number') return undefined
  const { min, max } = c.source as { min?: number; max?: number }
  return { target: act.target, read, threshold: proposeThreshold(act.target, read, min, max) }
}

/** The hazards the recording suggests on the draft with its steps in, keeping the teacher's choices. */
function proposedHazards(
  doc: JsonObject,
  state: Pick<RecorderState, 'steps' | 'replace' | 'hazards'>,
  events: readonly AttemptEvent[],
): ProposedHazard[] {
  const d = { ...doc, steps: stepsWithRecording(doc, state.steps, state.replace) }
  const chosen = new Map(state.hazards.map((h) => [h.proposal.hazard['when'], h.chosen]))
  return proposeHazards(d, events, usedIds(d)).map((proposal) => ({
    proposal,
    chosen: chosen.get(proposal.hazard['when']) ?? true,
  }))
}

/** The one edit that puts the recorded steps and the chosen hazards into the draft. */
function recordingEdit(
  doc: JsonObject,
  state: Pick<RecorderState, 'steps' | 'replace' | 'hazards'>,
): EditCommand {
  const chosen = state.hazards.filter((h) => h.chosen).map((h) => h.proposal.hazard)
  const commands: EditCommand[] = [
    { kind: 'set', path: ['steps'], value: stepsWithRecording(doc, state.steps, state.replace) },
  ]
  if (chosen.length > 0) {
    const old = Array.isArray(doc['hazards']) ? doc['hazards'] : []
    commands.push({ kind: 'set', path: ['hazards'], value: [...old, ...chosen] })
  }
  return { kind: 'batch', label: 'record steps', commands }
}

/** How the recorded run scores on the draft it made; none when the draft does not validate. */
function scoreRecording(editor: EditorStore, attempt: AttemptStore): ScoredRun | undefined {
  const events = actsOf(attempt)
  const valid = validateScenario(editor.getState().history.doc)
  if (!valid.ok) return undefined
  const model = compileScenario(valid.value)
  const setup = { ...attempt.getState().setup, model }
  const file = toAttempt(setup, [...events, { t: events.at(-1)?.t ?? 0, action: 'end' }])
  const scored = scoreAttempt(model, file)
  return scored.ok ? { kind: 'recorded', model, attempt: file, result: scored.value } : undefined
}

const IDLE = { editor: null, attempt: null, steps: [], reading: null, missing: [], hazards: [] }

/** Creates the recorder; `clock` gives milliseconds (performance.now in the app). */
export function createRecorderStore(clock: () => number = () => performance.now()): RecorderStore {
  let unsubscribe: (() => void) | undefined
  let ticker: ReturnType<typeof setInterval> | undefined
  let taken = new Set<string>()

  return createStore<RecorderState>()((set, get) => {
    const doc = (): JsonObject => get().editor!.getState().history.doc

    /** The hazards the recording suggests, checked against the recorded run. */
    const refreshHazards = () => {
      const { editor, attempt, steps } = get()
      if (!editor || !attempt || steps.length === 0) return set({ hazards: [] })
      set({ hazards: proposedHazards(doc(), get(), actsOf(attempt)) })
    }

    const addAct = (event: AttemptEvent) => {
      if (event.target === undefined || event.action === 'hint' || event.action === 'end') return
      const { action, target, value } = event
      const act: RecordedAct = value === undefined ? { action, target } : { action, target, value }
      const reading = readingOf(get().attempt!, act)
      if (reading) return set({ reading })
      const { titles, missing } = titlesOf(doc(), act)
      const id = uniqueId(stepIdBase(act), taken)
      const step: RecordedStep = { id, act, titles, anyOrder: false, critical: false, points: 1 }
      const known = get().missing
      set({
        steps: [...get().steps, step],
        missing: [...known, ...missing.filter((m) => !known.some((k) => sameName(k, m)))],
      })
      refreshHazards()
    }

    const stop = () => {
      unsubscribe?.()
      unsubscribe = undefined
      clearInterval(ticker)
      ticker = undefined
    }

    return {
      ...IDLE,
      replace: false,
      scored: new Map(),
      start(editor) {
        stop()
        const { model, meta, history } = editor.getState()
        if (!model) return
        const attempt = recordingAttempt(model, clock)
        taken = usedIds(history.doc)
        const oldSteps = Array.isArray(history.doc['steps']) ? history.doc['steps'] : []
        // a template's steps are an example: the recording takes their place unless asked not to
        const replace = meta.source === 'template' || meta.source.startsWith('template:')
        if (replace)
          for (const s of oldSteps)
            if (isObject(s) && typeof s['id'] === 'string') taken.delete(s['id'])
        set({ ...IDLE, editor, attempt, replace })
        unsubscribe = attempt.subscribe((s, prev) => {
          for (const event of s.events.slice(prev.events.length)) addAct(event)
        })
        ticker = setInterval(() => attempt.getState().advance(), model.tickMs)
      },
      cancel() {
        stop()
        set(IDLE)
      },
      finish() {
        const { editor, attempt, steps } = get()
        if (!editor || !attempt || steps.length === 0) return
        editor.getState().run(recordingEdit(doc(), get()))
        stop()
        const run = scoreRecording(editor, attempt)
        if (run) set({ scored: new Map(get().scored).set(editor, run) })
        set(IDLE)
      },
      ...recorderEdits({ get, set, doc, refreshHazards, taken: () => taken }),
    }
  })
}

/** The app's recorder: one recording at a time, on the draft open in the editor. */
export const recorderStore: RecorderStore = createRecorderStore()

// a "Try it" of a draft that reaches its result: kept to say, back in the editor, how it would score;
// leaving the editor for its home or the library ends a recording without keeping it
appStore.subscribe((s, prev) => {
  const screen = s.screen
  if (screen === prev.screen) return
  if (screen.name === 'editor-home' || screen.name === 'library') recorderStore.getState().cancel()
  if (screen.name !== 'result' || !screen.editor) return
  const run: ScoredRun = {
    kind: 'try',
    model: screen.model,
    attempt: screen.attempt,
    result: screen.result,
  }
  recorderStore.setState({
    scored: new Map(recorderStore.getState().scored).set(screen.editor, run),
  })
})
