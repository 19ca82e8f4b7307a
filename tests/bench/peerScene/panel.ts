// What the drawcalls benchmark hands its peer page: the panel as placed in the scenario, and the
// surroundings and view the app gives it, so both sides draw the same things from the same place.

export interface PeerPart {
  /** The part's kind: each kind has its own shape. */
  readonly kind: 'button' | 'switch' | 'selector' | 'valve' | 'breaker'
  readonly position: readonly [number, number, number]
  /** Degrees, as in the scenario. */
  readonly rotation: readonly [number, number, number]
  readonly color: string
}

export interface PeerPanel {
  readonly background: string
  readonly floor: string
  /** The workshop's back wall, as the app draws it. */
  readonly wall: string
  readonly camera: {
    readonly position: readonly [number, number, number]
    readonly target: readonly [number, number, number]
    readonly fov: number
  }
  readonly parts: readonly PeerPart[]
}

export interface PeerFrame {
  /** Draw calls of one frame (`renderer.info.render.calls`). */
  readonly calls: number
  /** Parts whose centre is inside the view. */
  readonly inView: number
}

declare global {
  interface Window {
    /**
     * Draws the panel once and reports the renderer's figures for that frame: `plain` with one
     * mesh per part, `instanced` with one InstancedMesh per kind of part.
     */
    __peerScene?: { draw(panel: PeerPanel, way: 'plain' | 'instanced'): PeerFrame }
  }
}
