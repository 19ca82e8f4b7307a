// The instructor's live class view: one Server-Sent Events stream per tab on the assignment's
// live grid (a `grid` first, then a `learner` row per change), every row as the server's engine
// computed it from the stored events, never from what a learner's app says. The browser resumes
// a dropped stream by Last-Event-ID by itself; when it gives up (the server answered with an
// error, or was away), the store opens a new stream with the last id it saw, so no update is
// missed and the grid stays right. Idleness is worked out here, against the server's clock (its
// offset from this one, taken from each grid), with a timer.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { LiveGrid, LiveLearner } from '../../api/live.ts'
import { loadScenarioJson, readJsonFile, type Model } from '../../core/index.ts'
import { ApiError, apiPath, apiRequest } from '../classroom/api.ts'
import { sessionStore } from '../classroom/sessionStore.ts'
import { staffApi } from '../classroom/staffApi.ts'
import { followLiveStream, type StreamHandlers, type StreamOptions } from './liveStream.ts'

/**
 * - `connecting`: the first grid has not come yet;
 * - `live`: the stream is open;
 * - `reconnecting`: the stream dropped; the grid shown is the last one known;
 * - `refused`: the server will not show this assignment (`refusal` says why).
 */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'refused'

export interface LiveState {
  readonly assignmentId: string
  readonly connection: LiveConnection
  readonly refusal: ApiError | null
  /** the assignment's scenario, its id and version (null until the first grid) */
  readonly scenario: LiveGrid['scenario'] | null
  /** the scenario compiled, for step and hazard titles and the live 3D view */
  readonly model: Model | null
  /** the scenario could not be read (its refusal) */
  readonly modelError: ApiError | null
  readonly stepsTotal: number
  readonly idleMinutes: number
  /** the learners in the server's order (by learner ID), by user id */
  readonly order: readonly string[]
  readonly learners: Readonly<Record<string, LiveLearner>>
  /** the server's clock minus this one, in ms (from the last grid) */
  readonly offsetMs: number
  /** this browser's clock at the last tick of the timer */
  readonly now: number
  /** one more each time a learner newly raises a critical hazard; `alertFor` is who */
  readonly alerts: number
  readonly alertFor: string | null
  /** the id of the last event received (what a new stream resumes from) */
  readonly lastEventId: string | null
  /** Saves the idle setting on the server (null: back to the default). */
  setIdleMinutes(minutes: number | null): Promise<{ ok: true } | { ok: false; error: ApiError }>
  /** Closes the stream and stops the timer. */
  stop(): void
}

export type LiveStore = StoreApi<LiveState>

export interface LiveOptions extends StreamOptions {
  readonly clock?: () => number
  /** ms between the idle timer's ticks */
  readonly tickMs?: number
}

/** Whether `learner` has been idle longer than the setting, at the server's time `serverNow`. Pure. */
export function isIdle(learner: LiveLearner, serverNow: number, idleMinutes: number): boolean {
  if (learner.status !== 'working' || learner.lastActivityAt === null) return false
  return serverNow - Date.parse(learner.lastActivityAt) > idleMinutes * 60_000
}

/** Reads the scenario's published bytes into a model (its looks checked for form only). */
async function modelOf(
  scenario: LiveGrid['scenario'],
): Promise<{ ok: true; model: Model } | { ok: false; error: ApiError }> {
  const bytes = await staffApi.scenarioBytes(scenario.id, scenario.version)
  if (!bytes.ok) return { ok: false, error: bytes.error }
  const json = readJsonFile(bytes.value)
  const loaded = json.ok ? loadScenarioJson(json.value, bytes.value, { looks: 'form' }) : json
  if (!loaded.ok)
    return {
      ok: false,
      error: new ApiError(
        200,
        'invalid-scenario',
        loaded.problems[0]?.message ?? 'The scenario cannot be read.',
      ),
    }
  return { ok: true, model: loaded.value }
}

