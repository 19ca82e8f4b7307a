import { Piece } from '../../Piece.tsx'
import type { Detail, LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  box,
  cylinder,
  flangeSolids,
  lathe,
  mergedGeometry,
  sides,
  type Solid,
} from './shapes.ts'

/** The pipe size a strainer is drawn for (metres); its parts are in diameters of it. */
export const STRAINER_SIZE = 0.08

/**
 * A duplex basket strainer: two basket pots side by side with bolted covers, joined by the body
 * that carries the change-over valve and its handle on top, and flanged nozzles along x (the
 * origin is on their axis). Drawn for an 80 mm pipe.
 */
export function Strainer(props: LookProps) {
  const { detail } = props
  const color = props.model.components[props.index]!.source.color ?? PROCESS.valveBody
  return (
    <group scale={STRAINER_SIZE}>
      <Piece geometry={strainerBody(detail)} color={color} finish="painted" />
      <Piece geometry={strainerSteel(detail)} color={PROCESS.steel} finish="stainless" />
      <Piece geometry={strainerHandle()} color={PROCESS.handwheel} finish="painted" />
    </group>
  )
}

const POTS = [-1.0, 1.0]

function strainerBody(detail: Detail) {
  return mergedGeometry(`strainer-body|${detail}`, () => {
    const seg = sides(detail, 24)
    const solids: Solid[] = [
      { geometry: box(1.3, 1.2, 1.1), at: [0, 0, 0] },
      { geometry: cylinder(0.56, 4.6, seg), rotation: ALONG_X },
      ...flangeSolids([-2.2, 0, 0], detail),
      ...flangeSolids([2.2, 0, 0], detail),
    ]
    for (const x of POTS) {
      solids.push(
        { geometry: cylinder(0.85, 2.6, seg), at: [x, -0.4, 0] },
        {
          geometry: lathe(
            [
              [0.0001, -1.95],
              [0.5, -1.9],
              [0.8, -1.75],
              [0.85, -1.7],
            ],
            seg,
          ),
          at: [x, 0.25, 0],
        },
        // the cover's flange
        { geometry: cylinder(1.05, 0.16, seg), at: [x, 0.98, 0] },
        {
          geometry: lathe(
            [
              [0.95, 0],
              [0.8, 0.22],
              [0.4, 0.34],
              [0.0001, 0.36],
            ],
            seg,
          ),
          at: [x, 1.06, 0],
        },
      )
    }
    return solids
  })
}

/** The cover bolts, the drain plugs and the change-over valve's stem. */
function strainerSteel(detail: Detail) {
  return mergedGeometry(`strainer-steel|${detail}`, () => {
    const solids: Solid[] = [{ geometry: cylinder(0.16, 1.4, 10), at: [0, 1.2, 0] }]
    for (const x of POTS) {
      solids.push({ geometry: cylinder(0.18, 0.25, 6), at: [x, -1.82, 0] })
      const bolts = detail === 'detailed' ? 6 : 3
      for (let k = 0; k < bolts; k++) {
        const a = (k * Math.PI * 2) / bolts + 0.3
        solids.push({
          geometry: cylinder(0.08, 0.35, 6),
          at: [x + Math.cos(a) * 0.92, 1.05, Math.sin(a) * 0.92],
        })
      }
    }
    return solids
  })
}

/** The change-over lever, set towards the left basket. */
function strainerHandle() {
  return mergedGeometry('strainer-handle', () => [
    { geometry: box(1.8, 0.16, 0.3), at: [-0.7, 1.9, 0.35], rotation: [0, -0.5, 0] },
    { geometry: cylinder(0.25, 0.25, 6), at: [0, 1.9, 0] },
  ])
}
