// What each drawn frame costs the main thread, for the `frame` benchmark and the graphics
// setting's slow-frame check: the milliseconds from the start of R3F's frame (its global
// before-effects) to the end of its render (after-effects), which covers every useFrame callback,
// the scene's matrix updates and the draw submission; and the draw calls and triangles of every
// render pass of that frame (shadow bakes and environment maps included), not only the last one.
import { addAfterEffect, addEffect } from '@react-three/fiber'
import type { WebGLRenderer } from 'three'

export interface FrameStats {
  /** Frames measured so far. */
  readonly frames: number
  /** Main-thread milliseconds of every measured frame, in order (the last 600). */
  readonly cpuMs: readonly number[]
  /** Draw calls of the last frame, over all its render passes. */
  readonly calls: number
  /** Triangles of the last frame, over all its render passes. */
  readonly triangles: number
}

const KEEP = 600

/**
 * Measures every frame `gl` draws from now on; returns how to read the figures and how to stop.
 * The renderer's own counters then add up over a whole frame (three resets them per render call
 * by default, so a frame of several passes would report only its last).
 */
export function measureFrames(gl: WebGLRenderer): { read(): FrameStats; stop(): void } {
  const cpuMs: number[] = []
  let frames = 0
  let started: number | undefined
  let last = { calls: 0, triangles: 0 }
  gl.info.autoReset = false
  const offBefore = addEffect(() => {
    started = performance.now()
    gl.info.reset()
  })
  const offAfter = addAfterEffect(() => {
    if (started === undefined) return
    // a frame in which nothing was drawn (no invalidation reached this renderer) is not counted
    if (gl.info.render.calls > 0) {
      cpuMs.push(performance.now() - started)
      if (cpuMs.length > KEEP) cpuMs.shift()
      frames++
      last = { calls: gl.info.render.calls, triangles: gl.info.render.triangles }
    }
    started = undefined
  })
  return {
    read: () => ({ frames, cpuMs: [...cpuMs], ...last }),
    stop() {
      offBefore()
      offAfter()
      gl.info.autoReset = true
    },
  }
}
