// Railway track: two flat-bottom rails on concrete sleepers on a ballast bed. It runs along x;
// the rails are standard gauge.
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import { numberParam, type LookProps } from '../types.ts'
import { extrusion, finishFor } from './common.ts'
import { RAIL_CENTRES, RAIL_TOP } from './railway.tsx'

/** A flat-bottom rail's cross-section (x across, y up; 172 mm high), extruded along z. */
const RAIL_SECTION: (readonly [number, number])[] = [
  [-0.075, 0],
  [0.075, 0],
  [0.075, 0.012],
  [0.012, 0.03],
  [0.009, 0.13],
  [0.036, 0.14],
  [0.036, 0.172],
  [-0.036, 0.172],
  [-0.036, 0.14],
  [-0.009, 0.13],
  [-0.012, 0.03],
  [-0.075, 0.012],
]

const BALLAST: (readonly [number, number])[] = [
  [-1.9, 0],
  [1.9, 0],
  [1.45, 0.27],
  [-1.45, 0.27],
]

/**
 * Plain line: two rails on concrete sleepers on a ballast bed, `length` along x. Origin at the
 * base centre of the ballast; the rail tops are RAIL_TOP above it.
 */
export function TrackLook(props: LookProps) {
  const { detail } = props
  const length = numberParam(props, 'length')
  const steel = finishFor(detail, 'stainless')
  const sleepers = Math.max(2, Math.round(length / 0.6))
  const sleeper = (k: number): PieceSpec => ({
    geometry: geo.box(),
    color: '#8f8c85',
    finish: finishFor(detail, 'painted'),
    scale: [0.26, 0.18, 2.6],
    position: [-length / 2 + ((k + 0.5) * length) / sleepers, 0.2, 0],
  })
  const rail = (s: number): PieceSpec => ({
    name: 'rail',
    geometry: extrusion(`rail:${length}`, RAIL_SECTION, length),
    color: '#6f6861',
    finish: steel,
    rotation: [0, Math.PI / 2, 0],
    position: [0, RAIL_TOP - 0.172, (s * RAIL_CENTRES) / 2],
  })
  // the bright running band on each rail head
  const band = (s: number): PieceSpec => ({
    geometry: geo.box(),
    color: '#c9ccce',
    finish: steel,
    scale: [length, 0.002, 0.04],
    position: [0, RAIL_TOP + 0.001, (s * RAIL_CENTRES) / 2],
  })
  return (
    <group>
      <Piece
        geometry={extrusion('ballast', BALLAST, 1)}
        color="#5e5850"
        finish={finishFor(detail, 'rubber')}
        rotation={[0, Math.PI / 2, 0]}
        scale={[1, 1, length]}
      />
      <Pieces
        list={[
          ...Array.from({ length: sleepers }, (_, k) => sleeper(k)),
          ...BOTH_SIDES.map(rail),
          ...BOTH_SIDES.map(band),
        ]}
      />
    </group>
  )
}
