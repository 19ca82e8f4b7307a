import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { Vector3, type PerspectiveCamera } from 'three'
import type { Model } from '../../core/index.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { partCentre } from './HitVolume.tsx'
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
  /** Where the view the camera came from looks at: "back to the full view" returns there. */
  home: Vector3
  /** A move to a named view under way. */
  flight: Flight | null
}

/** A camera placement as the rig holds it. */
interface Pose {
  readonly target: Vector3
  readonly yaw: number
  readonly pitch: number
  readonly distance: number
  readonly fov: number
}

interface Flight {
  readonly from: Pose
  readonly to: Pose
  /** performance.now() when it began. */
  readonly start: number
}

type Triple = readonly [number, number, number]

const DEFAULT_CAMERA = { position: [0, 1.6, 4] as const, target: [0, 1, 0] as const }
const YAW_LIMIT = (2 * Math.PI) / 3
const CLOSE_DISTANCE = 0.55
const DEFAULT_FOV = 50
/** How long a move to a named view takes, in ms. */
const FLIGHT_MS = 600

/** The learner's view: starts at the scenario's camera, orbits within limits, zooms, and moves close to a part. */
export function CameraRig({ model, ui, bridge }: CameraRigProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const invalidate = useThree((s) => s.invalidate)
  const scene = useThree((s) => s.scene)
  const start = model.scenario.scene?.camera ?? DEFAULT_CAMERA
  const rig = useRef<Rig | null>(null)
  rig.current ??= createRig(start.position, start.target)

  useEffect(() => {
    camera.fov = model.scenario.scene?.camera?.fov ?? DEFAULT_FOV
    camera.near = 0.05
    camera.updateProjectionMatrix()
  }, [camera, model])
  useOrbitControls(rig.current, bridge)
  useEffect(() => {
    const r = rig.current!
    return ui.subscribe((s, prev) => {
      if (s.viewRequests !== prev.viewRequests) {
        const view = model.scenario.scene?.views?.find((v) => v.id === s.view)
        const to = poseOf(
          view ?? start,
          view?.fov ?? model.scenario.scene?.camera?.fov ?? DEFAULT_FOV,
        )
        r.flight = { from: poseOfRig(r, camera.fov), to, start: performance.now() }
        r.baseYaw = to.yaw
        r.baseDistance = to.distance
        r.home.copy(to.target)
        invalidate()
        return
      }
      if (s.closer === prev.closer) return
      const c = s.closer === null ? undefined : model.components[s.closer]
      const group = c && scene.getObjectByName(`part:${c.id}`)
      r.flight = null
      if (group) partCentre(group, r.goal)
      else if (c) r.goal.set(...((c.source.position ?? start.target) as Triple))
      else r.goal.copy(r.home)
      r.goalDistance = c ? CLOSE_DISTANCE : r.baseDistance
      invalidate()
    })
  }, [camera, invalidate, model, scene, start, ui])

  useFrame(() => {
    const r = rig.current!
    if (r.flight && !fly(r, camera)) invalidate()
    else if (!r.flight && !easeRig(r, camera)) invalidate()
  }, -1)

  return null
}

/** Where a view puts the rig. */
function poseOf(view: { position: Triple; target: Triple }, fov: number): Pose {
  const r = createRig(view.position, view.target)
  return { target: r.target, yaw: r.yaw, pitch: r.pitch, distance: r.distance, fov }
}

function poseOfRig(r: Rig, fov: number): Pose {
  return { target: r.target.clone(), yaw: r.yaw, pitch: r.pitch, distance: r.distance, fov }
}

/** Moves the rig along its flight, eased in and out; true once it has arrived (the flight ends). */
function fly(r: Rig, camera: PerspectiveCamera): boolean {
  const { from, to, start } = r.flight!
  const t = Math.min(1, Math.max(0, (performance.now() - start) / FLIGHT_MS))
  const k = t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2
  // the shorter way round
  const turn = Math.atan2(Math.sin(to.yaw - from.yaw), Math.cos(to.yaw - from.yaw))
  r.target.lerpVectors(from.target, to.target, k)
  r.goal.copy(r.target)
  r.yaw = from.yaw + turn * k
  r.pitch = from.pitch + (to.pitch - from.pitch) * k
  r.distance = r.goalDistance = from.distance + (to.distance - from.distance) * k
  const fov = from.fov + (to.fov - from.fov) * k
  if (camera.fov !== fov) {
    camera.fov = fov
    camera.updateProjectionMatrix()
  }
  if (t >= 1) {
    r.yaw = to.yaw
    r.flight = null
  }
  easeRig(r, camera)
  return t >= 1
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
    home: at.clone(),
    flight: null,
  }
}

/** Gives the bridge its `orbit` (the keyboard's path) and orbits and zooms with a drag and the wheel. */
function useOrbitControls(r: Rig, bridge: SceneBridge) {
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    bridge.orbit = (yaw, pitch, zoom = 1) => {
      // the learner takes the camera over: a move to a view stops where it is
      r.flight = null
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
