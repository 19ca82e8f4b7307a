import { useCursor } from '@react-three/drei'
import type { ThreeEvent } from '@react-three/fiber'
import { useState, type ReactNode } from 'react'
import type { Model } from '../../core/index.ts'
import type { AttemptStore } from '../../state/attemptStore.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { usePartEmphasis } from './hooks.ts'
import { LockTag } from './LockTag.tsx'
import type { PartController } from './partController.ts'
import { COLORS, geo, mat } from './resources.ts'

export interface PartShellProps {
  readonly model: Model
  readonly index: number
  readonly store: AttemptStore
  readonly ui: SceneUiStore
  readonly controller: PartController
  /** Radius of the highlight around the part, in its local units. */
  readonly halo: number
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
export function PartShell({ model, index, store, ui, controller, halo, children }: PartShellProps) {
  const source = model.components[index]!.source
  const emphasis = usePartEmphasis(ui, store, model, index)
  const [hovered, setHovered] = useState(false)
  useCursor(hovered)
  const onOver = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    setHovered(true)
    ui.getState().set({ hovered: index })
  }
  const onOut = () => {
    setHovered(false)
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
      {emphasis && (
        <mesh
          name="highlight"
          geometry={geo.sphere()}
          material={mat(emphasis === 'focus' ? COLORS.highlight : COLORS.next, {
            transparent: 0.22,
          })}
          scale={halo * 2}
          raycast={() => null}
        />
      )}
      <LockTag store={store} index={index} offset={halo} />
    </group>
  )
}
