import { Piece } from '../../Piece.tsx'
import { faceMaterial, geo } from '../../resources.ts'
import { FACING } from '../../parts/types.ts'
import { numberParam, type LookProps } from '../types.ts'
import { ppeSignTexture } from './ppeTextures.ts'

const BOARD = 0.018
const SHELF_DEPTH = 0.16

/**
 * A wall PPE station, its back on the wall at z = 0 and its middle at the origin: a framed board
 * with the blue "wear protection" signs across its top, where the items' hooks are screwed, and a
 * shelf with a lip along its foot, an ear plug dispenser on it.
 */
export function PpeRack(props: LookProps) {
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const frame = props.model.components[props.index]!.source.color ?? '#455a64'
  const detailed = props.detail === 'detailed'
  const inner = width - 0.05
  const sign = Math.min(0.08, inner / 4)
  const shelfY = -height / 2 + 0.05
  return (
    <group>
      <Piece
        name="board"
        geometry={geo.box()}
        color="#e6eaed"
        finish="painted"
        scale={[width, height, BOARD]}
        position={[0, 0, BOARD / 2]}
      />
      {[-1, 1].map((side) => (
        <Piece
          key={side}
          geometry={geo.box()}
          color={frame}
          finish="painted"
          scale={[0.025, height, 0.04]}
          position={[side * (width / 2 - 0.0125), 0, 0.02]}
        />
      ))}
      <Piece
        geometry={geo.box()}
        color={frame}
        finish="painted"
        scale={[width, 0.025, 0.04]}
        position={[0, height / 2 - 0.0125, 0.02]}
      />
      <mesh
        name="sign"
        geometry={geo.plane()}
        material={faceMaterial(ppeSignTexture(), '#1a5fb4')}
        scale={[inner, sign, 1]}
        position={[0, height / 2 - 0.03 - sign / 2, BOARD + 0.001]}
      />
      {/* the shelf and its lip */}
      <Piece
        name="shelf"
        geometry={geo.box()}
        color={frame}
        finish="painted"
        scale={[inner, 0.012, SHELF_DEPTH]}
        position={[0, shelfY, BOARD + SHELF_DEPTH / 2]}
      />
      <Piece
        geometry={geo.box()}
        color={frame}
        finish="painted"
        scale={[inner, 0.03, 0.008]}
        position={[0, shelfY + 0.009, BOARD + SHELF_DEPTH - 0.004]}
      />
      {detailed && <RackDetails inner={inner} height={height} shelfY={shelfY} />}
    </group>
  )
}

/** The ear plug dispenser on the shelf, the shelf's brackets and the board's screws. */
function RackDetails({ inner, height, shelfY }: { inner: number; height: number; shelfY: number }) {
  return (
    <>
      {/* a dispenser of disposable ear plugs on the shelf, its clear front showing them */}
      <group name="ear-plug-dispenser" position={[inner / 2 - 0.08, shelfY + 0.066, BOARD + 0.06]}>
        <Piece geometry={geo.box()} color="#1a5fb4" finish="painted" scale={[0.1, 0.12, 0.08]} />
        <Piece
          geometry={geo.box()}
          color="#ff8f00"
          finish="matte"
          scale={[0.08, 0.06, 0.004]}
          position={[0, 0.015, 0.039]}
        />
        <Piece
          geometry={geo.box()}
          color="#dfe6ec"
          finish="glass"
          scale={[0.084, 0.064, 0.003]}
          position={[0, 0.015, 0.042]}
        />
      </group>
      {/* the shelf's brackets and the board's screws */}
      {[-1, 1].map((side) => (
        <group key={side}>
          <Piece
            geometry={geo.box()}
            color="#8a9199"
            finish="stainless"
            scale={[0.008, 0.012, 0.13]}
            rotation={[-0.6, 0, 0]}
            position={[side * (inner / 2 - 0.03), shelfY - 0.04, BOARD + 0.05]}
          />
          {[-1, 1].map((end) => (
            <Piece
              key={end}
              geometry={geo.cylinderLow()}
              color="#8a9199"
              finish="stainless"
              rotation={FACING}
              scale={[0.012, 0.004, 0.012]}
              position={[side * (inner / 2 - 0.02), end * (height / 2 - 0.055), BOARD + 0.002]}
            />
          ))}
        </group>
      ))}
    </>
  )
}
