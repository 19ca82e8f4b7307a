import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import { box, cylinder, hexSolid, mergedGeometry, sides, sphere } from './shapes.ts'
import { useOpening } from './useOpening.ts'

/** How far the T-handle rises from closed to open, in pipe diameters. */
export const NEEDLE_RISE = 0.8

/**
 * A stainless needle valve: a bar-stock body with threaded hex ends, a bonnet nut and a stem with
 * a T-handle that rises and turns as it opens. Drawn in pipe diameters (params.size) along x,
 * the stem up +y.
 */
export function NeedleValve(props: LookProps) {
  const { detail } = props
  const size = numberParam(props, 'size')
  const handle = useRef<Group>(null)
  useOpening(props, (opening) => {
    handle.current!.position.y = opening * NEEDLE_RISE
    // two and a half turns: the bar ends up square to where it was
    handle.current!.rotation.y = opening * Math.PI * 2.5
  })
  const color = props.model.components[props.index]!.source.color ?? PROCESS.black
  return (
    <group scale={size}>
      <Piece geometry={needleBody(detail)} color={PROCESS.steel} finish="stainless" />
      <group ref={handle} name="stem">
        <Piece geometry={needleStem(detail)} color={PROCESS.steel} finish="stainless" />
        <Piece geometry={tHandle(detail)} color={color} finish="painted" />
      </group>
    </group>
  )
}

function needleBody(detail: Detail) {
  return mergedGeometry(`needle-body|${detail}`, () => [
    { geometry: box(2.0, 1.5, 1.3) },
    hexSolid([-1.25, 0, 0], 0.5, 1.2),
    hexSolid([1.25, 0, 0], 0.5, 1.2),
    { geometry: cylinder(0.7, 0.5, 6), at: [0, 1.0, 0] },
    { geometry: cylinder(0.42, 1.1, sides(detail, 16)), at: [0, 1.8, 0] },
    { geometry: cylinder(0.5, 0.3, 6), at: [0, 2.45, 0] },
  ])
}

/** The stem as it stands when closed, with the handle on top. */
function needleStem(detail: Detail) {
  return mergedGeometry(`needle-stem|${detail}`, () => [
    { geometry: cylinder(0.16, 1.0, sides(detail, 10)), at: [0, 2.9, 0] },
  ])
}

function tHandle(detail: Detail) {
  return mergedGeometry(`needle-handle|${detail}`, () => {
    const seg = sides(detail, 12)
    return [
      { geometry: cylinder(0.3, 0.45, seg), at: [0, 3.45, 0] },
      { geometry: cylinder(0.14, 2.6, seg), at: [0, 3.5, 0], rotation: [0, 0, Math.PI / 2] },
      { geometry: sphere(0.22, seg), at: [-1.3, 3.5, 0] },
      { geometry: sphere(0.22, seg), at: [1.3, 3.5, 0] },
    ]
  })
}
