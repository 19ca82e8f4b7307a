import { useStore } from 'zustand'
import type { EditorStore } from '../../state/editorStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface PickingHintProps {
  readonly store: EditorStore
}

/** While a field waits for a part to be clicked in 3D: say so, and offer to cancel. */
export function PickingHint({ store }: PickingHintProps) {
  const { t } = useTranslation()
  const picking = useStore(store, (s) => s.picking !== null)
  if (!picking) return null
  return (
    <span role="status" className="picking">
      {t('editor.picking')}{' '}
      <button type="button" onClick={() => store.getState().pick(null)}>
        {t('editor.cancel')}
      </button>
    </span>
  )
}
