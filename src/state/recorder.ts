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
  proposeTitle,
  scoreAttempt,
  stepIdBase,
  thresholdTitle,
  toScenarioSteps,
  uniqueId,
  usedIds,
  validateScenario,
  type Attempt,
  type AttemptEvent,
  type EditCommand,
  type HazardProposal,
  type JsonObject,
  type JsonValue,
  type Model,
  type PartWords,
  type RecordedAct,
  type RecordedStep,
  type Result,
  type Threshold,
} from '../core/index.ts'
import { appStore } from './appStore.ts'
import { createAttemptStore, toAttempt, type AttemptStore } from './attemptStore.ts'
import type { EditorStore } from './editorStore.ts'

/** A gauge or display read while recording, waiting for the teacher to confirm its threshold. */
export interface PendingReading {
  readonly target: string
  readonly read: number
  readonly threshold: Threshold
}

/** A state that has no name in one of the scenario's locales: the recorder asks for it. */
export interface MissingName {
  readonly target: string
  readonly state: string
  readonly locale: string
}

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

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)

const localesOf = (doc: JsonObject): string[] =>
  Array.isArray(doc['locales']) && doc['locales'].length > 0
    ? doc['locales'].filter((l): l is string => typeof l === 'string')
    : ['en']

function componentOf(doc: JsonObject, id: string): { index: number; part: JsonObject } | undefined {
  const list = doc['components']
  if (!Array.isArray(list)) return undefined
  const index = list.findIndex((c) => isObject(c) && c['id'] === id)
  const part = list[index]
  return isObject(part) ? { index, part } : undefined
}

const wordsOf = (part: JsonObject): PartWords => part as unknown as PartWords

/** The titles of an act in every locale, and the state names missing for some of them. */
function titlesOf(
  doc: JsonObject,
  act: RecordedAct,
): { titles: Record<string, string>; missing: MissingName[] } {
  const locales = localesOf(doc)
  const part = componentOf(doc, act.target)?.part
  const titles: Record<string, string> = {}
  const missing: MissingName[] = []
  for (const locale of locales) {
    const t = part ? proposeTitle(wordsOf(part), act, locale, locales[0]!) : undefined
    titles[locale] = t?.ok ? t.text : ''
    if (t && !t.ok && t.reason === 'state')
      missing.push({ target: act.target, state: t.state, locale })
  }
  return { titles, missing }
}

function thresholdTitles(doc: JsonObject, threshold: Threshold): Record<string, string> {
  const locales = localesOf(doc)
  const part = componentOf(doc, threshold.target)?.part
  const unit = part && typeof part['unit'] === 'string' ? part['unit'] : undefined
  const titles: Record<string, string> = {}
  for (const locale of locales) {
    const t = part
      ? thresholdTitle(
          wordsOf(part),
          threshold.comparison,
          threshold.value,
          unit,
          locale,
          locales[0]!,
        )
      : undefined
    titles[locale] = t?.ok ? t.text : ''
  }
  return titles
}

const sameName = (a: MissingName, b: MissingName) =>
  a.target === b.target && a.state === b.state && a.locale === b.locale

/** The draft's steps with the recording in them, as `finish` writes them. */
function stepsWithRecording(
  doc: JsonObject,
  steps: readonly RecordedStep[],
  replace: boolean,
): JsonValue[] {
  const old = Array.isArray(doc['steps']) ? doc['steps'] : []
  const last = replace ? undefined : old[old.length - 1]
  const first = isObject(last) && typeof last['id'] === 'string' ? [last['id']] : []
  const competency = Array.isArray(doc['competencies']) ? doc['competencies'][0] : undefined
  const recorded = toScenarioSteps(steps, localesOf(doc), {
    first,
    competency:
      isObject(competency) && typeof competency['id'] === 'string' ? competency['id'] : undefined,
  })
  return replace ? recorded : [...old, ...recorded]
}

