import type { Ref } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import type { Detail } from '../types.ts'
import { PROCESS } from './palette.ts'
import { box, cylinder, mergedGeometry, type Triple } from './shapes.ts'

export interface LeverProps {
  /** From the stem to the end of the grip, in the valve's units. */
  readonly length: number
  /** Where the lever sits on the stem. */
  readonly position: Triple
  readonly grip: string
  readonly detail: Detail
  /** Turned about y by the valve: along +x is open, along +z closed. */
  readonly ref: Ref<Group>
}

/** A quarter-turn valve's flat steel lever with its plastic grip, lying along +x. */
export function Lever({ length, position, grip, detail, ref }: LeverProps) {
  return (
    <group ref={ref} name="lever" position={position}>
      <Piece geometry={leverBar(length, detail)} color={PROCESS.steel} finish="stainless" />
      <Piece geometry={leverGrip(length)} color={grip} finish="rubber" />
    </group>
  )
}

function leverBar(length: number, detail: Detail) {
  return mergedGeometry(`lever-bar|${length}|${detail}`, () => [
    { geometry: box(length * 0.62, 0.09, 0.3), at: [length * 0.28, 0, 0] },
    // the nut that holds it on the stem
    { geometry: cylinder(0.2, 0.2, 6), at: [0, 0.12, 0] },
  ])
}

function leverGrip(length: number) {
  return mergedGeometry(`lever-grip|${length}`, () => [
    { geometry: box(length * 0.45, 0.22, 0.4), at: [length * 0.76, 0, 0] },
  ])
}
