import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import { Matrix4 } from 'three'
import { FRAMES_TO_JUDGE, type GraphicsStore } from '../../state/graphics.ts'

export interface FrameMeterProps {
  readonly graphics: GraphicsStore
}

/** Frames drawn while the camera moves that are left out first: shaders compile, looks arrive. */
const WARM_UP = 15
/** A longer gap between two frames is a pause in the learner's moves, not a frame. */
const LONGEST_FRAME_MS = 400

/**
 * Measures real frame times while the camera moves (drawn frames one after another, as when the
 * learner turns the view) and tells the graphics store, which may propose Simple. Draws nothing
 * and asks for no frame: on demand rendering, it only sees the frames something else asked for.
 */
export function FrameMeter({ graphics }: FrameMeterProps) {
  const m = useRef({ last: -1, seen: 0, view: new Matrix4(), times: [] as number[] })
  useFrame(({ camera }) => {
    const r = m.current
    const now = performance.now()
    const moved = !camera.matrixWorld.equals(r.view)
    r.view.copy(camera.matrixWorld)
    const gap = now - r.last
    r.last = moved ? now : -1
    if (!moved || gap > LONGEST_FRAME_MS || gap <= 0) return
    if (++r.seen <= WARM_UP) return
    r.times.push(gap)
    if (r.times.length > FRAMES_TO_JUDGE * 3) r.times.shift()
    if (r.times.length >= FRAMES_TO_JUDGE) graphics.getState().reportFrameTimes(r.times)
  })
  return null
}
