// The scenario being edited: its undoable history of commands, what the engine says is wrong
// with it, the last version that compiled (for the 3D view and "Try it"), and the selection.
// Every change is kept as a draft in IndexedDB.
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  canRedo,
  canUndo,
  compileScenario,
  createHistory,
  createStart,
  ExpressionCache,
  findMissingTexts,
  pushCommand,
  redo,
  scoreExample,
  undo,
  validateScenario,
  type Collection,
  type EditCommand,
  type ExampleScore,
  type History,
  type JsonObject,
  type MissingText,
  type Model,
  type Problem,
  type Slips,
} from '../core/index.ts'
import { runtimeMessage } from './runtimeError.ts'
import { saveDraft } from './drafts.ts'
import type { SceneSource, SceneState } from './sceneSource.ts'
import {
  createSolveRunner,
  spawnSolveWorker,
  type SolverStatus,
  type SolverWorker,
} from './solveRunner.ts'

export interface Selection {
  /** A collection of elements with ids, the rules (which have none), or the scenario's own settings. */
  readonly collection: Collection | 'rules' | 'scenario'
  readonly index: number
}

export interface DraftMeta {
  readonly id: string
  readonly name: string
  readonly source: string
  readonly openedVersion: string | undefined
}

export interface EditorState {
  readonly meta: DraftMeta
  readonly history: History
  readonly problems: readonly Problem[]
  /** The last state of the document that passed validation, compiled. */
  readonly model: Model | undefined
  /**
   * The equipment as it stands at the start, for the 3D view: one store for the editing session,
   * given each recompiled model, so parts whose values did not change are not drawn again. It
   * keeps the last model that could start when a newer one cannot (a scenario's mistake at run
   * time); none until a model can start.
   */
  readonly scene: SceneSource | undefined
  /** The newest model cannot start: the scenario's mistake at its start (the engine's words). */
  readonly sceneError: string | null
  readonly selected: Selection | null
  readonly canUndo: boolean
  readonly canRedo: boolean
  /** Set while a field waits for the instructor to click a part in 3D (a step's target). */
  readonly picking: ((componentId: string) => void) | null
  /** A named view (`scene.views` id) the editor's camera was asked to go to, and how often. */
  readonly viewRequest: { readonly id: string; readonly n: number } | null
  /** The background solver on the draft as it stands (see solveRunner.ts). */
  readonly solver: SolverStatus
  /** Texts missing in one of the scenario's languages (warnings: the format does not require them). */
  readonly missingTexts: readonly MissingText[]
  /** The slips of the example attempt that shows what the penalties and levels do. */
  readonly slips: Slips
  /** The example attempt's score: the reference run with `slips`, scored by the engine. */
  readonly example: ExampleScore | undefined
  run(command: EditCommand): void
  undo(): void
  redo(): void
  select(selection: Selection | null): void
  pick(onPick: ((componentId: string) => void) | null): void
  /** Moves the editor's camera to a named view of the draft. */
  goToView(id: string): void
  setSlips(slips: Slips): void
}

export interface EditorOptions {
  /** A worker for the background solver; none turns it off (Node, where there are no workers). */
  readonly spawnSolver?: () => SolverWorker | undefined
  /** The author's pause after which the solver starts. */
  readonly solveDelayMs?: number
}

const EXAMPLE_SLIPS: Slips = { outOfOrder: 1, hints: 1, unexpected: 0, blocked: 0 }

/** The example attempt's score on `model`, when the solver has a reference run. */
function exampleOf(
  model: Model | undefined,
  solver: SolverStatus,
  slips: Slips,
): ExampleScore | undefined {
  const reply = solver.reply
  return model && reply?.ok ? scoreExample(model, reply.events, slips) : undefined
}

export type EditorStore = StoreApi<EditorState>

/**
 * What the editor does after every change: validate the document and, when it is valid, compile
 * it for the 3D view; an invalid document keeps the `previous` model. `cache` holds the parsed
 * expressions of the editing session, so an edit re-parses only the expressions it changed.
 */
export function checkDocument(
  doc: JsonObject,
  previous: Model | undefined,
  cache: ExpressionCache,
): { problems: readonly Problem[]; model: Model | undefined } {
  const valid = validateScenario(doc, cache)
  return valid.ok
    ? { problems: [], model: compileScenario(valid.value, undefined, cache) }
    : { problems: valid.problems, model: previous }
}

type StartScene = Pick<EditorState, 'scene' | 'sceneError'>

/** The draft at its start for the 3D view, following each compiled model (see `scene`). */
function followStart(): (model: Model | undefined) => StartScene {
  let scene: StoreApi<SceneState> | undefined
  let sceneError: string | null = null
  return (model) => {
    if (!model || model === scene?.getState().model) return { scene, sceneError }
    try {
      const next = { model, sim: createStart(model, 'practice', []), events: [], readOnly: true }
      if (scene) scene.setState(next)
      else scene = createStore<SceneState>()(() => next)
      sceneError = null
    } catch (e) {
      sceneError = runtimeMessage(e)
    }
    return { scene, sceneError }
  }
}

/**
 * An editor on `doc`; every change is saved as draft `meta.id` (after `delayMs` of quiet) and
 * solved in the background (`options`).
 */
export function createEditorStore(
  meta: DraftMeta,
  doc: JsonObject,
  delayMs = 300,
  options: EditorOptions = {},
): EditorStore {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cache = new ExpressionCache()
  const sceneOf = followStart()
  const check = (doc: JsonObject, previous: Model | undefined) => {
    const checked = checkDocument(doc, previous, cache)
    return { ...checked, ...sceneOf(checked.model) }
  }
  const store = createStore<EditorState>()((set, get) => {
    const update = (history: History) => {
      const checked = check(history.doc, get().model)
      set({
        history,
        ...checked,
        missingTexts: findMissingTexts(history.doc),
        example: exampleOf(checked.model, get().solver, get().slips),
        canUndo: canUndo(history),
        canRedo: canRedo(history),
      })
    }
    const history = createHistory(doc)
    return {
      meta,
      history,
      ...check(doc, undefined),
      selected: { collection: 'scenario', index: 0 },
      canUndo: false,
      canRedo: false,
      run: (command) => update(pushCommand(get().history, command)),
      undo: () => update(undo(get().history)),
      redo: () => update(redo(get().history)),
      picking: null,
      select: (selected) => set({ selected }),
      pick: (picking) => set({ picking }),
      viewRequest: null,
      goToView: (id) => set({ viewRequest: { id, n: (get().viewRequest?.n ?? 0) + 1 } }),
      solver: { state: 'waiting', reply: undefined },
      missingTexts: findMissingTexts(doc),
      slips: EXAMPLE_SLIPS,
      example: undefined,
      setSlips: (slips) => set({ slips, example: exampleOf(get().model, get().solver, slips) }),
    }
  })
  const runner = createSolveRunner(
    options.spawnSolver ?? spawnSolveWorker,
    (solver) =>
      store.setState({
        solver,
        example: exampleOf(store.getState().model, solver, store.getState().slips),
      }),
    options.solveDelayMs,
  )
  runner.schedule(doc)
  store.subscribe((s, prev) => {
    if (s.history.doc === prev.history.doc) return
    runner.schedule(s.history.doc)
    clearTimeout(timer)
    timer = setTimeout(() => void persist(store), delayMs)
  })
  return store
}

/** Saves the draft now (also called before leaving the editor). */
export async function persist(store: EditorStore): Promise<void> {
  const { meta, history } = store.getState()
  await saveDraft({ ...meta, doc: history.doc, updatedAt: Date.now() })
}
