import { TransformControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useState } from 'react'
import type { Object3D } from 'three'
import type { SceneBridge } from '../scene/sceneBridge.ts'

export interface GizmoProps {
  readonly id: string
  readonly mode: 'translate' | 'rotate'
  readonly bridge: SceneBridge
  /**
   * Called once when a drag ends, with the part's new position (m) and rotation (degrees), in its
   * parent's frame for a mounted part (as the scenario writes them), else in the world's.
   */
  readonly onCommit: (
    position: [number, number, number],
    rotation: [number, number, number],
  ) => void
}

const round = (n: number, step: number) => Number((Math.round(n / step) * step).toFixed(6)) + 0
const DEG = 180 / Math.PI
const SNAP = 0.05

/** Whether the part is mounted on another (its group sits in another part's group). */
function isMounted(object: Object3D): boolean {
  for (let p = object.parent; p; p = p.parent) if (p.name.startsWith('part:')) return true
  return false
}

/**
 * drei's move/rotate gizmo on the selected part, snapping to 5 cm and 15°; one edit per drag.
 * three's gizmo moves the part's own group, so what it reads back is already in the parent's
 * frame; but it snaps a position on the world's grid, which in a turned or scaled parent's frame
 * is no grid at all. A mounted part is therefore snapped on its parent's 5 cm grid instead.
 */
export function Gizmo({ id, mode, bridge, onCommit }: GizmoProps) {
  const scene = useThree((s) => s.scene)
  const [object, setObject] = useState<Object3D | undefined>(() =>
    scene.getObjectByName(`part:${id}`),
  )
  // a part added just now (or whose look is still loading) is in the scene a frame later
  useFrame(() => {
    const found = scene.getObjectByName(`part:${id}`)
    if (found !== object) setObject(found)
  })
  if (!object) return null
  const mounted = isMounted(object)
  return (
    <TransformControls
      object={object}
      mode={mode}
      translationSnap={mounted ? null : SNAP}
      rotationSnap={Math.PI / 12}
      size={0.7}
      onObjectChange={() => {
        if (!mounted || mode !== 'translate') return
        const p = object.position
        p.set(round(p.x, SNAP), round(p.y, SNAP), round(p.z, SNAP))
      }}
      onMouseDown={() => (bridge.dragging = true)}
      onMouseUp={() => {
        bridge.dragging = false
        const p = object.position
        const r = object.rotation
        onCommit(
          [round(p.x, 0.001), round(p.y, 0.001), round(p.z, 0.001)],
          [round(r.x * DEG, 0.01), round(r.y * DEG, 0.01), round(r.z * DEG, 0.01)],
        )
      }}
    />
  )
}
