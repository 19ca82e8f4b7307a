import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import type { Detail, LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import { box, cylinder, hexSolid, lathe, mergedGeometry, sides, type Solid } from './shapes.ts'
import { useOpening } from './useOpening.ts'

/**
 * A compressed-air line filter: an aluminium head with threaded ports along x (the origin is on
 * their axis), the white element under it and a clear bowl with its bayonet ring and drain. As a
 * door, the bowl is off (hidden) while open and the bare element shows.
 */
export function Filter(props: LookProps) {
  const { detail } = props
  const bowl = useRef<Group>(null)
  useOpening(props, (opening) => {
    bowl.current!.visible = opening === 0
  })
  const color = props.model.components[props.index]!.source.color ?? PROCESS.steel
  return (
    <group>
      <Piece geometry={filterHead(detail)} color={color} finish="stainless" />
      {detail === 'detailed' && (
        <Piece geometry={filterIndicator(detail)} color={PROCESS.guard} finish="painted" />
      )}
      <Piece geometry={filterElement(detail)} color={PROCESS.element} finish="painted" />
      <group ref={bowl} name="bowl">
        <Piece geometry={bowlRing(detail)} color={PROCESS.darkSteel} finish="painted" />
        <Piece geometry={bowlGlass(detail)} color={PROCESS.glass} finish="glass" />
        <Piece geometry={bowlDrain(detail)} color={PROCESS.black} finish="rubber" />
      </group>
    </group>
  )
}

function filterHead(detail: Detail) {
  return mergedGeometry(`filter-head|${detail}`, () => [
    { geometry: box(0.08, 0.07, 0.07), at: [0, 0.005, 0] },
    hexSolid([-0.05, 0, 0], 0.02, 0.036),
    hexSolid([0.05, 0, 0], 0.02, 0.036),
    {
      geometry: cylinder(0.011, 0.03, sides(detail, 12)),
      at: [-0.07, 0, 0],
      rotation: [0, 0, Math.PI / 2],
    },
    {
      geometry: cylinder(0.011, 0.03, sides(detail, 12)),
      at: [0.07, 0, 0],
      rotation: [0, 0, Math.PI / 2],
    },
  ])
}

/** The service indicator on top of the head. */
function filterIndicator(detail: Detail) {
  return mergedGeometry(`filter-indicator|${detail}`, () => [
    { geometry: cylinder(0.012, 0.014, sides(detail, 12)), at: [0, 0.047, 0] },
  ])
}

function filterElement(detail: Detail) {
  return mergedGeometry(`filter-element|${detail}`, () => {
    const seg = sides(detail, 16)
    const solids: Solid[] = [{ geometry: cylinder(0.021, 0.105, seg), at: [0, -0.1, 0] }]
    if (detail === 'detailed') {
      // the pleats' end caps
      solids.push({ geometry: cylinder(0.023, 0.008, seg), at: [0, -0.05, 0] })
      solids.push({ geometry: cylinder(0.023, 0.008, seg), at: [0, -0.153, 0] })
    }
    return solids
  })
}

function bowlRing(detail: Detail) {
  return mergedGeometry(`filter-ring|${detail}`, () => [
    { geometry: cylinder(0.038, 0.018, sides(detail, 20)), at: [0, -0.04, 0] },
  ])
}

function bowlGlass(detail: Detail) {
  return mergedGeometry(`filter-bowl|${detail}`, () => [
    {
      geometry: lathe(
        [
          [0.0001, -0.2],
          [0.018, -0.198],
          [0.03, -0.185],
          [0.034, -0.16],
          [0.035, -0.049],
        ],
        sides(detail, 20),
      ),
    },
  ])
}

function bowlDrain(detail: Detail) {
  return mergedGeometry(`filter-drain|${detail}`, () => [
    { geometry: cylinder(0.008, 0.02, sides(detail, 10)), at: [0, -0.208, 0] },
  ])
}
