import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { torusArc, vest } from './wornShapes.ts'

const WIDTH = 0.46
const HEIGHT = 0.5
const TOP = -0.06
const FRONT = 0.0075
const TAPE = '#d5d9dd'

/**
 * A high-visibility vest on a coat hanger: fluorescent body with a V neck and armholes, two
 * retro-reflective bands round the body and two over the shoulders, and its front closure.
 */
export function HiVisVest(props: LookProps) {
  const cloth = props.model.components[props.index]!.source.color ?? '#e2ff1f'
  const detailed = props.detail === 'detailed'
  return (
    <HangingItem look={props} centre={[0, TOP - HEIGHT / 2, 0]} wornScale={0.2}>
      <Piece name="vest" geometry={vest(WIDTH, HEIGHT, TOP)} color={cloth} finish="matte" />
      {[0.3, 0.42].map((down) => (
        <Piece
          key={down}
          name="reflective-band"
          geometry={geo.box()}
          color={TAPE}
          finish="stainless"
          scale={[WIDTH - 0.002, 0.05, 0.003]}
          position={[0, TOP - down, FRONT]}
        />
      ))}
      {[-1, 1].map((side) => (
        <Piece
          key={side}
          geometry={geo.box()}
          color={TAPE}
          finish="stainless"
          scale={[0.042, 0.25, 0.003]}
          rotation={[0, 0, side * 0.1]}
          position={[side * 0.098, TOP - 0.15, FRONT]}
        />
      ))}
      {detailed && (
        <Piece
          geometry={geo.box()}
          color="#5b6300"
          finish="matte"
          scale={[0.004, HEIGHT * 0.58, 0.002]}
          position={[0, TOP - HEIGHT * 0.71, FRONT + 0.001]}
        />
      )}
      {/* the coat hanger, its hook over the rack's hook */}
      <Piece
        geometry={torusArc('hanger-hook', 0.014, 0.0022, Math.PI * 1.3, 5, 10)}
        color="#a9b1b8"
        finish="stainless"
        rotation={[0, 0, -0.15]}
        position={[0, -0.014, -0.002]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#a9b1b8"
        finish="stainless"
        scale={[0.0045, 0.034, 0.0045]}
        position={[0, -0.043, -0.004]}
      />
      {detailed && (
        <Piece
          geometry={geo.cylinderLow()}
          color="#a9b1b8"
          finish="stainless"
          rotation={[0, 0, Math.PI / 2]}
          scale={[0.006, 0.36, 0.006]}
          position={[0, TOP + 0.002, -0.012]}
        />
      )}
    </HangingItem>
  )
}
