import { useRef } from 'react'
import type { Mesh } from 'three'
import { useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { MountingDisc } from './MountingDisc.tsx'
import { COLORS, geo } from '../resources.ts'
import { FACING, type PartProps } from './types.ts'

/** A mushroom-head push button that dips for a moment when pressed. */
export function ButtonPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const stem = useRef<Mesh>(null)
  const head = useRef<Mesh>(null)
  // pressed "just now": the last logged event pressed this button
  useSceneEffect(
    store,
    (s) => {
      const last = s.events[s.events.length - 1]
      return last?.action === 'press' && last.target === c.id
    },
    (pressed) => {
      stem.current!.position.z = pressed ? 0.035 : 0.04
      head.current!.position.z = pressed ? 0.05 : 0.058
    },
  )
  return (
    <group>
      <MountingDisc diameter={0.1} depth={0.03} />
      <Piece
        ref={stem}
        geometry={geo.cylinderLow()}
        color={COLORS.steel}
        finish="metal"
        rotation={FACING}
        scale={[0.05, 0.03, 0.05]}
        position={[0, 0, 0.04]}
      />
      <Piece
        ref={head}
        name="head"
        geometry={geo.dome()}
        color={c.source.color ?? COLORS.red}
        rotation={FACING}
        scale={[0.09, 0.05, 0.09]}
        position={[0, 0, 0.058]}
      />
    </group>
  )
}
