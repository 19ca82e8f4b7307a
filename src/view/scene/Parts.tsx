import { lazy, memo, Suspense, useMemo } from 'react'
import type { Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import { resolveModelUrl } from '../../state/modelUrls.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import type { PartController } from './partController.ts'
import { getFingerprint, getLayout } from './partFingerprint.ts'
import { PartShell, toRadians } from './PartShell.tsx'
import { BreakerPart } from './parts/BreakerPart.tsx'
import { ButtonPart } from './parts/ButtonPart.tsx'
import { DisplayPart } from './parts/DisplayPart.tsx'
import { DoorPart } from './parts/DoorPart.tsx'
import { GaugePart } from './parts/GaugePart.tsx'
import { ItemPart } from './parts/ItemPart.tsx'
import { LampPart } from './parts/LampPart.tsx'
import { MachinePart } from './parts/MachinePart.tsx'
import { RotarySwitchPart } from './parts/RotarySwitchPart.tsx'
import { SelectorPart } from './parts/SelectorPart.tsx'
import { StaticPart } from './parts/StaticPart.tsx'
import { ValvePart } from './parts/ValvePart.tsx'
import type { PartProps } from './parts/types.ts'

// glTF loading is only downloaded when a scenario has a model
const ModelPart = lazy(() =>
  import('./parts/ModelPart.tsx').then((m) => ({ default: m.ModelPart })),
)
export interface PartsProps {
  readonly model: Model
  readonly store: SceneSource
  readonly ui: SceneUiStore
  readonly controller: PartController
}

const LOOKS = {
  button: ButtonPart,
  switch: RotarySwitchPart,
  selector: SelectorPart,
  valve: ValvePart,
  breaker: BreakerPart,
  door: DoorPart,
  item: ItemPart,
  lamp: LampPart,
  gauge: GaugePart,
  display: DisplayPart,
  machine: MachinePart,
} satisfies Record<string, (props: PartProps) => unknown>

/** How far the highlight reaches around a part of each kind. */
const HALO: Record<keyof typeof LOOKS, number> = {
  button: 0.08,
  switch: 0.11,
  selector: 0.1,
  valve: 0.16,
  breaker: 0.09,
  door: 0.38,
  item: 0.09,
  lamp: 0.06,
  gauge: 0.13,
  display: 0.15,
  machine: 0.5,
}

/** Every component of the scenario, each with its kind's look (or its own model) and controls. */
export function Parts({ model, store, ui, controller }: PartsProps) {
  const layout = useMemo(() => getLayout(model), [model])
  return (
    <>
      {model.components.map((c, index) => (
        <Part
          key={c.id}
          model={model}
          index={index}
          store={store}
          ui={ui}
          controller={controller}
          fingerprint={getFingerprint(layout, model, index)}
        />
      ))}
    </>
  )
}

interface OnePartProps extends PartsProps {
  readonly index: number
  /** Changes when this part must be drawn again; a new model alone does not redraw it. */
  readonly fingerprint: string
}

// a recompiled scenario (every edit in the editor) redraws only the parts whose fingerprint changed
const Part = memo(function Part({ model, index, store, ui, controller }: OnePartProps) {
  const c = model.components[index]!
  const url = c.source.model === undefined ? undefined : resolveModelUrl(c.source.model)
  if (c.kind === 'static') {
    return (
      <group
        name={`part:${c.id}`}
        position={c.source.position ?? [0, 0, 0]}
        rotation={toRadians(c.source.rotation)}
        scale={c.source.scale ?? 1}
      >
        {url ? (
          <Suspense fallback={null}>
            <ModelPart
              url={url}
              path={c.source.model!}
              fallback={<StaticPart model={model} index={index} />}
            />
          </Suspense>
        ) : (
          <StaticPart model={model} index={index} />
        )}
      </group>
    )
  }
  const Look = LOOKS[c.kind]
  return (
    <PartShell
      model={model}
      index={index}
      store={store}
      ui={ui}
      controller={controller}
      halo={HALO[c.kind]}
    >
      {url ? (
        <Suspense fallback={<Look model={model} index={index} store={store} />}>
          <ModelPart
            url={url}
            path={c.source.model!}
            fallback={<Look model={model} index={index} store={store} />}
          />
        </Suspense>
      ) : (
        <Look model={model} index={index} store={store} />
      )}
    </PartShell>
  )
}, samePart)

function samePart(a: OnePartProps, b: OnePartProps): boolean {
  return (
    a.fingerprint === b.fingerprint &&
    a.store === b.store &&
    a.ui === b.ui &&
    a.controller === b.controller
  )
}
