import { useState } from 'react'
import { useStore } from 'zustand'
import { serializeScenario, type JsonObject } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { downloadText } from '../download.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface SaveControlsProps {
  readonly store: EditorStore
  /** The file the draft was opened from, where the browser can write it back. */
  readonly fileHandle: FileSystemFileHandle | undefined
}

type Pending = { step: 'invalid' } | { step: 'version'; current: string } | null

/** The next patch and minor versions of a semantic version. Pure. */
export function nextVersions(version: string): [string, string] {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/).map((n) => Number(n) || 0)
  return [`${major}.${minor}.${patch + 1}`, `${major}.${minor + 1}.0`]
}

/** Save as a download (and back to the opened file where the browser allows), with checks first. */
export function SaveControls({ store, fileHandle }: SaveControlsProps) {
  const { t } = useTranslation()
  const problems = useStore(store, (s) => s.problems.length)
  const changed = useStore(store, (s) => s.canUndo)
  const [pending, setPending] = useState<Pending>(null)
  const [saved, setSaved] = useState('')

  const write = async (doc: JsonObject, toFile: boolean) => {
    const text = serializeScenario(doc)
    const name = `${typeof doc['id'] === 'string' && doc['id'] ? doc['id'] : 'scenario'}.json`
    if (toFile && fileHandle) {
      const writable = await fileHandle.createWritable()
      await writable.write(text)
      await writable.close()
    } else downloadText(name, text, 'application/json')
    setPending(null)
    setSaved(
      problems > 0
        ? t('editor.savedWithProblems', { name, count: problems })
        : t('editor.saved', { name }),
    )
  }
  const [toFile, setToFile] = useState(false)
  const save = (file: boolean, after: Pending = null) => {
    setToFile(file)
    const { meta, history } = store.getState()
    const version = history.doc['version']
    if (after === null && problems > 0) return setPending({ step: 'invalid' })
    if (
      after?.step !== 'version' &&
      meta.openedVersion !== undefined &&
      changed &&
      version === meta.openedVersion
    ) {
      return setPending({ step: 'version', current: String(version) })
    }
    void write(history.doc, file)
  }
  const bump = (version: string | undefined) => {
    if (version) store.getState().run({ kind: 'set', path: ['version'], value: version })
    void write(store.getState().history.doc, toFile)
  }
  return (
    <div className="save-controls">
      <button type="button" onClick={() => save(false)}>
        {t('editor.download')}
      </button>
      {fileHandle && (
        <button type="button" onClick={() => save(true)}>
          {t('editor.saveTo', { name: fileHandle.name })}
        </button>
      )}
      {pending?.step === 'invalid' && (
        <div className="confirm-box" role="alertdialog" aria-label={t('editor.saveWithProblems')}>
          <p>{t('editor.saveInvalid', { count: problems })}</p>
          <button type="button" onClick={() => save(toFile, { step: 'invalid' })}>
            {t('editor.saveWithProblems')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('editor.cancel')}
          </button>
        </div>
      )}
      {pending?.step === 'version' && (
        <div
          className="confirm-box"
          role="alertdialog"
          aria-label={t('editor.published', { version: pending.current })}
        >
          <p>{t('editor.published', { version: pending.current })}</p>
          {nextVersions(pending.current).map((v) => (
            <button key={v} type="button" onClick={() => bump(v)}>
              {t('editor.saveAs', { version: v })}
            </button>
          ))}
          <button type="button" onClick={() => bump(undefined)}>
            {t('editor.keepVersion', { version: pending.current })}
          </button>
        </div>
      )}
      {saved && <span role="status">{saved}</span>}
    </div>
  )
}
