import { useMemo } from 'react'
import type { AttemptStore } from '../../../state/attemptStore.ts'
import { createSceneUiStore } from '../../../state/sceneUiStore.ts'
import { createPartController } from '../../scene/partController.ts'
import { createSceneBridge } from '../../scene/sceneBridge.ts'
import { SceneView } from '../../scene/SceneView.tsx'
import { BackToView } from '../../scene/BackToView.tsx'

/**
 * The draft's 3D view while recording: the learner's scene on the recorder's attempt, so a click
 * operates the part (the attempt store runs the engine) and the recorder makes it a step.
 */
export function RecordingScene({ attempt }: { readonly attempt: AttemptStore }) {
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  const model = attempt.getState().setup.model
  const controller = useMemo(() => createPartController(model, attempt, ui), [model, attempt, ui])
  return (
    <div className="editor-scene recording-scene">
      <SceneView model={model} store={attempt} ui={ui} bridge={bridge} controller={controller} />
      <BackToView ui={ui} />
    </div>
  )
}