/** How the stream's opening, failing, dropping and refusal move the store's `connection`. */
function connectionOf(
  store: LiveStore,
): Pick<StreamHandlers, 'opened' | 'failed' | 'dropped' | 'refused'> {
  const { getState: get, setState: set } = store
  return {
    opened() {
      if (get().order.length > 0 || get().lastEventId !== null) set({ connection: 'live' })
    },
    failed() {
      if (get().connection === 'live') set({ connection: 'reconnecting' })
    },
    dropped() {
      if (get().connection !== 'refused' && get().connection !== 'connecting')
        set({ connection: 'reconnecting' })
    },
    refused(e) {
      if (e.status === 401) sessionStore.getState().sessionLost()
      set({ connection: 'refused', refusal: e })
    },
  }
}

/** Saves the assignment's idle setting on the server (null: back to the default). */
async function saveIdleMinutes(
  assignmentId: string,
  minutes: number | null,
): Promise<{ ok: true; idleMinutes: number } | { ok: false; error: ApiError }> {
  try {
    const answer = await apiRequest<{ idleMinutes: number }>(
      'PUT',
      apiPath('assignments', assignmentId, 'live', 'idle'),
      { body: { minutes } },
    )
    return { ok: true, idleMinutes: answer.idleMinutes }
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0, 'network', String(e))
    if (error.status === 401) sessionStore.getState().sessionLost()
    return { ok: false, error }
  }
}

/** The live view of one assignment: opens its stream at once. */
export function createLiveStore(assignmentId: string, options: LiveOptions = {}): LiveStore {
  const clock = options.clock ?? (() => Date.now())
  let stopped = false
  let modelFor = ''

  const store = createStore<LiveState>()((set) => ({
    assignmentId,
    connection: 'connecting',
    refusal: null,
    scenario: null,
    model: null,
    modelError: null,
    stepsTotal: 0,
    idleMinutes: 3,
    order: [],
    learners: {},
    offsetMs: 0,
    now: clock(),
    alerts: 0,
    alertFor: null,
    lastEventId: null,
    async setIdleMinutes(minutes) {
      const saved = await saveIdleMinutes(assignmentId, minutes)
      if (saved.ok) set({ idleMinutes: saved.idleMinutes })
      return saved.ok ? { ok: true } : saved
    },
    stop() {
      stopped = true
      stream.stop()
      clearInterval(ticker)
    },
  }))
  const { setState: set, getState: get } = store

  /** a new critical hazard of `userId`: the screen sounds and flashes */
  const alert = (userId: string) => set({ alerts: get().alerts + 1, alertFor: userId })

  const loadModel = (scenario: LiveGrid['scenario']) => {
    const key = `${scenario.id}@${scenario.version}`
    if (modelFor === key) return
    modelFor = key
    void modelOf(scenario).then((answer) => {
      if (stopped || modelFor !== key) return
      if (answer.ok) set({ model: answer.model, modelError: null })
      else {
        modelFor = ''
        set({ modelError: answer.error })
      }
    })
  }

  const applyGrid = (grid: LiveGrid, id: string) => {
    const before = get().learners
    const learners: Record<string, LiveLearner> = {}
    for (const l of grid.learners) learners[l.userId] = l
    set({
      connection: 'live',
      refusal: null,
      scenario: grid.scenario,
      stepsTotal: grid.stepsTotal,
      idleMinutes: grid.idleMinutes,
      order: grid.learners.map((l) => l.userId),
      learners,
      offsetMs: Date.parse(grid.serverTime) - clock(),
      now: clock(),
      lastEventId: id,
    })
    for (const l of grid.learners) if (l.critical && !before[l.userId]?.critical) alert(l.userId)
    loadModel(grid.scenario)
  }

  const applyLearner = (row: LiveLearner, id: string) => {
    const { learners, order } = get()
    const before = learners[row.userId]
    set({
      connection: 'live',
      learners: { ...learners, [row.userId]: row },
      // a learner who joined the class since the grid came
      order: before ? order : [...order, row.userId],
      lastEventId: id,
    })
    if (row.critical && !before?.critical) alert(row.userId)
  }

  const stream = followLiveStream(assignmentId, () => get().lastEventId, {
    openStream: options.openStream,
    retryMs: options.retryMs,
    grid: applyGrid,
    learner: applyLearner,
    ...connectionOf(store),
  })
  const ticker = setInterval(() => set({ now: clock() }), options.tickMs ?? 5000)
  return store
}

/** The server's time now, as this browser reckons it. */
export const serverNow = (s: Pick<LiveState, 'now' | 'offsetMs'>) => s.now + s.offsetMs
