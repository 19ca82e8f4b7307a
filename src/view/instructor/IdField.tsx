import { useId, useState } from 'react'
import type { Collection, Problem } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { FieldProblems } from './fields/FieldProblems.tsx'
import { pathKey } from './fields/fieldProps.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { fieldHelp, fieldLabel } from './words.ts'

export interface IdFieldProps {
  readonly store: EditorStore
  readonly collection: Collection
  readonly index: number
  readonly id: string
  readonly problems: readonly Problem[]
}

/** An element's id: renaming it renames every reference too, as one undoable edit. */
export function IdField({ store, collection, index, id, problems }: IdFieldProps) {
  const { t } = useTranslation()
  const inputId = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null && draft !== id && draft !== '')
      store.getState().run({ kind: 'rename', collection, from: id, to: draft })
    setDraft(null)
  }
  return (
    <div className="field">
      <label htmlFor={inputId}>{fieldLabel(t, collection, 'id')}</label>
      <input
        id={inputId}
        data-path={pathKey([collection, index, 'id'])}
        value={draft ?? id}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') setDraft(null)
        }}
        aria-describedby={`${inputId}-hint`}
      />
      <small id={`${inputId}-hint`} className="muted">
        {fieldHelp(t, collection, 'id')} {t('editor.renameHint')}
      </small>
      <FieldProblems id={`${inputId}-problems`} problems={problems} />
    </div>
  )
}
