import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { createStart, type Model } from '../../core/index.ts'
import { createAttemptStore, type AttemptSetup } from '../../state/attemptStore.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { createSceneUiStore } from '../../state/sceneUiStore.ts'
import type { PartController } from '../scene/partController.ts'
import { createSceneBridge } from '../scene/sceneBridge.ts'
import { SceneView } from '../scene/SceneView.tsx'
import { Gizmo } from './Gizmo.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface EditorSceneProps {
  readonly store: EditorStore
  readonly model: Model
}

/** The learner's scene of the draft: click a part to select it, move or rotate it with the gizmo. */
export function EditorScene({ store, model }: EditorSceneProps) {
  const { t } = useTranslation()
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  const [mode, setMode] = useState<'translate' | 'rotate'>('translate')
  // the equipment as it stands at the start, for the looks: one store for the editing session,
  // given each recompiled model, so parts whose values did not change are not drawn again
  const [attempt] = useState(() => createAttemptStore(setupOf(model), () => 0))
  useEffect(() => {
    attempt.setState({ setup: setupOf(model), sim: createStart(model, 'practice', []), events: [] })
  }, [attempt, model])
  // the drawn model can be older than the document (while it has problems): match parts by id
  const controller = useMemo<PartController>(() => {
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
  const id = useStore(store, (s) => {
    const list = s.history.doc['components']
    const el =
      s.selected?.collection === 'components' && Array.isArray(list)
        ? list[s.selected.index]
        : undefined
    return el && typeof el === 'object' && !Array.isArray(el) && typeof el['id'] === 'string'
      ? el['id']
      : undefined
  })
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
      <div className="gizmo-modes" role="radiogroup" aria-label={t('editor.gizmo')}>
        {(['translate', 'rotate'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="gizmo" checked={mode === m} onChange={() => setMode(m)} />{' '}
            {t(m === 'translate' ? 'editor.move' : 'editor.rotate')}
          </label>
        ))}
      </div>
      <SceneView
        model={model}
        store={attempt}
        ui={ui}
        bridge={bridge}
        controller={controller}
        extra={gizmo}
      />
    </div>
  )
}

function docIndexOf(store: EditorStore, id: string): number {
  const list = store.getState().history.doc['components']
  return Array.isArray(list)
    ? list.findIndex(
        (c) => c !== null && typeof c === 'object' && !Array.isArray(c) && c['id'] === id,
      )
    : -1
}

function setupOf(model: Model): AttemptSetup {
  return {
    model,
    mode: 'practice',
    learner: { id: '', name: '' },
    faults: [],
    attemptId: 'editor',
    startedAt: '',
  }
}
