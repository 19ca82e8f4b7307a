import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { lathe, torusArc } from './wornShapes.ts'

const BAND = 0.072
const BAND_Y = -0.088
const CUP_X = 0.078
const CUP_Y = -0.15

/** A cup's shell, from its rim to the middle of its dome. */
const CUP: [number, number][] = [
  [0.035, 0],
  [0.037, 0.009],
  [0.036, 0.022],
  [0.029, 0.034],
  [0.016, 0.041],
  [0, 0.043],
]

/**
 * Ear defenders hanging by their headband: a sprung band with a padded top, and an oval cup with
 * a black cushion at each end, turned a little so that one cup shows its face.
 */
export function EarDefenders(props: LookProps) {
  const cups = props.model.components[props.index]!.source.color ?? '#f2c200'
  const detailed = props.detail === 'detailed'
  return (
    <HangingItem look={props} centre={[0, -0.11, 0.02]} wornScale={0.5}>
      <group position={[0, 0, 0.02]} rotation={[0, 0.45, 0]}>
        <Piece
          geometry={torusArc('muff-band', BAND, 0.005, Math.PI, 6, 24)}
          color="#37474f"
          finish="painted"
          position={[0, BAND_Y, 0]}
        />
        {detailed && (
          <Piece
            geometry={torusArc('muff-pad', BAND + 0.004, 0.011, 1.1, 8, 12)}
            color="#212121"
            finish="rubber"
            rotation={[0, 0, Math.PI / 2 - 0.55]}
            scale={[1, 1, 1.6]}
            position={[0, BAND_Y, 0]}
          />
        )}
        {([-1, 1] as const).map((side) => (
          <group key={side}>
            {/* the band's leg down to the cup's yoke */}
            <Piece
              geometry={geo.cylinderLow()}
              color="#37474f"
              finish="painted"
              scale={[0.01, 0.03, 0.01]}
              position={[side * BAND, BAND_Y - 0.014, 0]}
            />
            <Piece
              geometry={geo.box()}
              color="#263238"
              finish="painted"
              scale={[0.018, 0.014, 0.03]}
              position={[side * (CUP_X - 0.005), CUP_Y + 0.046, 0]}
            />
            <Piece
              name="cup"
              geometry={lathe('muff-cup', CUP)}
              color={cups}
              finish="painted"
              rotation={[0, 0, -side * (Math.PI / 2)]}
              scale={[1.22, 1, 1]}
              position={[side * CUP_X, CUP_Y, 0]}
            />
            <Piece
              geometry={torusArc('muff-cushion', 0.03, 0.011, Math.PI * 2, 8, 20)}
              color="#1b1b1b"
              finish="rubber"
              rotation={[0, Math.PI / 2, 0]}
              scale={[1, 1.22, 1]}
              position={[side * (CUP_X - 0.006), CUP_Y, 0]}
            />
          </group>
        ))}
      </group>
    </HangingItem>
  )
}
