import type { Model } from '../../../core/index.ts'
import type { SceneSource } from '../../../state/sceneSource.ts'

/** What every part's look is given: the model, its component index and the live attempt. */
export interface PartProps {
  readonly model: Model
  readonly index: number
  readonly store: SceneSource
}

/** Rotation that turns a y-axis cylinder to face the viewer (+z). */
export const FACING: [number, number, number] = [Math.PI / 2, 0, 0]

/** The position of `state` in the component's states, from 0. */
export function stateIndex(model: Model, index: number, state: string): number {
  return Math.max(0, model.components[index]!.states.indexOf(state))
}
