import { appStore } from '../../state/appStore.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface LeaveButtonsProps {
  /** The draft being tried, when the attempt came from the editor's "Try it". */
  readonly editor?: EditorStore | undefined
}

/** The ways out of a stopped or failed screen: back to the editor for a draft being tried, and to the library. */
export function LeaveButtons({ editor }: LeaveButtonsProps) {
  const { t } = useTranslation()
  return (
    <>
      {editor && (
        <button type="button" onClick={() => appStore.getState().openEditor(editor)}>
          {t('play.backToEditor')}
        </button>
      )}
      <button type="button" onClick={() => appStore.getState().backToLibrary()}>
        {t('runtimeError.back')}
      </button>
    </>
  )
}
