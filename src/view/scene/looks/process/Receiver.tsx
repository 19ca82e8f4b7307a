import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import { box, cylinder, mergedGeometry, sides, type Solid, type Triple } from './shapes.ts'
import { nozzleSolids, shellSolid } from './vessel.ts'

/** Where a receiver's parts are, from its diameter and overall height (metres). Pure. */
export function getReceiverLayout(diameter: number, height: number) {
  const radius = diameter / 2
  const legs = Math.min(0.35, 0.2 + diameter * 0.1)
  const head = diameter / 4
  const bottom = legs
  const shellLow = bottom + head
  const shellHigh = Math.max(shellLow + 0.05, height - head)
  const run = shellHigh - shellLow
  return {
    radius,
    legs,
    head,
    bottom,
    top: height,
    shellLow,
    shellHigh,
    /** The nozzles' faces: inlet low at -x, outlet high at +x, one on top, the drain below. */
    nozzles: {
      inlet: [-radius - 0.12, shellLow + run * 0.25, 0] as Triple,
      outlet: [radius + 0.12, shellLow + run * 0.8, 0] as Triple,
      top: [0, height + 0.08, 0] as Triple,
      drain: [0, bottom - 0.08, 0] as Triple,
    },
  }
}

/**
 * A vertical compressed-air receiver: a shell with 2:1 dished ends on three legs, a hand-hole
 * with its cover and a nameplate facing +z, an inlet nozzle low at -x, an outlet high at +x, a
 * nozzle on top for the safety valve and one below for the drain (getReceiverLayout). The origin
 * is on the floor under its axis; params.diameter and params.height (overall) in metres.
 */
export function Receiver(props: LookProps) {
  const { detail } = props
  const diameter = numberParam(props, 'diameter')
  const height = numberParam(props, 'height')
  const color = props.model.components[props.index]!.source.color ?? PROCESS.vessel
  return (
    <group>
      <Piece geometry={receiverBody(diameter, height, detail)} color={color} finish="painted" />
      {detail === 'detailed' && (
        <Piece
          geometry={receiverPlate(diameter, height)}
          color={PROCESS.nameplate}
          finish="stainless"
        />
      )}
    </group>
  )
}

function receiverBody(diameter: number, height: number, detail: Detail) {
  return mergedGeometry(`receiver|${diameter}|${height}|${detail}`, () => {
    const l = getReceiverLayout(diameter, height)
    const r = l.radius
    const solids: Solid[] = [shellSolid(r, l.bottom, l.top, [l.head, l.head], detail)]
    for (const phi of [Math.PI / 3, Math.PI, (Math.PI * 5) / 3]) {
      const x = Math.sin(phi) * r * 0.82
      const z = Math.cos(phi) * r * 0.82
      const top = l.shellLow + 0.06
      solids.push({ geometry: box(0.05, top, 0.05), at: [x, top / 2, z], rotation: [0, phi, 0] })
      solids.push({ geometry: box(0.12, 0.012, 0.12), at: [x, 0.006, z], rotation: [0, phi, 0] })
    }
    // the hand-hole: a pad on the shell and its oval cover
    const hand = l.shellLow + (l.shellHigh - l.shellLow) * 0.3
    solids.push(
      {
        geometry: cylinder(0.07, 0.06, sides(detail, 20)),
        at: [0, hand, r],
        rotation: [Math.PI / 2, 0, 0],
        scale: [1.4, 1, 1],
      },
      {
        geometry: cylinder(0.085, 0.02, sides(detail, 20)),
        at: [0, hand, r + 0.035],
        rotation: [Math.PI / 2, 0, 0],
        scale: [1.4, 1, 1],
      },
      { geometry: box(0.05, 0.02, 0.03), at: [0, hand, r + 0.055] },
    )
    const { inlet, outlet } = l.nozzles
    solids.push(
      ...nozzleSolids([-r + 0.05, inlet[1], 0], Math.PI, 0.17, 0.06, detail),
      ...nozzleSolids([r - 0.05, outlet[1], 0], 0, 0.17, 0.06, detail),
      ...nozzleSolids([0, l.top - 0.02, 0], 'up', 0.1, 0.04, detail),
      ...nozzleSolids([0, l.bottom + 0.02, 0], 'down', 0.1, 0.03, detail),
    )
    return solids
  })
}

function receiverPlate(diameter: number, height: number) {
  return mergedGeometry(`receiver-plate|${diameter}|${height}`, () => {
    const l = getReceiverLayout(diameter, height)
    return [
      {
        geometry: box(Math.min(0.2, l.radius * 0.6), 0.13, 0.008),
        at: [0, l.shellLow + (l.shellHigh - l.shellLow) * 0.72, l.radius + 0.004],
      },
    ]
  })
}
