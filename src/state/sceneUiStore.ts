// What the learner is pointing at in the scene, shared by the 3D view and the DOM overlay that
// carries keyboard focus and menus. View state only: nothing here reaches the attempt.
import { createStore, type StoreApi } from 'zustand/vanilla'

export interface SceneUiState {
  /** Component index under the pointer. */
  readonly hovered: number | null
  /** Component index with keyboard focus. */
  readonly focused: number | null
  /** Component index whose menu is open. */
  readonly menu: number | null
  /** Component index the camera has moved close to ("look closer"). */
  readonly closer: number | null
  /** Practice mode: light up the part the next ready step needs. */
  readonly highlightNext: boolean
  /** Labels of every part, or only of the one pointed at. */
  readonly showLabels: boolean
  set(patch: Partial<Omit<SceneUiState, 'set'>>): void
}

export type SceneUiStore = StoreApi<SceneUiState>

export function createSceneUiStore(): SceneUiStore {
  return createStore<SceneUiState>()((set) => ({
    hovered: null,
    focused: null,
    menu: null,
    closer: null,
    highlightNext: false,
    showLabels: true,
    set: (patch) => set(patch),
  }))
}
