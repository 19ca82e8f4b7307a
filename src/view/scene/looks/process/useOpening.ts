// How far a valve is open, from its state, for the process looks that show it.
import { selectState, useSceneEffect } from '../../hooks.ts'
import type { LookProps } from '../types.ts'

/**
 * How far open a valve in `state` is, from 0 (closed) to 1 (open): a state named open or closed
 * says so; any other takes its place in the states (closed, cracked, open → 0, 0.5, 1). Pure.
 */
export function getOpening(states: readonly string[], state: string): number {
  if (/^(open|opened|on|full)$/i.test(state)) return 1
  if (/^(closed|close|shut|off)$/i.test(state)) return 0
  const i = states.indexOf(state)
  if (i < 0 || states.length < 2) return 0
  const first = states[0]!
  // states listed from open to closed count the other way
  return /^open/i.test(first) ? 1 - i / (states.length - 1) : i / (states.length - 1)
}

/** Calls `apply` with the part's opening now and on every change of its state, in place. */
export function useOpening(props: LookProps, apply: (opening: number, state: string) => void) {
  const { model, index, store } = props
  const states = model.components[index]!.states
  useSceneEffect(store, selectState(index), (state) => apply(getOpening(states, state), state))
}
