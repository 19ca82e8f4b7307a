// Narrow subscriptions of a part to the live attempt: each returns a primitive, so a part
// re-renders only when its own value changes.
import { useStore } from 'zustand'
import type { Model } from '../../core/index.ts'
import type { AttemptStore } from '../../state/attemptStore.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'

/** The state value of a stateful component ('' for the others). */
export function usePartState(store: AttemptStore, index: number): string {
  return useStore(store, (s) => s.sim.comps[index] ?? '')
}

/** The value of a derived component: a lamp's lit, a gauge's number, a display's text. */
export function useDerivedValue(
  store: AttemptStore,
  model: Model,
  index: number,
): number | string | boolean | undefined {
  const value = model.components[index]!.value
  return useStore(store, (s) => value?.(s.sim))
}

export function useLockFlags(
  store: AttemptStore,
  index: number,
): { locked: boolean; tagged: boolean } {
  const locked = useStore(store, (s) => s.sim.locked[index] ?? false)
  const tagged = useStore(store, (s) => s.sim.tagged[index] ?? false)
  return { locked, tagged }
}

/** Whether part `index` is hovered, focused or the one the next step needs (practice only). */
export function usePartEmphasis(
  ui: SceneUiStore,
  store: AttemptStore,
  model: Model,
  index: number,
): 'focus' | 'next' | undefined {
  const pointed = useStore(ui, (s) => s.hovered === index || s.focused === index)
  const highlight = useStore(ui, (s) => s.highlightNext)
  const next = useStore(
    store,
    (s) => highlight && s.setup.mode === 'practice' && getNextPart(model, s.sim.stepDone) === index,
  )
  return pointed ? 'focus' : next ? 'next' : undefined
}

/** The component the first ready, incomplete action step acts on. Pure. */
export function getNextPart(model: Model, done: readonly boolean[]): number | undefined {
  for (let i = 0; i < model.steps.length; i++) {
    const s = model.steps[i]!
    if (done[i] || !s.action || !s.after.every((a) => done[a])) continue
    return s.action.target
  }
  return undefined
}
