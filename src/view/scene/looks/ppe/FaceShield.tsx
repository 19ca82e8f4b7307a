import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { bentSheet, tubeThrough } from './ppeShapes.ts'
import { torusArc } from './wornShapes.ts'

const ARC = 0.34
const RADIUS = 0.13
const VISOR_Y = -0.065
const VISOR_Z = 0.115
const HEADBAND_Y = -0.075

const visorTop = () => 0
/** The visor's lower edge, lowest under the chin. Pure. */
const visorBottom = (u: number) => -0.2 + 0.045 * u * u

/** A point on the visor at u (-1 left … 1 right) and height y, in the visor's frame. Pure. */
function onVisor(u: number, y: number, out = 0): [number, number, number] {
  const angle = (u * ARC) / 2 / RADIUS
  const r = RADIUS + out
  return [r * Math.sin(angle), y, r * Math.cos(angle) - RADIUS]
}

function edge(count: number, y: (u: number) => number, out: number) {
  return Array.from({ length: count + 1 }, (_, k) => {
    const u = -1 + (2 * k) / count
    return onVisor(u, y(u), out)
  })
}

/**
 * An arc-rated face shield hanging by its headgear: a ratchet headband with its top strap over the
 * hook, the brow guard, and the tinted green visor wrapping round the face, bound at its edge.
 */
export function FaceShield(props: LookProps) {
  const carrier = props.model.components[props.index]!.source.color ?? '#37474f'
  const detailed = props.detail === 'detailed'
  const visor = bentSheet('arc-visor', ARC, RADIUS, visorTop, visorBottom, 24, 4)
  return (
    <HangingItem look={props} centre={[0, -0.15, 0.06]} wornScale={0.36}>
      <group position={[0, VISOR_Y, VISOR_Z]}>
        <Piece name="visor" geometry={visor} color="#5f9a3c" finish="glass" />
        {detailed && (
          <Piece geometry={visor} color="#5f9a3c" finish="glass" position={[0, 0, -0.003]} />
        )}
        <Piece
          name="brow-guard"
          geometry={tubeThrough('arc-brow', edge(8, visorTop, 0.004), 0.012, 24, 6)}
          color={carrier}
          finish="painted"
        />
        {detailed && (
          <Piece
            geometry={tubeThrough(
              'arc-binding',
              [onVisor(-1, -0.01), ...edge(10, visorBottom, 0), onVisor(1, -0.01)],
              0.003,
              40,
              5,
            )}
            color="#263238"
            finish="rubber"
          />
        )}
      </group>
      {/* the headgear: headband, top strap over the hook, side pivots */}
      <Piece
        geometry={torusArc('headband', 0.085, 0.007, Math.PI * 2, 6, 28)}
        color="#263238"
        finish="rubber"
        rotation={[Math.PI / 2, 0, 0]}
        scale={[1, 0.85, 1]}
        position={[0, HEADBAND_Y, 0.012]}
      />
      {detailed && (
        <Piece
          geometry={torusArc('top-strap', 0.08, 0.006, Math.PI, 6, 16)}
          color="#263238"
          finish="rubber"
          rotation={[0, Math.PI / 2, 0]}
          scale={[0.9, 1.05, 1]}
          position={[0, HEADBAND_Y, 0.012]}
        />
      )}
      {[-1, 1].map((side) => (
        <Piece
          key={side}
          geometry={geo.cylinderLow()}
          color={carrier}
          finish="painted"
          rotation={[0, 0, Math.PI / 2]}
          scale={[0.026, 0.045, 0.026]}
          position={[side * 0.1, HEADBAND_Y, 0.02]}
        />
      ))}
    </HangingItem>
  )
}
