import { useThree } from '@react-three/fiber'
import { useLayoutEffect, useRef } from 'react'
import { Box3, Matrix4, Vector3, type Mesh, type Object3D } from 'three'
import type { Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { getNextPart } from './hooks.ts'
import { COLORS, geo, mat } from './resources.ts'

export interface PartHaloProps {
  readonly model: Model
  readonly index: number
  readonly store: SceneSource
  readonly ui: SceneUiStore
  /** Radius of the halo, in the part's local units. */
  readonly radius: number
  /**
   * Fit the halo to the part's drawn shape (its bounding box) when it is shown, rather than
   * `radius`: a look's size is its own (a 22 mm button, a 3 m conveyor).
   */
  readonly fit?: boolean
}

const FOCUS = () => mat(COLORS.highlight, { transparent: 0.22 })
const NEXT = () => mat(COLORS.next, { transparent: 0.22 })

// every part asks after each tick which part is next: work it out once per checklist state
const nextParts = new WeakMap<readonly boolean[], number | undefined>()
function getNextPartCached(model: Model, done: readonly boolean[]): number | undefined {
  if (!nextParts.has(done)) nextParts.set(done, getNextPart(model, done))
  return nextParts.get(done)
}

/**
 * The see-through sphere around a part that is hovered, focused or (practice, when asked for)
 * needed by the next step. Shown and hidden in place: pointing and acting re-render nothing.
 */
export function PartHalo({ model, index, store, ui, radius, fit = false }: PartHaloProps) {
  const mesh = useRef<Mesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  useLayoutEffect(() => {
    const m = mesh.current!
    const update = () => {
      const u = ui.getState()
      const pointed = u.hovered === index || u.focused === index
      const a = store.getState()
      const next =
        !pointed &&
        u.highlightNext &&
        a.sim.mode === 'practice' &&
        getNextPartCached(model, a.sim.stepDone) === index
      const material = pointed ? FOCUS() : NEXT()
      const visible = pointed || next
      if (m.visible === visible && (!visible || m.material === material)) return
      if (visible && fit && m.parent) fitHalo(m, m.parent, radius)
      m.visible = visible
      m.material = material
      invalidate()
    }
    update()
    const offUi = ui.subscribe(update)
    const offStore = store.subscribe(update)
    return () => {
      offUi()
      offStore()
    }
  }, [fit, invalidate, index, model, radius, store, ui])
  return (
    <mesh
      ref={mesh}
      name="highlight"
      visible={false}
      geometry={geo.sphere()}
      material={FOCUS()}
      scale={radius * 2}
      raycast={() => null}
    />
  )
}

/** Objects of a part that are not its shape: its helpers, and the parts mounted on it. */
const NOT_SHAPE = /^(highlight|padlock|tag|hit-volume|item-worn|part:.*)$/
const box = new Box3()
const meshBox = new Box3()
const toLocal = new Matrix4()
const meshToLocal = new Matrix4()
const size = new Vector3()

/** Centres the halo on the part's drawn shape and sizes it to reach just round it (pure but for `halo`). */
export function fitHalo(halo: Mesh, part: Object3D, fallback: number): void {
  part.updateWorldMatrix(true, true)
  toLocal.copy(part.matrixWorld).invert()
  box.makeEmpty()
  const visit = (o: Object3D) => {
    for (const child of o.children) {
      if (child === halo || NOT_SHAPE.test(child.name)) continue
      const mesh = child as Mesh
      if (mesh.isMesh && mesh.geometry) {
        if (!mesh.geometry.boundingBox) mesh.geometry.computeBoundingBox()
        meshToLocal.multiplyMatrices(toLocal, mesh.matrixWorld)
        box.union(meshBox.copy(mesh.geometry.boundingBox!).applyMatrix4(meshToLocal))
      }
      visit(child)
    }
  }
  visit(part)
  if (box.isEmpty()) {
    halo.position.set(0, 0, 0)
    halo.scale.setScalar(fallback * 2)
    return
  }
  box.getCenter(halo.position)
  // an ellipsoid round the box, a little larger, never smaller than a fingertip's reach
  box.getSize(size)
  halo.scale.set(reach(size.x), reach(size.y), reach(size.z))
}

const reach = (side: number) => Math.max(side * 1.35 + 0.02, 0.04)
