import type { LookProps } from '../types.ts'
import { Piece } from '../../Piece.tsx'
import { HangingItem } from './HangingItem.tsx'
import { getHalfEllipse, lathe, plate, torusArc } from './wornShapes.ts'

const RIM = 0.105
const HEIGHT = 0.125
/** Front to back, the shell is this much longer than it is wide. */
const LONG = 1.2
const BASE_Y = -0.105

/** The shell's profile from the rim up to the crown. Pure. */
function shellProfile(scale: number): [number, number][] {
  const out: [number, number][] = [[(RIM + 0.004) * scale, -0.004]]
  for (let k = 0; k <= 8; k++) {
    const a = (Math.PI / 2) * (1 - k / 8)
    out.push([Math.max(0, RIM * scale * Math.sin(a)), HEIGHT * scale * Math.cos(a)])
  }
  return out
}

/** The peak: a crescent from the shell's rim out to the brim's edge, widest at the front. */
function peakOutline(): (readonly [number, number])[] {
  const outer = getHalfEllipse(RIM + 0.008, RIM * LONG + 0.05, 16)
  const inner = getHalfEllipse(RIM - 0.002, RIM * LONG - 0.002, 16).reverse()
  return [...outer, ...inner]
}

/**
 * A safety helmet hanging by its harness, turned to show its profile: a domed shell with its
 * crown ridge, the peak at the front, the rain gutter round the rim and the harness under it.
 */
export function Helmet(props: LookProps) {
  const shell = props.model.components[props.index]!.source.color ?? '#f2c200'
  const detailed = props.detail === 'detailed'
  return (
    <HangingItem look={props} centre={[0, -0.05, 0.047]} wornScale={0.4}>
      <group position={[0, BASE_Y, 0.047]} rotation={[0, -1.05, 0]}>
        <Piece
          name="shell"
          geometry={lathe('helmet-shell', shellProfile(1), 28)}
          color={shell}
          finish="painted"
          scale={[1, 1, LONG]}
        />
        <Piece
          name="peak"
          geometry={plate('helmet-peak', peakOutline(), 0.004)}
          color={shell}
          finish="painted"
          rotation={[Math.PI / 2 + 0.18, 0, 0]}
          position={[0, 0.004, 0]}
        />
        <Piece
          geometry={torusArc('helmet-rib', HEIGHT + 0.002, 0.007, Math.PI, 6, 24)}
          color={shell}
          finish="painted"
          rotation={[0, Math.PI / 2, 0]}
          scale={[LONG * (RIM / HEIGHT), 1, 1]}
        />
        {detailed && (
          <>
            <Piece
              geometry={torusArc('helmet-rim', RIM + 0.002, 0.004, Math.PI * 2, 6, 32)}
              color={shell}
              finish="painted"
              rotation={[Math.PI / 2, 0, 0]}
              scale={[1, LONG, 1]}
              position={[0, 0.002, 0]}
            />
            {/* the inside of the shell, and the harness's headband under the rim */}
            <Piece
              geometry={lathe('helmet-inside', [...shellProfile(0.95)].reverse(), 20)}
              color="#6b6f73"
              finish="matte"
              scale={[1, 1, LONG]}
            />
            <Piece
              name="harness"
              geometry={torusArc('helmet-band', 0.088, 0.008, Math.PI * 2, 6, 28)}
              color="#263238"
              finish="rubber"
              rotation={[Math.PI / 2, 0, 0]}
              scale={[1, LONG * 0.98, 1.6]}
              position={[0, -0.008, 0]}
            />
          </>
        )}
      </group>
    </HangingItem>
  )
}
