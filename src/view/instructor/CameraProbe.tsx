// Reads the editor's camera for "Save the current camera as a view": where it is, what it looks
// at (the first thing at the middle of the view, else a point 3 m ahead) and its field of view.
// Rendered inside the 3D view; the DOM side asks through the probe object it was given.
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { Raycaster, Vector2, Vector3, type PerspectiveCamera } from 'three'

export interface CameraPose {
  readonly position: [number, number, number]
  readonly target: [number, number, number]
  readonly fov: number
}

/** Filled by the probe while the 3D view is up. */
export interface CameraProbeHandle {
  read: () => CameraPose | undefined
}

const AHEAD = 3
const r2 = (n: number) => Math.round(n * 100) / 100 + 0

/** Where a view is looked at from: a hit at the middle of the view, else `AHEAD` m along it. */
export function CameraProbe({ probe }: { readonly probe: CameraProbeHandle }) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const scene = useThree((s) => s.scene)
  useEffect(() => {
    probe.read = () => {
      camera.updateMatrixWorld()
      const ray = new Raycaster()
      ray.setFromCamera(new Vector2(0, 0), camera)
      ray.far = 50
      const hit = ray
        .intersectObjects(scene.children, true)
        .find((h) => h.object.visible && !h.object.name.startsWith('handle'))
      const position = camera.getWorldPosition(new Vector3())
      const ahead = position.clone().addScaledVector(ray.ray.direction, AHEAD)
      const target = hit && hit.distance > 0.2 ? hit.point : ahead
      return {
        position: [r2(position.x), r2(position.y), r2(position.z)],
        target: [r2(target.x), r2(target.y), r2(target.z)],
        fov: Math.round(camera.fov),
      }
    }
    return () => {
      probe.read = () => undefined
    }
  }, [camera, probe, scene])
  return null
}
