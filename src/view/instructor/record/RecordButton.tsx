import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import type { EditorStore } from '../../../state/editorStore.ts'
import { recorderStore } from '../../../state/recorder.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

/** "Record steps": starts recording on the draft as it was last compiled (not while recording). */
export function RecordButton({ store }: { readonly store: EditorStore }) {
  const { t } = useTranslation()
  const model = useStore(store, (s) => s.model)
  const sceneError = useStore(store, (s) => s.sceneError)
  const recording = useStore(recorderStore, (s) => s.editor === store)
  // the panel closed (stopped, or its steps put in) with the focus in it: back here
  const button = useRef<HTMLButtonElement>(null)
  const was = useRef(recording)
  useEffect(() => {
    const focus = document.activeElement
    if (was.current && !recording && (focus === null || focus === document.body))
      button.current?.focus()
    was.current = recording
  }, [recording])
  return (
    <button
      ref={button}
      type="button"
      data-record-button
      aria-pressed={recording}
      disabled={recording || model === undefined || sceneError !== null}
      onClick={() => recorderStore.getState().start(store)}
    >
      {t('record.record')}
    </button>
  )
}
