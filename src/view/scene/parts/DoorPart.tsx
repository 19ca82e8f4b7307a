import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { COLORS, geo } from '../resources.ts'
import { stateIndex, type PartProps } from './types.ts'

/** A guard or cabinet door, hinged on its left edge, swinging toward the viewer as it opens. */
export function DoorPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const leaf = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    const n = c.states.length
    const opening = /open/i.test(state)
      ? 1
      : /closed/i.test(state)
        ? 0
        : stateIndex(model, index, state) / Math.max(1, n - 1)
    leaf.current!.rotation.y = -opening * (Math.PI * 0.55)
  })
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={COLORS.dark}
        scale={[0.62, 0.52, 0.02]}
        position={[0, 0, -0.012]}
      />
      <group ref={leaf} name="leaf" position={[-0.3, 0, 0]}>
        <Piece
          geometry={geo.box()}
          color={c.source.color ?? COLORS.yellow}
          scale={[0.6, 0.5, 0.02]}
          position={[0.3, 0, 0.01]}
        />
        <Piece
          geometry={geo.box()}
          color={COLORS.dark}
          scale={[0.03, 0.1, 0.03]}
          position={[0.54, 0, 0.035]}
        />
      </group>
    </group>
  )
}
