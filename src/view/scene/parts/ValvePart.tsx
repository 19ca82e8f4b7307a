import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { COLORS, geo } from '../resources.ts'
import { FACING, stateIndex, type PartProps } from './types.ts'

/** A valve on a pipe: a quarter-turn lever for two states, a handwheel that turns for more. */
export function ValvePart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const lever = c.states.length === 2
  const handle = useRef<Group>(null)
  const color = c.source.color ?? COLORS.red
  useSceneEffect(store, selectState(index), (state) => {
    const position = stateIndex(model, index, state)
    const open = /open/i.test(state) || (!/closed/i.test(state) && position > 0)
    handle.current!.rotation.z = lever ? (open ? 0 : Math.PI / 2) : position * (Math.PI * 1.5)
  })
  return (
    <group>
      <Piece
        geometry={geo.cylinder()}
        color={COLORS.steel}
        finish="metal"
        rotation={[0, 0, Math.PI / 2]}
        scale={[0.07, 0.5, 0.07]}
      />
      <Piece geometry={geo.sphere()} color={COLORS.brass} finish="metal" scale={0.13} />
      <Piece
        geometry={geo.cylinderLow()}
        color={COLORS.steel}
        finish="metal"
        rotation={FACING}
        scale={[0.02, 0.08, 0.02]}
        position={[0, 0, 0.08]}
      />
      {lever ? (
        <group ref={handle} name="lever" position={[0, 0, 0.12]}>
          <Piece
            geometry={geo.box()}
            color={color}
            scale={[0.24, 0.025, 0.02]}
            position={[0.09, 0, 0]}
          />
        </group>
      ) : (
        <group ref={handle} name="handwheel" position={[0, 0, 0.12]}>
          <Piece geometry={geo.ring()} color={color} scale={0.18} />
          {[0, 1, 2].map((k) => (
            <Piece
              key={k}
              geometry={geo.box()}
              color={color}
              rotation={[0, 0, (k * Math.PI) / 3]}
              scale={[0.17, 0.012, 0.012]}
            />
          ))}
        </group>
      )}
    </group>
  )
}
