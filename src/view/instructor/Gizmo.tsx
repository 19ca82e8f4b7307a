import { TransformControls } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import type { Object3D } from 'three'
import type { SceneBridge } from '../scene/sceneBridge.ts'

export interface GizmoProps {
  readonly id: string
  readonly mode: 'translate' | 'rotate'
  readonly bridge: SceneBridge
  /** Called once when a drag ends, with the part's new position (m) and rotation (degrees). */
  readonly onCommit: (
    position: [number, number, number],
    rotation: [number, number, number],
  ) => void
}

const round = (n: number, step: number) => Math.round(n / step) * step
const DEG = 180 / Math.PI

/** drei's move/rotate gizmo on the selected part, snapping to 5 cm and 15°; one edit per drag. */
export function Gizmo({ id, mode, bridge, onCommit }: GizmoProps) {
  const scene = useThree((s) => s.scene)
  const object: Object3D | undefined = scene.getObjectByName(`part:${id}`)
  if (!object) return null
  return (
    <TransformControls
      object={object}
      mode={mode}
      translationSnap={0.05}
      rotationSnap={Math.PI / 12}
      size={0.7}
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
