// Machines that turn while they run: the scene renders on demand, so a running machine asks for
// the next frame from each frame it draws, and a stopped one asks for none.
import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import type { Group } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import type { LookProps } from '../types.ts'

/**
 * Follows the part's `running` value: the returned group is named `machine-running` or
 * `machine-stopped`, and `turn` is called with the frame's seconds only while it runs.
 */
export function useRunning(props: LookProps, turn: (seconds: number) => void) {
  const { model, index, store } = props
  const root = useRef<Group>(null)
  const running = useRef(false)
  useSceneEffect(store, selectDerived(model, index), (value) => {
    running.current = value === true
    root.current!.name = running.current ? 'machine-running' : 'machine-stopped'
  })
  useFrame(({ invalidate }, delta) => {
    if (!running.current) return
    // a long pause (a hidden tab) must not jump the fan round
    turn(Math.min(delta, 0.1))
    invalidate()
  })
  return root
}
