import { Piece } from '../../Piece.tsx'
import type { Detail } from '../types.ts'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  ALONG_Z,
  box,
  cylinder,
  finSolids,
  lathe,
  mergedGeometry,
  sides,
  torus,
  type Solid,
  type Triple,
} from './shapes.ts'

/** The sizes of a foot-mounted motor: frame radius and length, shaft height (metres). */
export interface MotorSize {
  readonly radius: number
  readonly length: number
  /** From the underside of the feet to the shaft's axis. */
  readonly height: number
}

export interface MotorBodyProps {
  readonly size: MotorSize
  readonly color: string
  readonly detail: Detail
  readonly position?: Triple
  readonly rotation?: Triple
}

/** Where the shaft end of a motor of `size` is, from the middle of its feet (x, y). */
export function getShaftEnd(size: MotorSize): [number, number] {
  return [size.length / 2 + 0.02, size.height]
}

/**
 * A totally enclosed fan-cooled motor lying along x, its shaft out at +x: a finned frame, feet,
 * a terminal box with its cable gland on top, a nameplate towards +z and the fan cowl with its
 * grille at -x. The origin is under the middle of the feet, on the floor they stand on.
 */
export function MotorBody({ size, color, detail, position, rotation }: MotorBodyProps) {
  return (
    <group position={position ?? [0, 0, 0]} rotation={rotation ?? [0, 0, 0]}>
      <Piece geometry={motorFrame(size, detail)} color={color} finish="painted" />
      <Piece geometry={motorDark(size, detail)} color={PROCESS.black} finish="rubber" />
      <Piece geometry={motorBright(size, detail)} color={PROCESS.steel} finish="stainless" />
    </group>
  )
}

function key(size: MotorSize, detail: Detail): string {
  return `${size.radius}|${size.length}|${size.height}|${detail}`
}

function motorFrame(s: MotorSize, detail: Detail) {
  return mergedGeometry(`motor-frame|${key(s, detail)}`, () => {
    const seg = sides(detail, 28)
    const r = s.radius
    const h = s.height
    const l = s.length
    const solids: Solid[] = [
      { geometry: cylinder(r, l, seg), at: [0, h, 0], rotation: ALONG_X },
      {
        // the drive-end shield, rounded towards the shaft
        geometry: lathe(
          [
            [r * 0.98, 0],
            [r * 0.9, r * 0.18],
            [r * 0.45, r * 0.3],
            [r * 0.2, r * 0.32],
          ],
          seg,
        ),
        at: [l / 2, h, 0],
        rotation: ALONG_X,
      },
      // the fan cowl, a little larger than the frame
      {
        geometry: cylinder(r * 1.08, r * 0.9, seg),
        at: [-l / 2 - r * 0.45, h, 0],
        rotation: ALONG_X,
      },
      // feet
      { geometry: box(l * 0.22, h - r * 0.55, r * 1.9), at: [-l * 0.28, (h - r * 0.55) / 2, 0] },
      { geometry: box(l * 0.22, h - r * 0.55, r * 1.9), at: [l * 0.28, (h - r * 0.55) / 2, 0] },
      // the terminal box and its lid
      { geometry: box(r * 1.0, r * 0.55, r * 1.0), at: [l * 0.05, h + r * 1.1, 0] },
      { geometry: box(r * 1.08, r * 0.1, r * 1.08), at: [l * 0.05, h + r * 1.42, 0] },
    ]
    if (detail === 'detailed') {
      // cooling fins all round but under the terminal box
      solids.push(
        ...finSolids(r, l * 0.92, r * 0.14, 22, Math.PI * 0.15, Math.PI * 1.85).map((f) => ({
          ...f,
          at: [f.at![0], f.at![1] + h, f.at![2]] as const,
        })),
      )
      // the lifting eye
      solids.push({ geometry: torus(r * 0.16, r * 0.04, 12), at: [-l * 0.25, h + r * 1.12, 0] })
    }
    return solids
  })
}

/** The cowl's grille and the cable gland. */
function motorDark(s: MotorSize, detail: Detail) {
  return mergedGeometry(`motor-dark|${key(s, detail)}`, () => {
    const r = s.radius
    const x = -s.length / 2 - r * 0.9
    const solids: Solid[] = [
      {
        geometry: cylinder(r * 1.0, r * 0.04, sides(detail, 28)),
        at: [x, s.height, 0],
        rotation: ALONG_X,
      },
      {
        geometry: cylinder(r * 0.16, r * 0.3, 10),
        at: [s.length * 0.05, s.height + r * 1.1, r * 0.62],
        rotation: ALONG_Z,
      },
    ]
    return solids
  })
}

/** The cowl's grille rings and the nameplate. */
function motorBright(s: MotorSize, detail: Detail) {
  return mergedGeometry(`motor-bright|${key(s, detail)}`, () => {
    const r = s.radius
    const x = -s.length / 2 - r * 0.93
    const solids: Solid[] = [
      { geometry: box(s.length * 0.3, r * 0.4, 0.004), at: [0, s.height + r * 0.2, r * 1.15] },
    ]
    const rings = detail === 'detailed' ? 3 : 2
    for (let k = 1; k <= rings; k++) {
      solids.push({
        geometry: torus((r * k) / (rings + 0.5), r * 0.035, sides(detail, 20), Math.PI * 2, 3),
        at: [x, s.height, 0],
        rotation: [0, Math.PI / 2, 0],
      })
    }
    return solids
  })
}
