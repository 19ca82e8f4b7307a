import { useMemo } from 'react'
import { useStore } from 'zustand'
import type { JsonValue } from '../../../core/index.ts'
import { graphicsStore } from '../../../state/graphics.ts'
import { createLookSheet } from '../../../state/lookSheet.ts'
import { createSceneUiStore } from '../../../state/sceneUiStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import type { PartController } from '../partController.ts'
import { createSceneBridge } from '../sceneBridge.ts'
import { SceneView } from '../SceneView.tsx'
import { getSheetLooks, lookSheetScenario } from './sheet.ts'

const NO_ACTS: PartController = {
  primary: () => undefined,
  openMenu: () => undefined,
  stateKey: () => undefined,
  perform: () => undefined,
}

/**
 * `?sheet=looks` (and `&family=panel`, `&look=valve.gate`): the looks of the catalogue side by
 * side, once per state, read-only in the learner's 3D view. Nothing is played or recorded.
 */
export function LookSheetScreen() {
  const { t } = useTranslation()
  const detail = useStore(graphicsStore, (s) => s.setting)
  // the camera takes in the whole sheet in the window's shape (the sheet fills the window)
  const sheet = useMemo(
    () =>
      createLookSheet(
        lookSheetScenario(
          getSheetLooks(location.search),
          detail,
          innerHeight > 0 ? innerWidth / innerHeight : undefined,
        ) as JsonValue,
      ),
    [detail],
  )
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  return (
    <main className="play-screen look-sheet">
      <h1 className="sr-only">{t('graphics.sheet')}</h1>
      <div className="play-body">
        <div className="scene-wrap">
          {sheet.ok ? (
            <SceneView
              model={sheet.value.model}
              store={sheet.value.scene}
              ui={ui}
              bridge={bridge}
              controller={NO_ACTS}
            />
          ) : (
            <p role="alert">{sheet.problems.map((p) => p.message).join('; ')}</p>
          )}
        </div>
      </div>
    </main>
  )
}
