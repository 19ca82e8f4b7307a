import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { getLeverAngle } from './BallValve.tsx'
import { Lever } from './Lever.tsx'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  ALONG_Z,
  box,
  cylinder,
  flangeSolids,
  mergedGeometry,
  sector,
  sides,
  torus,
  type Solid,
} from './shapes.ts'
import { useOpening } from './useOpening.ts'

/** From this pipe size up a butterfly valve is worked by a gearbox and handwheel, not a lever. */
export const GEARED_FROM = 0.25

/**
 * A wafer butterfly valve clamped between two pipe flanges, with a notched lever (or, large, a
 * gearbox with a handwheel and a position arrow); the disc inside turns with it. Drawn in pipe
 * diameters (params.size) along x, the stem up +y.
 */
export function ButterflyValve(props: LookProps) {
  const { detail } = props
  const size = numberParam(props, 'size')
  const geared = size >= GEARED_FROM
  const disc = useRef<Group>(null)
  const handle = useRef<Group>(null)
  const wheel = useRef<Group>(null)
  useOpening(props, (opening) => {
    // closed, the disc stands across the bore; open, it lies edge-on to the flow
    disc.current!.rotation.y = (opening * Math.PI) / 2
    handle.current!.rotation.y = getLeverAngle(opening)
    if (wheel.current) wheel.current.rotation.z = -opening * Math.PI * 7
  })
  const grip = props.model.components[props.index]!.source.color ?? PROCESS.grip
  return (
    <group scale={size}>
      <Piece geometry={waferBody(detail)} color={PROCESS.valveBody} finish="painted" />
      <Piece geometry={pipeFlanges(detail)} color={PROCESS.darkSteel} finish="stainless" />
      <group ref={disc} name="disc">
        <Piece geometry={discGeometry(detail)} color={PROCESS.steel} finish="stainless" />
      </group>
      {geared ? (
        <>
          <Piece geometry={gearbox(detail)} color={PROCESS.valveBody} finish="painted" />
          <group ref={wheel} name="handwheel" position={[0, 1.95, 0.62]}>
            <Piece geometry={sideWheel(detail)} color={grip} finish="painted" />
          </group>
          <group ref={handle} name="indicator" position={[0, 2.33, 0]}>
            <Piece geometry={arrow()} color={PROCESS.guard} finish="painted" />
          </group>
        </>
      ) : (
        <>
          <Piece geometry={notchPlate(detail)} color={PROCESS.steel} finish="stainless" />
          <Lever ref={handle} length={2.6} position={[0, 1.66, 0]} grip={grip} detail={detail} />
        </>
      )}
    </group>
  )
}

function waferBody(detail: Detail) {
  return mergedGeometry(`butterfly-body|${detail}`, () => {
    const seg = sides(detail, 28)
    return [
      { geometry: cylinder(0.8, 0.42, seg), rotation: ALONG_X },
      { geometry: cylinder(0.2, 0.9, sides(detail, 12)), at: [0, 1.05, 0] },
      { geometry: box(0.7, 0.1, 0.55), at: [0, 1.5, 0] },
      { geometry: cylinder(0.12, 0.35, sides(detail, 12)), at: [0, -0.9, 0] },
    ]
  })
}

/** The two pipe flanges the wafer sits between, with the studs that clamp it. */
function pipeFlanges(detail: Detail) {
  return mergedGeometry(`butterfly-flanges|${detail}`, () => {
    const solids: Solid[] = [
      ...flangeSolids([-0.33, 0, 0], detail),
      ...flangeSolids([0.33, 0, 0], detail),
      { geometry: cylinder(0.52, 2.0, sides(detail)), rotation: ALONG_X },
    ]
    if (detail === 'detailed') {
      for (let k = 0; k < 8; k++) {
        const a = ((k + 0.5) * Math.PI * 2) / 8
        solids.push({
          geometry: cylinder(0.05, 1.0, 6),
          at: [0, Math.cos(a) * 0.86, Math.sin(a) * 0.86],
          rotation: ALONG_X,
        })
      }
    }
    return solids
  })
}

function discGeometry(detail: Detail) {
  return mergedGeometry(`butterfly-disc|${detail}`, () => [
    { geometry: cylinder(0.7, 0.08, sides(detail)), rotation: ALONG_X },
    { geometry: cylinder(0.07, 1.5, 8) },
  ])
}

/** The notched quadrant the lever's trigger locks into. */
function notchPlate(detail: Detail) {
  return mergedGeometry(`butterfly-notch|${detail}`, () => {
    // a quarter of a disc, from +x (open) round to +z (closed)
    const solids: Solid[] = [
      { geometry: sector(1.0, 0.05, sides(detail, 16), Math.PI / 2), at: [0, 1.58, 0] },
    ]
    if (detail === 'detailed') {
      for (let k = 0; k <= 4; k++) {
        const a = (k * Math.PI) / 8
        solids.push({
          geometry: box(0.08, 0.08, 0.08),
          at: [Math.sin(a) * 0.95, 1.62, Math.cos(a) * 0.95],
        })
      }
    }
    return solids
  })
}

function gearbox(detail: Detail) {
  return mergedGeometry(`butterfly-gearbox|${detail}`, () => [
    { geometry: box(0.9, 0.6, 0.75), at: [0, 1.85, 0] },
    { geometry: cylinder(0.35, 0.12, sides(detail, 16)), at: [0, 2.2, 0] },
    { geometry: cylinder(0.1, 0.5, 8), at: [0, 1.95, 0.45], rotation: ALONG_Z },
  ])
}

function sideWheel(detail: Detail) {
  return mergedGeometry(`butterfly-wheel|${detail}`, () => {
    const solids: Solid[] = [{ geometry: torus(0.6, 0.06, sides(detail, 28)) }]
    for (let k = 0; k < 3; k++) {
      const a = (k * Math.PI * 2) / 3
      solids.push({
        geometry: box(0.6, 0.06, 0.06),
        at: [Math.cos(a) * 0.3, Math.sin(a) * 0.3, 0],
        rotation: [0, 0, a],
      })
    }
    return solids
  })
}

/** The arrow on the gearbox that points along the disc: along the pipe when open. */
function arrow() {
  return mergedGeometry('butterfly-arrow', () => [
    { geometry: box(0.7, 0.05, 0.1), at: [0.1, 0, 0] },
    { geometry: cylinder(0.001, 0.25, 3, 0.16), at: [0.52, 0, 0], rotation: [0, 0, -Math.PI / 2] },
  ])
}
