// The hand-over between the DOM around the canvas and the R3F root inside it: the 3D side
// registers how to project parts to the screen and how to move the camera; the DOM side
// registers the overlay elements that follow the parts. Plain mutable object, no React state.

export interface ScreenPoint {
  readonly x: number
  readonly y: number
  /** In front of the camera and inside the canvas. */
  readonly visible: boolean
}

/** What the renderer did in its last frame (three's `renderer.info.render`). */
export interface RenderInfo {
  readonly calls: number
  readonly triangles: number
  /** Frames drawn so far. */
  readonly frames: number
}

/** A part's label in the overlay, placed by the 3D side on every drawn frame (labelLayout). */
export interface LabelEntry {
  readonly el: HTMLElement
  /** The line from the part to its label, shown when the label had to move away. */
  readonly leader: HTMLElement
  /** The label's size, measured when its text or language changes (not every frame). */
  width: number
  height: number
}

export interface SceneBridge {
  /** Overlay elements that follow part `index` (its focus target). */
  readonly followers: Map<number, Set<HTMLElement>>
  /** The label of part `index`. */
  readonly labels: Map<number, LabelEntry>
  /** Labels of every part that has room (the Labels toggle), or only of the priority parts. */
  showAllLabels: boolean
  /** Parts whose label is shown first and always: hovered, focused, needed by the current step. */
  priorityLabels: readonly number[]
  /** The component id a click at canvas point (x, y) would reach first; set by the 3D side. */
  pickAt: (x: number, y: number) => string | undefined
  /** Screen position of a part (the middle of its shape), relative to the canvas; set by the 3D side. */
  project: (index: number) => ScreenPoint | undefined
  /** Turns the view (radians) and zooms it (factor); set by the camera rig. */
  orbit: (yaw: number, pitch: number, zoom?: number) => void
  /** Asks for a new frame; set by the 3D side. */
  invalidate: () => void
  /** The renderer's figures for its last frame; set by the 3D side. */
  renderInfo: () => RenderInfo | undefined
  /** A gizmo is being dragged: the camera must not turn with the pointer. */
  dragging: boolean
}

export function createSceneBridge(): SceneBridge {
  return {
    followers: new Map(),
    labels: new Map(),
    showAllLabels: true,
    priorityLabels: [],
    pickAt: () => undefined,
    project: () => undefined,
    orbit: () => undefined,
    invalidate: () => undefined,
    renderInfo: () => undefined,
    dragging: false,
  }
}

/** Registers an element that follows a part on screen; returns the unregister function. */
export function follow(bridge: SceneBridge, index: number, el: HTMLElement): () => void {
  let set = bridge.followers.get(index)
  if (!set) bridge.followers.set(index, (set = new Set()))
  set.add(el)
  bridge.invalidate()
  return () => set.delete(el)
}

/**
 * Registers the label of part `index`: its size is measured now and whenever it changes (its text,
 * the language, emphasis), and each change asks for a frame; returns the unregister function.
 */
export function placeLabel(
  bridge: SceneBridge,
  index: number,
  el: HTMLElement,
  leader: HTMLElement,
): () => void {
  const entry: LabelEntry = { el, leader, width: el.offsetWidth, height: el.offsetHeight }
  bridge.labels.set(index, entry)
  const observer =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => {
          // layout has just run: reading the size forces nothing
          entry.width = el.offsetWidth
          entry.height = el.offsetHeight
          bridge.invalidate()
        })
  observer?.observe(el)
  bridge.invalidate()
  return () => {
    observer?.disconnect()
    if (bridge.labels.get(index) === entry) bridge.labels.delete(index)
  }
}
