// How the scene follows the live attempt without re-rendering: a part reads the value it shows
// from the store in an effect and on every change, and moves or recolours its three.js objects in
// place. React renders a part again only for a new model (an edit), never for an act.
import { useThree } from '@react-three/fiber'
import { useLayoutEffect } from 'react'
import type { StoreApi } from 'zustand'
import { getNextStep, type Model } from '../../core/index.ts'
import type { SceneSource, SceneState } from '../../state/sceneSource.ts'

/** Calls `apply` with `select`'s value now and whenever it changes (Object.is), outside React. */
export function useStoreEffect<S, T>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  select: (s: S) => T,
  apply: (value: T) => void,
): void {
  // no dependency list: a part renders again only for a new model, and then subscribes afresh
  useLayoutEffect(() => {
    let value = select(store.getState())
    apply(value)
    return store.subscribe((s) => {
      const next = select(s)
      if (Object.is(next, value)) return
      value = next
      apply(next)
    })
  })
}

/** useStoreEffect inside the 3D root: each change also asks for a frame. */
export function useSceneEffect<T>(
  store: SceneSource,
  select: (s: SceneState) => T,
  apply: (value: T) => void,
): void {
  const invalidate = useThree((s) => s.invalidate)
  useStoreEffect(store, select, (value) => {
    apply(value)
    invalidate()
  })
}

/** The selector of a stateful component's state value ('' for the others). */
export function selectState(index: number): (s: SceneState) => string {
  return (s) => s.sim.comps[index] ?? ''
}

/** The selector of a derived component's value: a lamp's lit, a gauge's number, a display's text. */
export function selectDerived(
  model: Model,
  index: number,
): (s: SceneState) => number | string | boolean | undefined {
  const value = model.components[index]!.value
  return (s) => value?.(s.sim)
}

/** The component the next step (core's `getNextStep`) acts on. Pure. */
export function getNextPart(model: Model, done: readonly boolean[]): number | undefined {
  const next = getNextStep(model, done)
  return next === undefined ? undefined : model.steps[next]!.action?.target
}

/** The place of a worn item in the row of worn items, so several do not overlap. Pure. */
export function getWornSlot(
  model: Model,
  comps: readonly (string | undefined)[],
  index: number,
): number {
  let n = 0
  for (let i = 0; i < index; i++)
    if (comps[i] === 'worn' && model.components[i]!.kind === 'item') n++
  return n
}
