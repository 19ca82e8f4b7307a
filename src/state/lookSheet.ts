// The look sheet's scene: a scenario that only shows looks (src/view/scene/looks/sheet.ts makes
// it), loaded and started like any other but never played, so nothing is recorded. Read-only;
// its lockable copies are shown locked and tagged.
import { createStore } from 'zustand/vanilla'
import {
  applyInput,
  createStart,
  type AttemptEvent,
  loadScenarioJson,
  type JsonValue,
  type Model,
  type Outcome,
} from '../core/index.ts'
import type { SceneSource, SceneState } from './sceneSource.ts'

export interface LookSheet {
  readonly model: Model
  /** The sheet at the engine's start state, read-only: the scene can show it, never act on it. */
  readonly scene: SceneSource
}

/** Loads the sheet `scenario` and its start state for the 3D view, or the problems with it. */
export function createLookSheet(scenario: JsonValue): Outcome<LookSheet> {
  const text = JSON.stringify(scenario)
  const loaded = loadScenarioJson(scenario, text)
  if (!loaded.ok) return loaded
  const model = loaded.value
  const sim = createStart(model, 'practice', [])
  // a part that can be locked out is shown locked and tagged, as a learner leaves it
  const events: AttemptEvent[] = model.components.flatMap((c) => [
    ...(c.lockable ? [{ t: 0, action: 'lock', target: c.id }] : []),
    ...(c.taggable ? [{ t: 0, action: 'tag', target: c.id }] : []),
  ])
  events.forEach((event, index) => applyInput(model, sim, { type: 'event', index, event }))
  const state: SceneState = { model, sim, events: [], readOnly: true }
  return { ok: true, value: { model, scene: createStore<SceneState>()(() => state) } }
}
