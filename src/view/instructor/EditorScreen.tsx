import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { Collection } from '../../core/index.ts'
import { appStore } from '../../state/appStore.ts'
import { persist, type EditorStore } from '../../state/editorStore.ts'
import { ElementForm } from './ElementForm.tsx'
import { EditorView } from './EditorScene.tsx'
import { OutlinePanel } from './OutlinePanel.tsx'
import { ProblemsPanel } from './ProblemsPanel.tsx'
import { PublishToClass } from './PublishToClass.tsx'
import { SaveControls } from './SaveControls.tsx'
import { ScenarioForm } from './ScenarioForm.tsx'
import { SolvePanel } from './SolvePanel.tsx'
import { PickingHint } from './PickingHint.tsx'
import { StepGraph } from './StepGraph.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { sectionName } from './words.ts'
import { RecordButton } from './record/RecordButton.tsx'
import { RecordPanel } from './record/RecordPanel.tsx'
import { ScoreSummary } from './record/ScoreSummary.tsx'
import { recorderStore } from '../../state/recorder.ts'

export interface EditorScreenProps {
  readonly store: EditorStore
  readonly fileHandle?: FileSystemFileHandle | undefined
}

/** The instructor's editor: outline, 3D view, properties, problems, reference run, save and try. */
export function EditorScreen({ store, fileHandle }: EditorScreenProps) {
  const recording = useStore(recorderStore, (s) => s.editor === store)
  useUndoKeys(store)
  return (
    <main className="editor-screen">
      <EditorBar store={store} fileHandle={fileHandle} />
      <div className="editor-body">
        <OutlinePanel store={store} />
        <div className="editor-center">
          <EditorView store={store} />
          <div className="editor-bottom">
            <ProblemsPanel store={store} />
            <SolvePanel store={store} />
            <ScoreSummary store={store} />
          </div>
        </div>
        {recording ? (
          // a panel of its own (key): the properties come back scrolled to their top
          <RecordAside key="record" store={store} />
        ) : (
          <PropertiesAside key="properties" store={store} />
        )}
      </div>
    </main>
  )
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo, anywhere on the page. */
function useUndoKeys(store: EditorStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return
      const key = e.key.toLowerCase()
      if (key === 'z' && !e.shiftKey) store.getState().undo()
      else if ((key === 'z' && e.shiftKey) || key === 'y') store.getState().redo()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])
}

/** The editor's top bar: title, undo and redo, save, publish, record, try it and close. */
function EditorBar({ store, fileHandle }: EditorScreenProps) {
  const { t } = useTranslation()
  const id = useStore(store, (s) => s.history.doc['id'])
  const model = useStore(store, (s) => s.model)
  const problems = useStore(store, (s) => s.problems)
  const canUndo = useStore(store, (s) => s.canUndo)
  const canRedo = useStore(store, (s) => s.canRedo)
  const leave = async () => {
    await persist(store)
    appStore.getState().openEditorHome()
  }
  return (
    <header className="bar">
      <h1>{t('editor.editorOf', { id: String(id ?? '') })}</h1>
      <button
        type="button"
        onClick={() => store.getState().undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
      >
        {t('editor.undo')}
      </button>
      <button
        type="button"
        onClick={() => store.getState().redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
      >
        {t('editor.redo')}
      </button>
      <SaveControls store={store} fileHandle={fileHandle} />
      <PublishToClass store={store} />
      <PickingHint store={store} />
      <RecordButton store={store} />
      <button
        type="button"
        disabled={model === undefined || problems.length > 0}
        onClick={() => model && appStore.getState().start(model, store)}
      >
        {t('editor.tryIt')}
      </button>
      <button type="button" onClick={() => void leave()}>
        {t('editor.close')}
      </button>
    </header>
  )
}

/** While recording, the recorder's panel stands where the properties are. */
function RecordAside({ store }: { readonly store: EditorStore }) {
  const { t } = useTranslation()
  return (
    <aside className="properties" aria-label={t('record.recording')}>
      <RecordPanel store={store} />
    </aside>
  )
}

/** The properties of what is selected: the scenario's settings, or one element's form. */
function PropertiesAside({ store }: { readonly store: EditorStore }) {
  const { t } = useTranslation()
  const doc = useStore(store, (s) => s.history.doc)
  const problems = useStore(store, (s) => s.problems)
  const selected = useStore(store, (s) => s.selected)
  const selectedStep =
    selected?.collection === 'steps'
      ? (doc['steps'] as { id?: string }[] | undefined)?.[selected.index]?.id
      : undefined
  return (
    <aside className="properties" aria-label={t('editor.properties')}>
      <h2>
        {selected?.collection === 'scenario' || !selected
          ? t('editor.settings')
          : `${sectionName(t, selected.collection)} › ${String((doc[selected.collection] as { id?: string }[] | undefined)?.[selected.index]?.id ?? selected.index + 1)}`}
      </h2>
      {selected?.collection === 'steps' && <StepGraph doc={doc} selectedId={selectedStep} />}
      {!selected || selected.collection === 'scenario' ? (
        <ScenarioForm store={store} doc={doc} problems={problems} />
      ) : (
        <ElementForm
          key={`${selected.collection}-${selected.index}`}
          store={store}
          doc={doc}
          selection={selected as { collection: Collection | 'rules'; index: number }}
          problems={problems}
        />
      )}
    </aside>
  )
}
