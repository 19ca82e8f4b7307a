import type { ThreeEvent } from '@react-three/fiber'
import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import type { Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { HitVolume } from './HitVolume.tsx'
import type { PartController } from './partController.ts'
import { PartHalo } from './PartHalo.tsx'

/**
 * The padlock and danger tag, hidden until a part is locked or tagged: fetched while the scene
 * shows, which draws the parts without them meanwhile (tests/bench/bundle.ts counts it apart).
 */
const LockTag = lazy(() => import('./LockTag.tsx').then((m) => ({ default: m.LockTag })))

export interface PartShellProps {
  readonly model: Model
  readonly index: number
  readonly store: SceneSource
  readonly ui: SceneUiStore
  readonly controller: PartController
  /** Radius of the highlight around the part, in its local units. */
  readonly halo: number
  /** The part is drawn by a look: its highlight fits its drawn size instead. */
  readonly fitHalo?: boolean
  readonly children: ReactNode
}

const DEG = Math.PI / 180

/** A scenario rotation (degrees) as three.js Euler angles (radians). */
export function toRadians(
  rotation: readonly [number, number, number] | undefined,
): [number, number, number] {
  const [x, y, z] = rotation ?? [0, 0, 0]
  return [x * DEG, y * DEG, z * DEG]
}

/** Places a part, makes it clickable and hoverable, and shows its highlight, lock and tag. */
export function PartShell({
  model,
  index,
  store,
  ui,
  controller,
  halo,
  fitHalo = false,
  children,
}: PartShellProps) {
  const c = model.components[index]!
  const source = c.source
  // the pointer leaves with the part (an edit that removes it, the end of the attempt)
  useEffect(
    () => () => {
      if (ui.getState().hovered === index) document.body.style.cursor = 'auto'
    },
    [ui, index],
  )
  const onOver = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    document.body.style.cursor = 'pointer'
    ui.getState().set({ hovered: index })
  }
  const onOut = () => {
    document.body.style.cursor = 'auto'
    if (ui.getState().hovered === index) ui.getState().set({ hovered: null })
  }
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    // a drag that turned the view is not a click on the part
    if (e.delta > 6) return
    controller.primary(index)
  }
  const onContextMenu = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    e.nativeEvent.preventDefault()
    controller.openMenu(index)
  }
  return (
    <group
      name={`part:${source.id}`}
      position={source.position ?? [0, 0, 0]}
      rotation={toRadians(source.rotation)}
      scale={source.scale ?? 1}
      onPointerOver={onOver}
      onPointerOut={onOut}
      onClick={onClick}
      onContextMenu={onContextMenu}
    >
      {children}
      <HitVolume model={model} index={index} />
      <PartHalo model={model} index={index} store={store} ui={ui} radius={halo} fit={fitHalo} />
      {(c.lockable || c.taggable) && (
        <Suspense fallback={null}>
          <LockTag
            store={store}
            index={index}
            offset={halo}
            lockable={c.lockable}
            taggable={c.taggable}
          />
        </Suspense>
      )}
    </group>
  )
}
