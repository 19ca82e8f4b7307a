import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import type { JsonObject, Model } from '../../core/index.ts'
import type { EditorState, EditorStore } from '../../state/editorStore.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import { createSceneUiStore, goToView, type SceneUiStore } from '../../state/sceneUiStore.ts'
import type { PartController } from '../scene/partController.ts'
import { createSceneBridge } from '../scene/sceneBridge.ts'
import { SceneView } from '../scene/SceneView.tsx'
import { RuntimeErrorNotice } from '../panels/ScreenErrorBoundary.tsx'
import { CameraProbe, type CameraProbeHandle } from './CameraProbe.tsx'
import { Gizmo } from './Gizmo.tsx'
import { PipeHandles, type Point } from './PipeHandles.tsx'
import { SaveView } from './SaveView.tsx'
import { RecordingScene } from './record/RecordingScene.tsx'
import { recorderStore } from '../../state/recorder.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface EditorSceneProps {
  readonly store: EditorStore
  /** The draft at its start, from the editor's store. */
  readonly scene: SceneSource
}

/** The draft's 3D view, or why there is none: it has problems, or a mistake at its start. */
export function EditorView({ store }: { readonly store: EditorStore }) {
  const { t } = useTranslation()
  const scene = useStore(store, (s) => s.scene)
  const sceneError = useStore(store, (s) => s.sceneError)
  // while recording steps, the view operates the equipment as the learner's does
  const recording = useStore(recorderStore, (s) => (s.editor === store ? s.attempt : null))
  if (recording) return <RecordingScene attempt={recording} />
  return (
    <>
      {sceneError !== null && <RuntimeErrorNotice kind="scenario" detail={sceneError} />}
      {scene ? (
        <EditorScene store={store} scene={scene} />
      ) : (
        <p className="muted">{t('editor.noView')}</p>
      )}
    </>
  )
}

/** The learner's scene of the draft: click a part to select it, move or rotate it with the gizmo. */
export function EditorScene({ store, scene }: EditorSceneProps) {
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  const [mode, setMode] = useState<GizmoMode>('translate')
  const model = useStore(scene, (s) => s.model)
  const controller = usePartController(store, model)
  const id = useStore(store, selectedComponentId)
  const probe = useMemo<CameraProbeHandle>(() => ({ read: () => undefined }), [])
  useViewRequests(store, ui)
  const pipe = useStore(store, (s) => pipePoints(s.history.doc, s.selected))
  const handles = useMemo(
    () =>
      pipe === undefined || id === undefined ? null : (
        <PipeHandles
          id={id}
          points={pipe}
          bridge={bridge}
          onCommit={(k, point) => {
            const at = docIndexOf(store, id)
            store.getState().run({
              kind: 'set',
              path: ['components', at, 'params', 'points', k],
              value: point,
            })
          }}
        />
      ),
    [bridge, id, pipe, store],
  )
  const gizmo = useMemo(
    () =>
      id === undefined ? null : (
        <Gizmo
          id={id}
          mode={mode}
          bridge={bridge}
          onCommit={(position, rotation) => {
            const at = docIndexOf(store, id)
            store.getState().run({
              kind: 'batch',
              label: `move ${id}`,
              commands: [
                { kind: 'set', path: ['components', at, 'position'], value: position },
                { kind: 'set', path: ['components', at, 'rotation'], value: rotation },
              ],
            })
          }}
        />
      ),
    [bridge, id, mode, store],
  )
  return (
    <div className="editor-scene">
      <GizmoModes mode={mode} onMode={setMode} />
      <SceneView
        model={model}
        store={scene}
        ui={ui}
        bridge={bridge}
        controller={controller}
        extra={
          <>
            {gizmo}
            {handles}
            <CameraProbe probe={probe} />
          </>
        }
      />
      <SaveView store={store} probe={probe} />
    </div>
  )
}

type GizmoMode = 'translate' | 'rotate'

/** Whether the gizmo moves or rotates the selected part: one radio button each. */
function GizmoModes({ mode, onMode }: { mode: GizmoMode; onMode: (mode: GizmoMode) => void }) {
  const { t } = useTranslation()
  return (
    <div className="gizmo-modes" role="radiogroup" aria-label={t('editor.gizmo')}>
      {(['translate', 'rotate'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="gizmo" checked={mode === m} onChange={() => onMode(m)} />{' '}
          {t(m === 'translate' ? 'editor.move' : 'editor.rotate')}
        </label>
      ))}
    </div>
  )
}

/** Clicking a part of the drawn model selects it in the document, or answers the pick under way. */
function usePartController(store: EditorStore, model: Model): PartController {
  // the drawn model can be older than the document (while it has problems): match parts by id
  return useMemo<PartController>(() => {
    const select = (index: number) => {
      const id = model.components[index]!.id
      const { picking } = store.getState()
      if (picking) {
        store.getState().pick(null)
        return picking(id)
      }
      const at = docIndexOf(store, id)
      if (at >= 0) store.getState().select({ collection: 'components', index: at })
    }
    return {
      primary: select,
      openMenu: select,
      stateKey: () => undefined,
      perform: () => undefined,
    }
  }, [model, store])
}

/** The views list asks for a view; the camera rig flies there once the model has it. */
function useViewRequests(store: EditorStore, ui: SceneUiStore) {
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.viewRequest && s.viewRequest !== prev.viewRequest) goToView(ui, s.viewRequest.id)
      }),
    [store, ui],
  )
}

/** The id of the selected component, if a component with one is selected. */
function selectedComponentId(s: EditorState): string | undefined {
  const list = s.history.doc['components']
  const el =
    s.selected?.collection === 'components' && Array.isArray(list)
      ? list[s.selected.index]
      : undefined
  return el && typeof el === 'object' && !Array.isArray(el) && typeof el['id'] === 'string'
    ? el['id']
    : undefined
}

function docIndexOf(store: EditorStore, id: string): number {
  const list = store.getState().history.doc['components']
  return Array.isArray(list)
    ? list.findIndex(
        (c) => c !== null && typeof c === 'object' && !Array.isArray(c) && c['id'] === id,
      )
    : -1
}

/**
 * The points of the selected pipe run (look static.pipe), in its own frame: the document's own
 * array (so the handles are not built again for other edits); undefined when the selection is no
 * pipe or its points are not a list of three numbers each.
 */
function pipePoints(
  doc: JsonObject,
  selected: EditorState['selected'],
): readonly Point[] | undefined {
  if (selected?.collection !== 'components') return undefined
  const list = doc['components']
  const c = Array.isArray(list) ? list[selected.index] : undefined
  if (!c || typeof c !== 'object' || Array.isArray(c) || c['look'] !== 'static.pipe')
    return undefined
  const params = c['params']
  const points =
    params && typeof params === 'object' && !Array.isArray(params) ? params['points'] : undefined
  if (!Array.isArray(points)) return undefined
  const ok = points.every(
    (p) => Array.isArray(p) && p.length === 3 && p.every((v) => typeof v === 'number'),
  )
  return ok ? (points as Point[]) : undefined
}
