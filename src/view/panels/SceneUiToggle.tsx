import { useStore } from 'zustand'
import type { SceneUiState, SceneUiStore } from '../../state/sceneUiStore.ts'

/** The yes-or-no options of the scene's view state. */
type SceneUiFlag = 'highlightNext' | 'showLabels'

export interface SceneUiToggleProps {
  readonly ui: SceneUiStore
  readonly flag: SceneUiFlag
  readonly label: string
  readonly className: string
}

/** A checkbox that turns one of the scene's view options on and off. */
export function SceneUiToggle({ ui, flag, label, className }: SceneUiToggleProps) {
  const on = useStore(ui, (s: SceneUiState) => s[flag])
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => ui.getState().set({ [flag]: e.target.checked })}
      />
      {label}
    </label>
  )
}
