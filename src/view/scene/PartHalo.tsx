import { useThree } from '@react-three/fiber'
import { useLayoutEffect, useRef } from 'react'
import type { Mesh } from 'three'
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
export function PartHalo({ model, index, store, ui, radius }: PartHaloProps) {
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
  }, [invalidate, index, model, store, ui])
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
