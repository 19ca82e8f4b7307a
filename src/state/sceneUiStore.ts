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
  /** The named view (`scene.views` id) the camera was last sent to; null for the start view. */
  readonly view: string | null
  /** How many times a view was asked for: asking for the current one again brings it back. */
  readonly viewRequests: number
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
    view: null,
    viewRequests: 0,
    set: (patch) => set(patch),
  }))
}

/** Sends the camera to a named view (null: the start view), leaving any close look. */
export function goToView(ui: SceneUiStore, view: string | null): void {
  const s = ui.getState()
  s.set({ view, viewRequests: s.viewRequests + 1, closer: null })
}
