import { useStore } from 'zustand'
import type { EditorStore } from '../../state/editorStore.ts'

export interface PickingHintProps {
  readonly store: EditorStore
}

/** While a field waits for a part to be clicked in 3D: say so, and offer to cancel. */
export function PickingHint({ store }: PickingHintProps) {
  const picking = useStore(store, (s) => s.picking !== null)
  if (!picking) return null
  return (
    <span role="status" className="picking">
      Click the part in the 3D view…{' '}
      <button type="button" onClick={() => store.getState().pick(null)}>
        Cancel
      </button>
    </span>
  )
}
