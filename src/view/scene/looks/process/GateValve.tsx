import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  box,
  cylinder,
  flangeSolids,
  lathe,
  mergedGeometry,
  sides,
  torus,
  type Solid,
} from './shapes.ts'
import { useOpening } from './useOpening.ts'

/** How far the stem rises from closed to open, in pipe diameters. */
export const GATE_STEM_RISE = 1

/**
 * A flanged gate valve with a rising stem (outside screw and yoke): a cast body, a bonnet, the
 * yoke, and a red handwheel on top; the stem rises through the wheel as the valve opens. Drawn in
 * pipe diameters (params.size) along x, the stem up +y.
 */
export function GateValve(props: LookProps) {
  const { detail } = props
  const size = numberParam(props, 'size')
  const stem = useRef<Group>(null)
  const wheel = useRef<Group>(null)
  useOpening(props, (opening) => {
    stem.current!.position.y = opening * GATE_STEM_RISE
    // several turns, and not a whole number of the three spokes' thirds, so it looks turned
    wheel.current!.rotation.y = -opening * Math.PI * 5
  })
  const color = props.model.components[props.index]!.source.color ?? PROCESS.handwheel
  return (
    <group scale={size}>
      <Piece geometry={gateBody(detail)} color={PROCESS.valveBody} finish="painted" />
      <group ref={stem} name="stem">
        <Piece geometry={stemGeometry(detail)} color={PROCESS.steel} finish="stainless" />
      </group>
      <group ref={wheel} name="handwheel" position={[0, 3.45, 0]}>
        <Piece geometry={gateWheel(detail)} color={color} finish="painted" />
      </group>
    </group>
  )
}

function gateBody(detail: Detail) {
  return mergedGeometry(`gate-body|${detail}`, () => {
    const seg = sides(detail)
    const solids: Solid[] = [
      { geometry: cylinder(0.56, 2.2, seg), rotation: ALONG_X },
      ...flangeSolids([-1.09, 0, 0], detail),
      ...flangeSolids([1.09, 0, 0], detail),
      {
        // the belly that holds the wedge, a little flatter across the pipe
        geometry: lathe(
          [
            [0, -1.05],
            [0.5, -1.0],
            [0.8, -0.6],
            [0.88, 0],
            [0.8, 0.55],
            [0.7, 0.78],
            [0, 0.78],
          ],
          seg,
        ),
        scale: [1, 1, 0.82],
      },
      { geometry: cylinder(0.82, 0.16, seg), at: [0, 0.84, 0], scale: [1, 1, 0.86] },
      { geometry: cylinder(0.55, 1.0, seg, 0.34), at: [0, 1.42, 0] },
      { geometry: cylinder(0.26, 0.22, seg), at: [0, 2.0, 0] },
      // the yoke: two arms and the bridge that carries the wheel
      { geometry: box(0.16, 1.3, 0.26), at: [-0.4, 2.55, 0] },
      { geometry: box(0.16, 1.3, 0.26), at: [0.4, 2.55, 0] },
      { geometry: box(0.96, 0.18, 0.36), at: [0, 3.2, 0] },
      { geometry: cylinder(0.2, 0.28, seg), at: [0, 3.3, 0] },
    ]
    if (detail === 'detailed') {
      // the bonnet's bolts
      for (let k = 0; k < 6; k++) {
        const a = (k * Math.PI * 2) / 6
        solids.push({
          geometry: cylinder(0.07, 0.3, 6),
          at: [Math.cos(a) * 0.68, 0.86, Math.sin(a) * 0.58],
        })
      }
    }
    return solids
  })
}

/** The stem, as it stands when closed: its top just above the wheel's hub. */
function stemGeometry(detail: Detail) {
  return mergedGeometry(`gate-stem|${detail}`, () => [
    { geometry: cylinder(0.085, 2.6, sides(detail, 12)), at: [0, 2.3, 0] },
  ])
}

function gateWheel(detail: Detail) {
  return mergedGeometry(`gate-wheel|${detail}`, () => {
    const seg = sides(detail, 32)
    const solids: Solid[] = [
      { geometry: torus(1.05, 0.09, seg), rotation: [Math.PI / 2, 0, 0] },
      { geometry: cylinder(0.22, 0.3, sides(detail, 12)) },
    ]
    for (let k = 0; k < 3; k++) {
      const a = (k * Math.PI * 2) / 3
      solids.push({
        geometry: box(1.0, 0.08, 0.12),
        at: [Math.cos(a) * 0.55, 0, -Math.sin(a) * 0.55],
        rotation: [0, a, 0],
      })
    }
    if (detail === 'detailed') {
      // the knob on the rim
      solids.push({ geometry: cylinder(0.07, 0.35, 8), at: [1.05, 0.2, 0] })
    }
    return solids
  })
}
