import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { setPieceLook } from '../pieceBatches.ts'
import { Piece } from '../Piece.tsx'
import { selectState, useSceneEffect } from '../hooks.ts'
import { COLORS, geo } from '../resources.ts'
import { stateIndex, type PartProps } from './types.ts'

/** A DIN-rail circuit breaker whose toggle flips up (on) or down (off). */
export function BreakerPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const toggle = useRef<Group>(null)
  const flag = useRef<Mesh>(null)
  useSceneEffect(store, selectState(index), (state) => {
    const up =
      /^(on|closed)$/i.test(state) ||
      (!/^(off|open|tripped)$/i.test(state) && stateIndex(model, index, state) > 0)
    toggle.current!.rotation.x = up ? -0.5 : 0.5
    setPieceLook(flag.current!, { color: up ? COLORS.red : COLORS.green })
  })
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={COLORS.white}
        scale={[0.08, 0.14, 0.07]}
        position={[0, 0, 0.035]}
      />
      <Piece
        ref={flag}
        name="flag"
        geometry={geo.box()}
        color={COLORS.green}
        scale={[0.05, 0.012, 0.002]}
        position={[0, -0.045, 0.071]}
      />
      <group ref={toggle} name="toggle" position={[0, 0.01, 0.07]}>
        <Piece
          geometry={geo.box()}
          color={c.source.color ?? COLORS.dark}
          scale={[0.03, 0.025, 0.05]}
          position={[0, 0, 0.02]}
        />
      </group>
    </group>
  )
}
