import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { COLORS, geo } from '../resources.ts'
import { FACING, stateIndex, type PartProps } from './types.ts'

/** The handle angle of a rotary isolator: "off" lies horizontal, "on" stands vertical, others step by 90°. */
export function getSwitchAngle(states: readonly string[], state: string, position: number): number {
  if (/^(off|open|0)$/i.test(state)) return -Math.PI / 2
  if (/^(on|closed|1)$/i.test(state)) return 0
  return (-Math.PI / 2) * (position / Math.max(1, states.length - 1))
}

/** A rotary isolator: yellow plate, red handle that turns with the state. */
export function RotarySwitchPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const handle = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    handle.current!.rotation.z = getSwitchAngle(c.states, state, stateIndex(model, index, state))
  })
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={COLORS.yellow}
        scale={[0.16, 0.16, 0.02]}
        position={[0, 0, 0.01]}
      />
      <Piece
        geometry={geo.cylinder()}
        color={COLORS.dark}
        rotation={FACING}
        scale={[0.07, 0.02, 0.07]}
        position={[0, 0, 0.03]}
      />
      <group ref={handle} name="handle" position={[0, 0, 0.045]}>
        <Piece
          geometry={geo.box()}
          color={c.source.color ?? COLORS.red}
          scale={[0.035, 0.15, 0.035]}
        />
      </group>
    </group>
  )
}