/** Creates the recorder; `clock` gives milliseconds (performance.now in the app). */
export function createRecorderStore(clock: () => number = () => performance.now()): RecorderStore {
  let unsubscribe: (() => void) | undefined
  let ticker: ReturnType<typeof setInterval> | undefined
  let taken = new Set<string>()

  const store = createStore<RecorderState>()((set, get) => {
    const doc = (): JsonObject => get().editor!.getState().history.doc

    /** The hazards the recording suggests, checked against the recorded run. */
    const refreshHazards = () => {
      const { editor, attempt, steps, replace, hazards } = get()
      if (!editor || !attempt || steps.length === 0) return set({ hazards: [] })
      const d = { ...doc(), steps: stepsWithRecording(doc(), steps, replace) }
      const events = attempt.getState().events.filter((e) => e.action !== 'end')
      const ids = usedIds(d)
      const proposals = proposeHazards(d, events, ids)
      const chosen = new Map(hazards.map((h) => [h.proposal.hazard['when'], h.chosen]))
      set({
        hazards: proposals.map((proposal) => ({
          proposal,
          chosen: chosen.get(proposal.hazard['when']) ?? true,
        })),
      })
    }

    const addAct = (event: AttemptEvent) => {
      if (event.target === undefined || event.action === 'hint' || event.action === 'end') return
      const act: RecordedAct =
        event.value === undefined
          ? { action: event.action, target: event.target }
          : { action: event.action, target: event.target, value: event.value }
      const attempt = get().attempt!
      const model = attempt.getState().setup.model
      const index = model.componentIndex.get(act.target)
      const c = index === undefined ? undefined : model.components[index]
      // a number read off a gauge or a display: a check with a threshold, to confirm
      if (act.action === 'inspect' && c?.value && (c.kind === 'gauge' || c.kind === 'display')) {
        const read = c.value(attempt.getState().sim)
        if (typeof read === 'number') {
          const source = c.source as { min?: number; max?: number }
          return set({
            reading: {
              target: act.target,
              read,
              threshold: proposeThreshold(act.target, read, source.min, source.max),
            },
          })
        }
      }
      const { titles, missing } = titlesOf(doc(), act)
      const step: RecordedStep = {
        id: uniqueId(stepIdBase(act), taken),
        act,
        titles,
        anyOrder: false,
        critical: false,
        points: 1,
      }
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
      editor: null,
      attempt: null,
      replace: false,
      steps: [],
      reading: null,
      missing: [],
      hazards: [],
      scored: new Map(),
      start(editor) {
        stop()
        const { model, meta, history } = editor.getState()
        if (!model) return
        const t0 = clock()
        // the instructor takes the time they need: no time limit ends a recording
        const untimed: Model = { ...model, scoring: { ...model.scoring, timeLimitMs: undefined } }
        const attempt = createAttemptStore(
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
        taken = usedIds(history.doc)
        const oldSteps = Array.isArray(history.doc['steps']) ? history.doc['steps'] : []
        // a template's steps are an example: the recording takes their place unless asked not to
        const replace = meta.source === 'template' || meta.source.startsWith('template:')
        if (replace)
          for (const s of oldSteps)
            if (isObject(s) && typeof s['id'] === 'string') taken.delete(s['id'])
        set({ editor, attempt, replace, steps: [], reading: null, missing: [], hazards: [] })
        unsubscribe = attempt.subscribe((s, prev) => {
          for (const event of s.events.slice(prev.events.length)) addAct(event)
        })
        ticker = setInterval(() => attempt.getState().advance(), model.tickMs)
      },
      cancel() {
        stop()
        set({ editor: null, attempt: null, steps: [], reading: null, missing: [], hazards: [] })
      },
      finish() {
        const { editor, attempt, steps, replace, hazards } = get()
        if (!editor || !attempt || steps.length === 0) return
        const d = doc()
        const chosen = hazards.filter((h) => h.chosen).map((h) => h.proposal.hazard)
        const commands: EditCommand[] = [
          { kind: 'set', path: ['steps'], value: stepsWithRecording(d, steps, replace) },
        ]
        if (chosen.length > 0) {
          const old = Array.isArray(d['hazards']) ? d['hazards'] : []
          commands.push({ kind: 'set', path: ['hazards'], value: [...old, ...chosen] })
        }
        editor.getState().run({ kind: 'batch', label: 'record steps', commands })
        // how the recorded run scores on the draft it made
        const events = attempt.getState().events.filter((e) => e.action !== 'end')
        const valid = validateScenario(editor.getState().history.doc)
        stop()
        if (valid.ok) {
          const model = compileScenario(valid.value)
          const setup = { ...attempt.getState().setup, model }
          const file = toAttempt(setup, [...events, { t: events.at(-1)?.t ?? 0, action: 'end' }])
          const scored = scoreAttempt(model, file)
          if (scored.ok)
            set({
              scored: new Map(get().scored).set(editor, {
                kind: 'recorded',
                model,
                attempt: file,
                result: scored.value,
              }),
            })
        }
        set({ editor: null, attempt: null, steps: [], reading: null, missing: [], hazards: [] })
      },
      setReplace(replace) {
        set({ replace })
        refreshHazards()
      },
      setTitle(index, locale, text) {
        set({
          steps: get().steps.map((s, i) =>
            i === index ? { ...s, titles: { ...s.titles, [locale]: text } } : s,
          ),
        })
      },
      update(index, change) {
        set({ steps: get().steps.map((s, i) => (i === index ? { ...s, ...change } : s)) })
        refreshHazards()
      },
      remove(index) {
        set({ steps: get().steps.filter((_, i) => i !== index) })
        refreshHazards()
      },
      setThreshold(threshold) {
        const reading = get().reading
        if (reading) set({ reading: { ...reading, threshold } })
      },
      confirmReading(asRead = false) {
        const reading = get().reading
        if (!reading) return
        const act: RecordedAct = { action: 'inspect', target: reading.target }
        const step: RecordedStep = asRead
          ? {
              id: uniqueId(stepIdBase(act), taken),
              act,
              titles: titlesOf(doc(), act).titles,
              anyOrder: false,
              critical: false,
              points: 1,
            }
          : {
              id: uniqueId(`${reading.target}-check`.replace(/_/g, '-'), taken),
              threshold: reading.threshold,
              titles: thresholdTitles(doc(), reading.threshold),
              anyOrder: false,
              critical: false,
              points: 1,
            }
        set({ reading: null, steps: [...get().steps, step] })
        refreshHazards()
      },
      dropReading() {
        set({ reading: null })
      },
      nameState(missing, name) {
        const editor = get().editor
        const found = editor && componentOf(doc(), missing.target)
        if (!editor || !found || name.trim() === '') return
        const locales = localesOf(doc())
        const labels = isObject(found.part['stateLabels']) ? found.part['stateLabels'] : {}
        const before = labels[missing.state]
        const text: JsonObject =
          typeof before === 'string'
            ? { [locales[0]!]: before }
            : isObject(before)
              ? { ...before }
              : {}
        text[missing.locale] = name.trim()
        editor.getState().run({
          kind: 'set',
          path: ['components', found.index, 'stateLabels', missing.state],
          value: text,
        })
        // the titles that waited for this name
        set({
          missing: get().missing.filter((m) => !sameName(m, missing)),
          steps: get().steps.map((s) => {
            if (!s.act || s.act.target !== missing.target || s.act.value !== missing.state) return s
            const { titles } = titlesOf(doc(), s.act)
            return {
              ...s,
              titles: {
                ...s.titles,
                [missing.locale]: s.titles[missing.locale] || titles[missing.locale]!,
              },
            }
          }),
        })
      },
      chooseHazard(index, chosen) {
        set({ hazards: get().hazards.map((h, i) => (i === index ? { ...h, chosen } : h)) })
      },
    }
  })
  return store
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
