import { lazy, Suspense, type ReactNode } from 'react'
import type { Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import { resolveModelUrl } from '../../state/modelUrls.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { BatchedPieces } from './BatchedPieces.tsx'
import { CameraRig } from './CameraRig.tsx'
import type { PartController } from './partController.ts'
import { Parts } from './Parts.tsx'
import { Piece } from './Piece.tsx'
import { ProjectionSync } from './ProjectionSync.tsx'
import { COLORS, geo } from './resources.ts'
import type { SceneBridge } from './sceneBridge.ts'

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
  readonly children?: ReactNode
}

const BACKGROUND = { workshop: '#c9d3dc', outdoor: '#a9cdea', plain: '#f2f2f2' }
const FLOOR = { workshop: '#8d9296', outdoor: '#7d8f69', plain: '#dcdcdc' }

/** The whole 3D scene: surroundings, light, the scenario's parts, the camera and the overlay sync. */
export function SceneContent({
  model,
  store,
  ui,
  bridge,
  controller,
  children,
}: SceneContentProps) {
  const environment = model.scenario.scene?.environment ?? 'workshop'
  const backdrop =
    model.scenario.scene?.model === undefined
      ? undefined
      : resolveModelUrl(model.scenario.scene.model)
  return (
    <>
      <color attach="background" args={[BACKGROUND[environment]]} />
      <hemisphereLight args={['#ffffff', '#6b6f73', 1.6]} />
      <directionalLight position={[3, 6, 5]} intensity={1.8} />
      <BatchedPieces>
        <Piece
          name="floor"
          geometry={geo.box()}
          color={FLOOR[environment]}
          scale={[30, 0.02, 30]}
          position={[0, -0.01, 0]}
        />
        {environment === 'workshop' && (
          <Piece
            geometry={geo.box()}
            color={COLORS.panel}
            scale={[30, 8, 0.1]}
            position={[0, 4, -3]}
          />
        )}
        {backdrop && (
          <Suspense fallback={null}>
            <ModelPart url={backdrop} path={model.scenario.scene!.model!} fallback={null} />
          </Suspense>
        )}
        <Parts model={model} store={store} ui={ui} controller={controller} />
      </BatchedPieces>
      <CameraRig model={model} ui={ui} bridge={bridge} />
      <ProjectionSync model={model} bridge={bridge} />
      {children}
    </>
  )
}
