import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { MountingDisc } from './MountingDisc.tsx'
import { COLORS, geo } from '../resources.ts'
import { stateIndex, type PartProps } from './types.ts'

const SPREAD = (2 * Math.PI) / 3

/** Angle of a selector knob for state position i of n: spread evenly over 120°, left to right. */
export function getSelectorAngle(i: number, n: number): number {
  return SPREAD / 2 - (SPREAD * i) / Math.max(1, n - 1)
}

/** A multi-position selector: a black dial plate with a tick per position and a pointer knob. */
export function SelectorPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const n = c.states.length
  const knob = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    knob.current!.rotation.z = getSelectorAngle(stateIndex(model, index, state), n)
  })
  return (
    <group>
      <MountingDisc diameter={0.15} depth={0.02} />
      {c.states.map((s, i) => (
        <group key={s} rotation={[0, 0, getSelectorAngle(i, n)]}>
          <Piece
            geometry={geo.box()}
            color={COLORS.white}
            scale={[0.008, 0.02, 0.004]}
            position={[0, 0.065, 0.022]}
          />
        </group>
      ))}
      <group ref={knob} name="knob" position={[0, 0, 0.035]}>
        <Piece
          geometry={geo.box()}
          color={c.source.color ?? COLORS.steel}
          scale={[0.03, 0.1, 0.035]}
        />
        <Piece
          geometry={geo.box()}
          color={COLORS.white}
          scale={[0.008, 0.035, 0.002]}
          position={[0, 0.03, 0.018]}
        />
      </group>
    </group>
  )
}
