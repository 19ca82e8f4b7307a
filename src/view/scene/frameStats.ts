// What each drawn frame costs the main thread, for the `frame` and `drawcalls` benchmarks (read
// through the page's test hook, SceneView's window.__practica): the milliseconds from the start of R3F's frame (its global
// before-effects) to the end of its render (after-effects), which covers every useFrame callback,
// the scene's matrix updates and the draw submission; and the draw calls and triangles of every
// render pass of that frame (shadow bakes and environment maps included), not only the last one.
import { addAfterEffect, addEffect, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import type { Object3D, WebGLRenderer } from 'three'

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

/** The scene now shown, as the test hook reads it: set by FrameProbe, cleared when it unmounts. */
export const frameProbe: { read?: () => FrameStats; naiveCalls?: () => number } = {}

/**
 * Draw calls the scene's last frame would take drawn the naive way, one mesh per piece: each
 * shown mesh, line or sprite once, and each instance of an instanced mesh once.
 */
export function countNaiveCalls(scene: Object3D): number {
  let calls = 0
  const visit = (o: Object3D) => {
    if (!o.visible) return
    const drawn = o as Object3D & { isInstancedMesh?: boolean; count?: number; isMesh?: boolean }
    if (drawn.isInstancedMesh) calls += drawn.count ?? 0
    else if (drawn.isMesh || 'isLine' in o || 'isSprite' in o || 'isPoints' in o) calls++
    o.children.forEach(visit)
  }
  visit(scene)
  return calls
}

/** Measures the frames of the 3D root it is in, for the test hook. Draws nothing. */
export function FrameProbe() {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  useEffect(() => {
    const meter = measureFrames(gl)
    frameProbe.read = meter.read
    frameProbe.naiveCalls = () => countNaiveCalls(scene)
    return () => {
      meter.stop()
      delete frameProbe.read
      delete frameProbe.naiveCalls
    }
  }, [gl, scene])
  return null
}
