import { lazy, memo, Suspense, useMemo } from 'react'
import type { Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import { resolveModelUrl } from '../../state/modelUrls.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import type { PartController } from './partController.ts'
import { getDrawnLook, getLookComponent, MissingLookFallback } from './looks/registry.ts'
import type { Detail } from './looks/types.ts'
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
  /** How much the looks draw (the graphics setting); Simple draws the kinds' default parts. */
  readonly detail?: Detail
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

/** Every component of the scenario, each in its parent's frame, drawn by its look (or model). */
export function Parts({ model, store, ui, controller, detail = 'detailed' }: PartsProps) {
  const tree = useMemo(() => getPartTree(model), [model])
  return (
    <>
      {tree.roots.map((index) => (
        <Part
          key={model.components[index]!.id}
          model={model}
          index={index}
          store={store}
          ui={ui}
          controller={controller}
          detail={detail}
          tree={tree}
          fingerprint={tree.fingerprints[index]!}
        />
      ))}
    </>
  )
}

/** Which parts sit in which parent's frame, and what each part's subtree looks like. */
export interface PartTree {
  /** Parts in the world's frame (no parent, or a parent the scenario does not have). */
  readonly roots: readonly number[]
  readonly children: readonly (readonly number[])[]
  /** Each part's own fingerprint (partFingerprint.ts). */
  readonly own: readonly string[]
  /** Changes when the part or any part mounted on it must be drawn again. */
  readonly fingerprints: readonly string[]
}

/** The parts arranged by `parent`: a part in a cycle (refused by validation) is drawn at the root. Pure. */
export function getPartTree(model: Model): PartTree {
  const n = model.components.length
  const layout = getLayout(model)
  const parentOf = model.components.map((c, i) => {
    const p = c.source.parent === undefined ? undefined : model.componentIndex.get(c.source.parent)
    return p === undefined || p === i ? -1 : p
  })
  // a part whose chain of parents loops never reaches the root: draw it at the root instead
  for (let i = 0; i < n; i++) {
    const seen = new Set<number>([i])
    for (let p = parentOf[i]!; p >= 0; p = parentOf[p]!) {
      if (seen.has(p)) {
        parentOf[i] = -1
        break
      }
      seen.add(p)
    }
  }
  const children: number[][] = model.components.map(() => [])
  const roots: number[] = []
  parentOf.forEach((p, i) => (p < 0 ? roots : children[p]!).push(i))
  const own = model.components.map((_, i) => getFingerprint(layout, model, i))
  const fingerprints: string[] = []
  const subtree = (i: number): string =>
    (fingerprints[i] ??= `${own[i]}[${children[i]!.map(subtree).join(',')}]`)
  for (let i = 0; i < n; i++) subtree(i)
  return { roots, children, own, fingerprints }
}

interface OnePartProps extends Required<PartsProps> {
  readonly index: number
  readonly tree: PartTree
  /** Changes when this part or one mounted on it must be drawn again; a new model alone does not. */
  readonly fingerprint: string
}

// a recompiled scenario (every edit in the editor) redraws only the parts whose fingerprint changed
const Part = memo(function Part(props: OnePartProps) {
  const { model, index, store, ui, controller, detail, tree } = props
  const c = model.components[index]!
  const mounted = tree.children[index]!.map((child) => (
    <Part
      key={model.components[child]!.id}
      {...props}
      index={child}
      fingerprint={tree.fingerprints[child]!}
    />
  ))
  const body = (
    <PartBody
      model={model}
      index={index}
      store={store}
      detail={detail}
      fingerprint={tree.own[index]!}
    />
  )
  if (c.kind === 'static') {
    return (
      <group
        name={`part:${c.id}`}
        position={c.source.position ?? [0, 0, 0]}
        rotation={toRadians(c.source.rotation)}
        scale={c.source.scale ?? 1}
      >
        {body}
        {mounted}
      </group>
    )
  }
  return (
    <PartShell
      model={model}
      index={index}
      store={store}
      ui={ui}
      controller={controller}
      halo={HALO[c.kind]}
      fitHalo={c.source.model === undefined && getDrawnLook(c.source, detail) !== undefined}
    >
      {body}
      {mounted}
    </PartShell>
  )
}, samePart)

function samePart(a: OnePartProps, b: OnePartProps): boolean {
  return (
    a.fingerprint === b.fingerprint &&
    a.store === b.store &&
    a.ui === b.ui &&
    a.controller === b.controller &&
    a.detail === b.detail
  )
}

interface PartBodyProps {
  readonly model: Model
  readonly index: number
  readonly store: SceneSource
  readonly detail: Detail
  /** The part's own fingerprint: a part mounted on it that changes does not redraw it. */
  readonly fingerprint: string
}

/** The part's shapes: its model, else its look, else its kind's default part. */
const PartBody = memo(function PartBody({ model, index, store, detail }: PartBodyProps) {
  const c = model.components[index]!
  const url = c.source.model === undefined ? undefined : resolveModelUrl(c.source.model)
  const fallback =
    c.kind === 'static' ? (
      <StaticPart model={model} index={index} />
    ) : (
      (() => {
        const Default = LOOKS[c.kind]
        return <Default model={model} index={index} store={store} />
      })()
    )
  if (url)
    return (
      <Suspense fallback={c.kind === 'static' ? null : fallback}>
        <ModelPart url={url} path={c.source.model!} fallback={fallback} />
      </Suspense>
    )
  const look = getDrawnLook(c.source, detail)
  if (!look) return fallback
  const Look = getLookComponent(look)
  return (
    <MissingLookFallback value={fallback}>
      <Suspense fallback={fallback}>
        <Look model={model} index={index} store={store} look={look} detail={detail} />
      </Suspense>
    </MissingLookFallback>
  )
}, sameBody)

function sameBody(a: PartBodyProps, b: PartBodyProps): boolean {
  return a.fingerprint === b.fingerprint && a.store === b.store && a.detail === b.detail
}
