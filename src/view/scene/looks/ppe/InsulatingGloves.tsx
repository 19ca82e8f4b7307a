import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { glove } from './ppeShapes.ts'

const GAUNTLET = 0.2
const RUBBER = { hand: 1.08, cuff: GAUNTLET, flare: 0.135, depth: 0.02 }
const PROTECTOR = { hand: 1.14, cuff: 0.065, flare: 0.125, depth: 0.026 }

/**
 * A pair of class 0 insulating rubber gloves hanging fingers down by their long gauntlets, each
 * with its rolled cuff and class label; the front one wears its leather protector over the hand.
 */
export function InsulatingGloves(props: LookProps) {
  const rubber = props.model.components[props.index]!.source.color ?? '#c62828'
  const detailed = props.detail === 'detailed'
  return (
    <HangingItem look={props} centre={[0, -0.2, 0]} wornScale={0.28}>
      {([-1, 1] as const).map((side) => (
        <group
          key={side}
          position={[-side * 0.06, -0.012 - GAUNTLET, side * 0.008]}
          rotation={[0, 0, Math.PI + side * 0.06]}
        >
          <Piece geometry={glove(side, RUBBER)} color={rubber} finish="rubber" />
          {/* the rolled cuff */}
          <Piece
            geometry={geo.box()}
            color={rubber}
            finish="rubber"
            scale={[RUBBER.flare + 0.004, 0.012, 0.026]}
            position={[0, -GAUNTLET + 0.005, 0]}
          />
          {/* the class label near the cuff: white with the class 0 red band */}
          <group position={[0, -GAUNTLET + 0.045, 0.012]} rotation={[0, 0, Math.PI]}>
            <Piece
              geometry={geo.box()}
              color="#f4f4f4"
              finish="painted"
              scale={[0.042, 0.03, 0.002]}
            />
            <Piece
              geometry={geo.box()}
              color="#d32f2f"
              finish="painted"
              scale={[0.036, 0.009, 0.002]}
              position={[0, -0.006, 0.0005]}
            />
            {detailed && (
              <Piece
                geometry={geo.box()}
                color="#212121"
                finish="painted"
                scale={[0.012, 0.008, 0.002]}
                position={[0, 0.007, 0.0005]}
              />
            )}
          </group>
          {detailed && side === 1 && (
            <group position={[0, 0, 0.016]}>
              <Piece geometry={glove(side, PROTECTOR)} color="#b9874e" finish="rubber" />
              {/* the protector's strap and buckle */}
              <Piece
                geometry={geo.box()}
                color="#4e342e"
                finish="rubber"
                scale={[0.115, 0.014, 0.03]}
                position={[0, -0.035, 0]}
              />
              <Piece
                geometry={geo.box()}
                color="#9e9e9e"
                finish="stainless"
                scale={[0.016, 0.018, 0.032]}
                position={[side * 0.03, -0.035, 0.001]}
              />
            </group>
          )}
        </group>
      ))}
      <Piece
        geometry={geo.box()}
        color="#f2c200"
        finish="painted"
        scale={[0.06, 0.016, 0.05]}
        position={[0, -0.008, 0]}
      />
    </HangingItem>
  )
}
