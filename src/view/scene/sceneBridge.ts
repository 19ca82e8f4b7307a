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

export interface SceneBridge {
  /** Overlay elements that follow part `index` (its focus target and its label). */
  readonly followers: Map<number, Set<HTMLElement>>
  /** Screen position of a part, relative to the canvas; set by the 3D side. */
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
