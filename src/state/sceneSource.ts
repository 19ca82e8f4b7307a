// What the 3D scene reads: a model, the engine's state to show and the events so far, from a
// read-only store. Live play, replay and the editor each give the scene one of these; only live
// play also gives it a way to act (a PartController), so nothing has to fake acting.
import type { StoreApi } from 'zustand/vanilla'
import type { AttemptEvent, Model, SimState } from '../core/index.ts'

export interface SceneState {
  readonly model: Model
  readonly sim: SimState
  readonly events: readonly AttemptEvent[]
  /** The learner cannot act on what is shown (a replay, the editor, another tab's attempt). */
  readonly readOnly: boolean
}

/** A store the scene can read and subscribe to, never write. */
export type SceneSource = Pick<StoreApi<SceneState>, 'getState' | 'getInitialState' | 'subscribe'>
