import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { bentSheet, tubeThrough } from './ppeShapes.ts'

const ARC = 0.17
const RADIUS = 0.085
const LENS_Y = -0.03
const LENS_Z = 0.02

/** The upper edge of the wrap-around lens, u from -1 (left) to 1 (right). Pure. */
function lensTop(u: number): number {
  const side = Math.max(0, Math.abs(u) - 0.7) / 0.3
  return 0.02 - 0.007 * side * side
}

/** The lower edge: two lobes with the nose bridge between them, rising at the temples. Pure. */
function lensBottom(u: number): number {
  const side = Math.max(0, Math.abs(u) - 0.55) / 0.45
  return -0.023 + 0.013 * Math.exp(-((u / 0.12) ** 2)) + 0.016 * side * side
}

/** The points along the top of the lens, for the frame's brow bar. Pure. */
function browPoints(): [number, number, number][] {
  const out: [number, number, number][] = []
  for (let k = 0; k <= 8; k++) {
    const u = -1 + k / 4
    const angle = (u * ARC) / 2 / RADIUS
    out.push([RADIUS * Math.sin(angle), lensTop(u) + 0.001, RADIUS * (Math.cos(angle) - 1) + 0.001])
  }
  return out
}

const END = RADIUS * Math.sin(ARC / 2 / RADIUS)
const END_Z = RADIUS * (Math.cos(ARC / 2 / RADIUS) - 1)

/**
 * Wrap-around safety spectacles hanging on their hook by the bridge: one clear curved lens with
 * its side shields, a dark brow bar, and the arms folded behind the lens.
 */
export function SafetyGlasses(props: LookProps) {
  const frame = props.model.components[props.index]!.source.color ?? '#263238'
  const detailed = props.detail === 'detailed'
  const lens = bentSheet('glasses', ARC, RADIUS, lensTop, lensBottom)
  return (
    <HangingItem look={props} centre={[0, LENS_Y, 0.01]} wornScale={0.7}>
      <group position={[0, LENS_Y, LENS_Z]}>
        <Piece name="lens" geometry={lens} color="#9fd3ee" finish="glass" />
        {/* a second layer, so that the clear lens still shows its shape */}
        <Piece geometry={lens} color="#9fd3ee" finish="glass" position={[0, 0, -0.002]} />
        <Piece
          geometry={tubeThrough('glasses-brow', browPoints(), 0.0032)}
          color={frame}
          finish="painted"
        />
        {[-1, 1].map((side) => (
          <group key={side}>
            {/* the hinge, and the arm folded across behind the lens */}
            <Piece
              geometry={geo.box()}
              color={frame}
              finish="painted"
              scale={[0.008, 0.012, 0.01]}
              position={[side * (END - 0.002), 0.012, END_Z + 0.003]}
            />
            <Piece
              geometry={geo.box()}
              color={frame}
              finish="painted"
              scale={[0.128, 0.007, 0.003]}
              rotation={[0, 0, side * 0.05]}
              position={[side * (END - 0.066), 0.009 - (side + 1) * 0.004, END_Z + side * 0.004]}
            />
          </group>
        ))}
        {detailed && (
          <Piece
            geometry={geo.box()}
            color="#b0bec5"
            finish="rubber"
            scale={[0.012, 0.01, 0.012]}
            position={[0, -0.008, -0.006]}
          />
        )}
      </group>
    </HangingItem>
  )
}
