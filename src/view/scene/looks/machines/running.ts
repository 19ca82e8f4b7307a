// Whether a machine look runs: a `machine` component's derived value (its `running` expression);
// a component of another kind never runs. Read in place, outside React, like every part's state.
import { useRef, type RefObject } from 'react'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import type { LookProps } from '../types.ts'

/** A ref that holds whether the machine runs now; `apply` is called on every change. */
export function useRunning(
  { model, index, store }: Pick<LookProps, 'model' | 'index' | 'store'>,
  apply: (running: boolean) => void,
): RefObject<boolean> {
  const running = useRef(false)
  useSceneEffect(store, selectDerived(model, index), (value) => {
    running.current = value === true
    apply(running.current)
  })
  return running
}
