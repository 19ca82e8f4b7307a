// Turns a learner's intent on a part (click, Enter, a number key, a menu entry) into an act on
// the live attempt, or into a change of the view (menu, look closer). Shared by mouse and keyboard.
import { KINDS, type Model } from '../../core/index.ts'
import type { AttemptStore } from '../../state/attemptStore.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { primaryAct, stateKeyAct, type Act } from './interaction.ts'

export interface PartController {
  primary(index: number): void
  stateKey(index: number, n: number): void
  openMenu(index: number): void
  perform(act: Act): void
}

export function createPartController(
  model: Model,
  store: AttemptStore,
  ui: SceneUiStore,
): PartController {
  const perform = (act: Act): void => {
    ui.getState().set({ menu: null })
    if (store.getState().sim.ended) return
    if (act.action === 'inspect')
      ui.getState().set({ closer: model.componentIndex.get(act.target) ?? null })
    store.getState().act(act.action, act.target, act.value)
  }
  return {
    perform,
    primary(index) {
      const act = primaryAct(model.components[index]!, index, store.getState().sim)
      if (act === 'menu') ui.getState().set({ menu: index })
      else if (act) perform(act)
    },
    stateKey(index, n) {
      const act = stateKeyAct(model.components[index]!, n)
      if (act) perform(act)
    },
    openMenu(index) {
      if (KINDS[model.components[index]!.kind].interactive) ui.getState().set({ menu: index })
    },
  }
}
