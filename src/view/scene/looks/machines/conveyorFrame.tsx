// A belt conveyor's frame (Conveyor.tsx): the side channels, the legs and their braces, the head
// and tail pulleys on their shafts, and (Detailed) the carrying and return rollers.
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import { mergedBoxes } from './common.ts'
import { BELT_T, PULLEY, ROLLER, type Build } from './conveyorBuild.ts'

/** The two side channels, lips facing in. */
export function channels(b: Build): PieceSpec[] {
  const channel = mergedBoxes(`conveyor-channel:${b.length}`, () => [
    [
      [0, 0, 0],
      [b.length, 0.16, 0.008],
    ],
    [
      [0, 0.076, -0.022],
      [b.length, 0.008, 0.045],
    ],
    [
      [0, -0.076, -0.022],
      [b.length, 0.008, 0.045],
    ],
  ])
  return BOTH_SIDES.map((s) => ({
    geometry: channel,
    color: b.frame,
    finish: b.painted,
    position: [0, b.height - 0.1, s * b.side],
    rotation: [0, s > 0 ? 0 : Math.PI, 0],
  }))
}

/** A leg on side `s` and (Detailed) its foot plate. */
function leg(b: Build, s: number): PieceSpec[] {
  const legTop = b.height - 0.18
  const pieces: PieceSpec[] = [
    {
      geometry: geo.box(),
      color: b.frame,
      finish: b.painted,
      scale: [0.05, legTop, 0.05],
      position: [0, legTop / 2, s * (b.side - 0.03)],
    },
  ]
  if (b.detail === 'detailed')
    pieces.push({
      geometry: geo.box(),
      color: '#3a3d40',
      finish: b.steel,
      scale: [0.12, 0.012, 0.12],
      position: [0, 0.006, s * (b.side - 0.03)],
    })
  return pieces
}

/** A pair of legs at `x` with the cross brace between them. */
export function LegPair({ b, x }: { readonly b: Build; readonly x: number }) {
  return (
    <group position={[x, 0, 0]}>
      {BOTH_SIDES.map((s) => (
        <group key={s}>
          <Pieces list={leg(b, s)} />
        </group>
      ))}
      <Piece
        geometry={geo.box()}
        color={b.frame}
        finish={b.painted}
        scale={[0.04, 0.04, 2 * b.side - 0.06]}
        position={[0, 0.28, 0]}
      />
    </group>
  )
}

/** The head (drive, s = 1, lagged) or tail pulley on its shaft, with (Detailed) its bearings. */
export function pulley(b: Build, s: number): PieceSpec[] {
  const pieces: PieceSpec[] = [
    {
      geometry: geo.cylinder(),
      color: s > 0 ? '#1b1d1f' : ROLLER,
      finish: s > 0 ? b.rubber : b.steel,
      rotation: [Math.PI / 2, 0, 0],
      scale: [2 * PULLEY, b.width + 0.02, 2 * PULLEY],
    },
    {
      geometry: geo.cylinderLow(),
      color: ROLLER,
      finish: b.steel,
      rotation: [Math.PI / 2, 0, 0],
      scale: [0.04, 2 * b.side + 0.12, 0.04],
    },
  ]
  if (b.detail !== 'detailed') return pieces
  return [
    ...pieces,
    ...BOTH_SIDES.map((z): PieceSpec => ({
      geometry: geo.box(),
      color: '#3b4046',
      finish: b.painted,
      scale: [0.13, 0.08, 0.05],
      position: [0, -0.01, z * (b.side + 0.035)],
    })),
  ]
}

/**
 * The rollers (Detailed): carrying rollers under the top run, return rollers under the bottom
 * one at the inner legs, and the take-up screws at the tail.
 */
export function rollers(b: Build, carrying: readonly number[]): PieceSpec[] {
  const roller = (x: number, size: number, y: number): PieceSpec => ({
    geometry: geo.cylinderLow(),
    color: ROLLER,
    finish: b.steel,
    rotation: [Math.PI / 2, 0, 0],
    scale: [size, 2 * b.side - 0.02, size],
    position: [x, y, 0],
  })
  return [
    ...carrying.map((x) => roller(x, 0.06, b.height - BELT_T - 0.03)),
    ...b.legs.slice(1, -1).map((x) => roller(x, 0.05, b.centre - b.radius - BELT_T / 2 - 0.025)),
    ...BOTH_SIDES.map((z): PieceSpec => ({
      geometry: geo.cylinderLow(),
      color: ROLLER,
      finish: b.steel,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.016, 0.3, 0.016],
      position: [-b.run / 2 + 0.12, b.centre + 0.05, z * (b.side + 0.035)],
    })),
  ]
}
