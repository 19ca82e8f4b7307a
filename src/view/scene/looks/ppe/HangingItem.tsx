import { useFrame, useThree } from '@react-three/fiber'
import { useRef, type ReactNode } from 'react'
import { Quaternion, Vector3, type Camera, type Group, type PerspectiveCamera } from 'three'
import { getWornSlot, useSceneEffect } from '../../hooks.ts'
import type { LookProps } from '../types.ts'
import { Hook } from './Hook.tsx'

type Triple = readonly [number, number, number]

export interface HangingItemProps {
  readonly look: LookProps
  /** The middle of the item's body in its own frame: where it is held when worn. */
  readonly centre: Triple
  /** The item's scale when worn, so that it fits the row of worn items (about 0.1 m across). */
  readonly wornScale: number
  readonly children: ReactNode
}

/**
 * An item drawn on its hook. A component of kind `item` hangs on its hook while `stored`; `worn`,
 * it leaves the hook empty and is shown in the row of worn items along the bottom of the view,
 * turned to face the learner, its group named `item-worn` (where labels and focus find it). A
 * tool of another kind (a meter showing a value, a radio as a button) is drawn as it is, on a hook
 * only where it is mounted on a PPE station.
 */
export function HangingItem(props: HangingItemProps) {
  const { model, index, detail } = props.look
  const c = model.components[index]!
  if (c.kind === 'item') return <WearableItem {...props} />
  // a tool kept on a PPE station still hangs on a hook there
  const parent =
    c.source.parent === undefined ? undefined : model.componentIndex.get(c.source.parent)
  const onRack = parent !== undefined && model.components[parent]!.source.look === 'static.ppe-rack'
  return (
    <group>
      {onRack && <Hook detail={detail} />}
      {props.children}
    </group>
  )
}

/**
 * How far in front of the camera worn items are held, metres: near, so that equipment the camera
 * stands close to does not hide them (the camera's near plane is at 0.05 m).
 */
const WORN_DISTANCE = 0.4
/** The row's sizes are given for items held 0.9 m away, and scaled to WORN_DISTANCE. */
const NEAR = WORN_DISTANCE / 0.9
/** Room for one worn item in the row, metres at 0.9 m. */
const WORN_PITCH = 0.13

/**
 * Where worn item number `slot` is held, in the camera's frame: a row from the bottom-right corner
 * of the view leftwards, each item just clear of the edges whatever the camera's field of view.
 */
export function getWornPlace(camera: Camera, slot: number, out: Vector3): Vector3 {
  const perspective = camera as Partial<PerspectiveCamera>
  const half = 0.9 * Math.tan(((perspective.fov ?? 50) * Math.PI) / 360)
  const aspect = perspective.aspect ?? 16 / 9
  return out.set(half * aspect - 0.09 - slot * WORN_PITCH, -half + 0.075, -0.9).multiplyScalar(NEAR)
}

const target = new Vector3()
const turn = new Quaternion()
const scale = new Vector3()
const view = new Quaternion()

/**
 * Where the item goes now (in its parent's frame, into `target`, `turn` and the returned scale):
 * its worn place before `camera`, or back on its hook.
 */
function getGoal(g: Group, camera: Camera, worn: boolean, slot: number, props: HangingItemProps) {
  const parent = g.parent!
  parent.updateWorldMatrix(true, false)
  if (!worn) {
    target.set(...props.centre)
    turn.identity()
    return 1
  }
  // a row along the bottom-right edge of the view, out of the way of the equipment
  camera.updateMatrixWorld()
  camera.localToWorld(getWornPlace(camera, slot, target))
  parent.worldToLocal(target)
  // facing the learner whatever the part's own turn
  parent.getWorldQuaternion(turn).invert().multiply(camera.getWorldQuaternion(view))
  return (props.wornScale * NEAR) / parent.getWorldScale(scale).x
}

function WearableItem(props: HangingItemProps) {
  const { model, index, store, detail } = props.look
  const { centre, children } = props
  const get = useThree((s) => s.get)
  const moving = useRef<Group>(null)
  // worn or not; the slot in the row it heads for; whether it is there and follows the camera
  const state = useRef({ worn: false, slot: -1, there: false, drawn: false })
  useSceneEffect(
    store,
    (s) => (s.sim.comps[index] === 'worn' ? getWornSlot(model, s.sim.comps, index) : -1),
    (slot) => {
      const g = moving.current!
      const r = state.current
      r.worn = slot >= 0
      r.slot = slot
      g.name = r.worn ? 'item-worn' : 'item-stored'
      // an item already worn when the scene opens is simply there; a change sets it moving
      r.there = !r.drawn
      r.drawn = true
      if (r.there && g.parent) {
        g.scale.setScalar(getGoal(g, get().camera, r.worn, slot, props))
        g.position.copy(target)
        g.quaternion.copy(turn)
      }
    },
  )
  useFrame(({ camera, invalidate }, delta) => {
    const g = moving.current
    const r = state.current
    if (!g?.parent) return
    const size = getGoal(g, camera, r.worn, r.slot, props)
    // once there, a worn item moves with the camera at once: it does not trail behind an orbit
    // on its way, it closes most of the distance in half a second whatever the frame rate
    const step = r.there ? 1 : 1 - Math.exp(-Math.min(delta, 0.1) * 9)
    const away =
      g.position.distanceTo(target) > 0.0005 ||
      g.quaternion.angleTo(turn) > 0.001 ||
      Math.abs(g.scale.x - size) > 0.001
    if (!away) {
      r.there = true
      return
    }
    g.position.lerp(target, step)
    g.quaternion.slerp(turn, step)
    g.scale.setScalar(g.scale.x + (size - g.scale.x) * step)
    invalidate()
  })
  return (
    <group>
      <Hook detail={detail} />
      <group ref={moving} name="item-stored" position={centre}>
        <group position={[-centre[0], -centre[1], -centre[2]]}>{children}</group>
      </group>
    </group>
  )
}
