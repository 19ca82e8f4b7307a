import { useStore } from 'zustand'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** "Back" over the scene while the camera is brought close to a part; it returns to the view. */
export function BackToView({ ui }: { readonly ui: SceneUiStore }) {
  const { t } = useTranslation()
  const closer = useStore(ui, (s) => s.closer)
  if (closer === null) return null
  return (
    <button
      type="button"
      className="back-to-view"
      onClick={() => ui.getState().set({ closer: null })}
    >
      {t('play.back')}
    </button>
  )
}
