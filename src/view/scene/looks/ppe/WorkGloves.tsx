import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { cuff, glove } from './ppeShapes.ts'

const DEPTH = 0.022
const CUFF = 0.07

/**
 * A pair of rigger work gloves clipped together by their cuffs and hanging fingers down: leather
 * hands with four fingers and a thumb each, and canvas cuffs of another colour.
 */
export function WorkGloves(props: LookProps) {
  const leather = props.model.components[props.index]!.source.color ?? '#c9a46a'
  const detailed = props.detail === 'detailed'
  return (
    <HangingItem look={props} centre={[0, -0.13, 0]} wornScale={0.42}>
      {([-1, 1] as const).map((side) => (
        // turned fingers down; the thumbs point outwards
        <group
          key={side}
          position={[-side * 0.042, -0.015 - CUFF, side * 0.006]}
          rotation={[0, 0, Math.PI + side * 0.09]}
        >
          <Piece
            geometry={glove(side, { hand: 1, cuff: 0, flare: 0, depth: DEPTH })}
            color={leather}
            finish="rubber"
          />
          <Piece geometry={cuff(0.08, CUFF, 0.092, DEPTH * 1.1)} color="#2f5d8a" finish="rubber" />
          {detailed && (
            <Piece
              geometry={geo.box()}
              color="#d7dde2"
              finish="rubber"
              scale={[0.093, 0.008, DEPTH * 1.15]}
              position={[0, -CUFF + 0.004, 0]}
            />
          )}
        </group>
      ))}
      <Piece
        name="clip"
        geometry={geo.box()}
        color="#f2c200"
        finish="painted"
        scale={[0.05, 0.016, 0.04]}
        position={[0, -0.01, 0]}
      />
    </HangingItem>
  )
}
