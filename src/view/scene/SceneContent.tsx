import { useThree } from '@react-three/fiber'
import { lazy, Suspense, useLayoutEffect, useRef, type ReactNode } from 'react'
import type { Group } from 'three'
import { useStore } from 'zustand'
import type { Model } from '../../core/index.ts'
import type { GraphicsStore } from '../../state/graphics.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import { resolveModelUrl } from '../../state/modelUrls.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { BatchedPieces } from './BatchedPieces.tsx'
import { CameraRig } from './CameraRig.tsx'
import { ContactShadow } from './ContactShadow.tsx'
import { FrameMeter } from './FrameMeter.tsx'
import { FrameProbe } from './frameStats.ts'
import type { PartController } from './partController.ts'
import { Parts } from './Parts.tsx'
import { ProjectionSync } from './ProjectionSync.tsx'
import type { SceneBridge } from './sceneBridge.ts'
import { SceneLight } from './SceneLight.tsx'
import { SURROUNDINGS_LAYER, Surroundings } from './Surroundings.tsx'

// glTF loading is only downloaded when a scenario has a model
const ModelPart = lazy(() =>
  import('./parts/ModelPart.tsx').then((m) => ({ default: m.ModelPart })),
)
export interface SceneContentProps {
  readonly model: Model
  readonly store: SceneSource
  readonly ui: SceneUiStore
  readonly bridge: SceneBridge
  readonly controller: PartController
  /** The graphics setting: Detailed or Simple. */
  readonly graphics: GraphicsStore
  readonly children?: ReactNode
}

/** The whole 3D scene: surroundings, light, the scenario's parts, the camera and the overlay sync. */
export function SceneContent({
  model,
  store,
  ui,
  bridge,
  controller,
  graphics,
  children,
}: SceneContentProps) {
  const detail = useStore(graphics, (s) => s.setting)
  // measured until the learner chooses or Simple is proposed
  const measuring = useStore(graphics, (s) => s.source === 'default' && !s.proposing)
  const camera = useThree((s) => s.camera)
  const parts = useRef<Group>(null)
  const environment = model.scenario.scene?.environment ?? 'workshop'
  const backdrop =
    model.scenario.scene?.model === undefined
      ? undefined
      : resolveModelUrl(model.scenario.scene.model)
  useLayoutEffect(() => {
    camera.layers.enable(SURROUNDINGS_LAYER)
  }, [camera])
  return (
    <>
      <SceneLight detail={detail} />
      <BatchedPieces>
        <Surroundings environment={environment} detail={detail} />
        {backdrop && (
          <Suspense fallback={null}>
            <ModelPart url={backdrop} path={model.scenario.scene!.model!} fallback={null} />
          </Suspense>
        )}
        <group ref={parts} name="parts">
          <Parts model={model} store={store} ui={ui} controller={controller} detail={detail} />
        </group>
        {detail === 'detailed' && (
          <ContactShadow key={model.scenario.id} store={store} parts={parts} />
        )}
      </BatchedPieces>
      <CameraRig model={model} ui={ui} bridge={bridge} />
      <ProjectionSync model={model} bridge={bridge} />
      <FrameProbe />
      {measuring && detail === 'detailed' && <FrameMeter graphics={graphics} />}
      {children}
    </>
  )
}
