import { useEffect, useState } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { useStore } from 'zustand'
import { createTemplate, type JsonObject, type Problem } from '../../core/index.ts'
import { appStore } from '../../state/appStore.ts'
import { bundledStore, loadBundledScenarios } from '../../state/bundledScenarios.ts'
import { deleteDraft, listDrafts, type Draft } from '../../state/drafts.ts'
import { createEditorStore, type DraftMeta } from '../../state/editorStore.ts'
import { readFileBytes } from '../../state/fileBytes.ts'
import { readEditorDoc, setEditorFile } from './editorFile.ts'
import { RefusedFileProblems } from '../panels/RefusedFileProblems.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { TemplateStart } from './record/TemplateStart.tsx'

/** Opens a document in the editor as a new draft. */
function openDoc(doc: JsonObject, source: string, handle?: FileSystemFileHandle): void {
  const version = typeof doc['version'] === 'string' ? doc['version'] : undefined
  const meta: DraftMeta = {
    id: uuidv4(),
    name: typeof doc['id'] === 'string' ? doc['id'] : 'scenario',
    source,
    openedVersion: source === 'template' ? undefined : version,
  }
  setEditorFile(handle)
  appStore.getState().openEditor(createEditorStore(meta, doc))
}

type OpenBytes = (bytes: Uint8Array, source: string, handle?: FileSystemFileHandle) => void

/** Asks for a scenario file: the File System Access picker where there is one, else the input. */
async function pickFile(open: OpenBytes): Promise<void> {
  const picker = (window as { showOpenFilePicker?: (o: object) => Promise<FileSystemFileHandle[]> })
    .showOpenFilePicker
  if (!picker) return document.getElementById('editor-file')?.click()
  try {
    const [handle] = await picker({
      types: [{ description: 'Scenario', accept: { 'application/json': ['.json'] } }],
    })
    if (handle) open(await readFileBytes(await handle.getFile()), `file:${handle.name}`, handle)
  } catch {
    // the instructor closed the picker
  }
}

/** The drafts kept in this browser, each to continue or delete. */
function DraftList() {
  const { t } = useTranslation()
  const [drafts, setDrafts] = useState<Draft[] | undefined>()
  useEffect(() => {
    void listDrafts().then(setDrafts)
  }, [])
  return (
    <section>
      <h2>{t('editor.drafts')}</h2>
      {drafts === undefined ? (
        <p>…</p>
      ) : drafts.length === 0 ? (
        <p className="muted">{t('editor.noDrafts')}</p>
      ) : null}
      <ul className="draft-list">
        {drafts?.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              onClick={() => (
                setEditorFile(undefined),
                appStore.getState().openEditor(createEditorStore(d, d.doc))
              )}
            >
              {t('editor.continue', { name: d.name })}
            </button>{' '}
            <span className="muted">
              {d.source} · {new Date(d.updatedAt).toLocaleString()}
            </span>{' '}
            <button
              type="button"
              onClick={() => void deleteDraft(d.id).then(listDrafts).then(setDrafts)}
              aria-label={t('editor.deleteDraft', { name: d.name })}
            >
              {t('editor.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Starting something new: the template, a file from disk, or a bundled scenario. */
function StartSection() {
  const { t } = useTranslation()
  const [refused, setRefused] = useState<readonly Problem[] | undefined>()
  const bundled = useStore(bundledStore, (s) => s.scenarios)
  useEffect(() => {
    void loadBundledScenarios()
  }, [])
  const open: OpenBytes = (bytes, source, handle) => {
    const doc = readEditorDoc(bytes)
    if (doc.ok) openDoc(doc.value, source, handle)
    else setRefused(doc.problems)
  }
  return (
    <section>
      <h2>{t('editor.start')}</h2>
      <button
        type="button"
        className="primary"
        onClick={() => openDoc(createTemplate({ locales: ['en', 'zh-CN'] }), 'template')}
      >
        {t('editor.newFromTemplate')}
      </button>{' '}
      <button type="button" onClick={() => void pickFile(open)}>
        {t('editor.openFile')}
      </button>
      <input
        id="editor-file"
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) void readFileBytes(file).then((b) => open(b, `file:${file.name}`))
        }}
      />
      <TemplateStart onOpen={(doc) => openDoc(doc, 'template')} />
      {refused && (
        <div className="problems" role="alert">
          <p>{t('editor.cannotOpen')}</p>
          <RefusedFileProblems problems={refused} />
        </div>
      )}
      <h3>{t('editor.bundled')}</h3>
      <ul className="draft-list">
        {bundled?.map((b) => (
          <li key={b.file}>
            <button type="button" onClick={() => open(b.bytes, `bundled:${b.file}`)}>
              {t('editor.editFile', { file: b.file })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Where instructors start: a draft to continue, a bundled scenario, a file, or the template. */
export function EditorHome() {
  const { t } = useTranslation()
  return (
    <main className="editor-home">
      <header className="bar">
        <h1>{t('editor.title')}</h1>
        <button type="button" onClick={() => appStore.getState().backToLibrary()}>
          {t('result.backToLibrary')}
        </button>
      </header>
      <DraftList />
      <StartSection />
    </main>
  )
}
