import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { Vector3, type PerspectiveCamera } from 'three'
import type { Model } from '../../core/index.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import type { SceneBridge } from './sceneBridge.ts'

export interface CameraRigProps {
  readonly model: Model
  readonly ui: SceneUiStore
  readonly bridge: SceneBridge
}

/** Where the camera looks from and at; `goal` and `goalDistance` are where it is easing to. */
interface Rig {
  target: Vector3
  yaw: number
  pitch: number
  distance: number
  goal: Vector3
  goalDistance: number
  baseYaw: number
  baseDistance: number
}

type Triple = readonly [number, number, number]

const DEFAULT_CAMERA = { position: [0, 1.6, 4] as const, target: [0, 1, 0] as const }
const YAW_LIMIT = (2 * Math.PI) / 3
const CLOSE_DISTANCE = 0.55

/** The learner's view: starts at the scenario's camera, orbits within limits, zooms, and moves close to a part. */
export function CameraRig({ model, ui, bridge }: CameraRigProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const invalidate = useThree((s) => s.invalidate)
  const start = model.scenario.scene?.camera ?? DEFAULT_CAMERA
  const rig = useRef<Rig | null>(null)
  rig.current ??= createRig(start.position, start.target)

  useEffect(() => {
    const fov = model.scenario.scene?.camera?.fov
    if (fov) camera.fov = fov
    camera.near = 0.05
    camera.updateProjectionMatrix()
  }, [camera, model])
  useOrbitControls(rig.current, bridge)
  useEffect(() => {
    const r = rig.current!
    return ui.subscribe((s, prev) => {
      if (s.closer === prev.closer) return
      const c = s.closer === null ? undefined : model.components[s.closer]
      r.goal.set(...((c?.source.position ?? start.target) as Triple))
      r.goalDistance = c ? CLOSE_DISTANCE : r.baseDistance
      invalidate()
    })
  }, [invalidate, model, start.target, ui])

  useFrame(() => {
    if (!easeRig(rig.current!, camera)) invalidate()
  }, -1)

  return null
}

/** The rig for a camera at `position` looking at `target`; its limits are around this view. */
function createRig(position: Triple, target: Triple): Rig {
  const at = new Vector3(...target)
  const offset = new Vector3(...position).sub(at)
  const distance = Math.max(0.5, offset.length())
  const yaw = Math.atan2(offset.x, offset.z)
  return {
    target: at,
    yaw,
    pitch: Math.asin(offset.y / distance),
    distance,
    goal: at.clone(),
    goalDistance: distance,
    baseYaw: yaw,
    baseDistance: distance,
  }
}

/** Gives the bridge its `orbit` (the keyboard's path) and orbits and zooms with a drag and the wheel. */
function useOrbitControls(r: Rig, bridge: SceneBridge) {
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    bridge.orbit = (yaw, pitch, zoom = 1) => {
      r.yaw += yaw
      r.pitch += pitch
      r.goalDistance *= zoom
      // stay within sight of the equipment: a limited turn, no looking from below, a zoom range
      r.yaw = Math.min(r.baseYaw + YAW_LIMIT, Math.max(r.baseYaw - YAW_LIMIT, r.yaw))
      r.pitch = Math.min(1.35, Math.max(-0.15, r.pitch))
      r.goalDistance = Math.min(r.baseDistance * 3, Math.max(0.35, r.goalDistance))
      invalidate()
    }
    const el = gl.domElement
    let last: { x: number; y: number } | null = null
    const down = (e: PointerEvent) => {
      if (e.button === 0) last = { x: e.clientX, y: e.clientY }
    }
    const move = (e: PointerEvent) => {
      if (!last || (e.buttons & 1) === 0 || bridge.dragging) return
      bridge.orbit(-(e.clientX - last.x) * 0.006, (e.clientY - last.y) * 0.006)
      last = { x: e.clientX, y: e.clientY }
    }
    const up = () => (last = null)
    const wheel = (e: WheelEvent) => {
      e.preventDefault()
      bridge.orbit(0, 0, e.deltaY > 0 ? 1.1 : 1 / 1.1)
    }
    el.addEventListener('pointerdown', down)
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    el.addEventListener('wheel', wheel, { passive: false })
    return () => {
      el.removeEventListener('pointerdown', down)
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      el.removeEventListener('wheel', wheel)
    }
  }, [bridge, gl, invalidate, r])
}

/** Moves the rig a fifth of the way to its goal and places the camera; true once it has arrived. */
function easeRig(r: Rig, camera: PerspectiveCamera): boolean {
  r.target.lerp(r.goal, 0.2)
  r.distance += (r.goalDistance - r.distance) * 0.2
  const settled = r.target.distanceTo(r.goal) < 1e-3 && Math.abs(r.goalDistance - r.distance) < 1e-3
  if (settled) {
    r.target.copy(r.goal)
    r.distance = r.goalDistance
  }
  camera.position.set(
    r.target.x + r.distance * Math.cos(r.pitch) * Math.sin(r.yaw),
    r.target.y + r.distance * Math.sin(r.pitch),
    r.target.z + r.distance * Math.cos(r.pitch) * Math.cos(r.yaw),
  )
  camera.lookAt(r.target)
  return settled
}
