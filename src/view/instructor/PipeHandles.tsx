// Handles on the points of the selected pipe run (look static.pipe): a small sphere at each point,
// in the pipe's own frame; dragging one moves the point across the plane facing the camera,
// snapping to 5 cm in the pipe's frame like the gizmo, and makes one undoable edit when it ends.
import { createPortal, useThree, type ThreeEvent } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import { MeshBasicMaterial, Plane, SphereGeometry, Vector3, type Mesh, type Object3D } from 'three'
import type { SceneBridge } from '../scene/sceneBridge.ts'

export type Point = [number, number, number]

export interface PipeHandlesProps {
  readonly id: string
  readonly points: readonly Point[]
  readonly bridge: SceneBridge
  /** Called once when a drag ends, with the point's index and its new place (pipe frame, m). */
  readonly onCommit: (index: number, point: Point) => void
}

const SNAP = 0.05
// shared by every handle; drawn over the pipe so that a point inside it can still be grabbed
const SPHERE = new SphereGeometry(0.035, 16, 12)
const material = (color: string) =>
  new MeshBasicMaterial({ color, depthTest: false, transparent: true })
const IDLE = material('#1e88e5')
const HOVER = material('#ffb300')
const snap = (n: number) => Number((Math.round(n / SNAP) * SNAP).toFixed(4)) + 0

/** The point in the pipe's frame for a world point, snapped to the 5 cm grid. Pure but for `part`. */
export function snappedLocal(part: Object3D, world: Vector3): Point {
  const local = part.worldToLocal(world.clone())
  return [snap(local.x), snap(local.y), snap(local.z)]
}

declare global {
  interface Window {
    /** For the browser tests: where the handle of pipe point `index` is, in page pixels. */
    __practicaEditor?: { handlePoint(index: number): { x: number; y: number } | undefined }
  }
}

/** The handles, mounted in the pipe's own group so that they follow its frame. */
export function PipeHandles({ id, points, bridge, onCommit }: PipeHandlesProps) {
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const canvas = useThree((s) => s.gl.domElement)
  const part = scene.getObjectByName(`part:${id}`)
  useEffect(() => {
    window.__practicaEditor = {
      handlePoint(index) {
        const p = points[index]
        if (!part || !p) return undefined
        part.updateWorldMatrix(true, false)
        const v = part.localToWorld(new Vector3(...p)).project(camera)
        const r = canvas.getBoundingClientRect()
        return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height }
      },
    }
    return () => {
      delete window.__practicaEditor
    }
  }, [camera, canvas, part, points])
  if (!part) return null
  return createPortal(
    <>
      {points.map((p, i) => (
        <Handle key={i} index={i} point={p} part={part} bridge={bridge} onCommit={onCommit} />
      ))}
    </>,
    part,
  )
}

interface HandleProps {
  readonly index: number
  readonly point: Point
  readonly part: Object3D
  readonly bridge: SceneBridge
  readonly onCommit: (index: number, point: Point) => void
}

function Handle({ index, point, part, bridge, onCommit }: HandleProps) {
  const mesh = useRef<Mesh>(null)
  const camera = useThree((s) => s.camera)
  const invalidate = useThree((s) => s.invalidate)
  const drag = useRef<{ plane: Plane; moved: Point | null } | null>(null)
  const [hover, setHover] = useState(false)
  const down = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    ;(e.target as unknown as Element).setPointerCapture(e.pointerId)
    const world = mesh.current!.getWorldPosition(new Vector3())
    const normal = camera.getWorldDirection(new Vector3()).negate()
    drag.current = { plane: new Plane().setFromNormalAndCoplanarPoint(normal, world), moved: null }
    bridge.dragging = true
  }
  const move = (e: ThreeEvent<PointerEvent>) => {
    const d = drag.current
    if (!d) return
    e.stopPropagation()
    const hit = e.ray.intersectPlane(d.plane, new Vector3())
    if (!hit) return
    const next = snappedLocal(part, hit)
    d.moved = next
    mesh.current!.position.set(...next)
    invalidate()
  }
  const up = (e: ThreeEvent<PointerEvent>) => {
    const d = drag.current
    if (!d) return
    e.stopPropagation()
    ;(e.target as unknown as Element).releasePointerCapture(e.pointerId)
    drag.current = null
    bridge.dragging = false
    if (d.moved && d.moved.some((v, k) => v !== point[k])) onCommit(index, d.moved)
  }
  return (
    <mesh
      ref={mesh}
      name={`handle:${index}`}
      position={point}
      renderOrder={10}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerOver={(e) => (e.stopPropagation(), setHover(true))}
      onPointerOut={() => setHover(false)}
      onClick={(e) => e.stopPropagation()}
      geometry={SPHERE}
      material={hover ? HOVER : IDLE}
    />
  )
}
