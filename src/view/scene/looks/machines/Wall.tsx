// A painted workshop wall with its dado band and skirting.
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { finishFor } from './common.ts'

/**
 * A painted wall: a light upper coat, a darker dado band below 1.2 m and a skirting board at the
 * foot, on its front (+z) face. Origin at the base centre.
 */
export function WallLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const depth = numberParam(props, 'depth')
  const painted = finishFor(detail, 'painted')
  const dado = Math.min(1.2, height * 0.45)
  return (
    <group>
      <Piece
        name="wall"
        geometry={geo.box()}
        color={c.source.color ?? '#e3e5e1'}
        finish={painted}
        scale={[width, height, depth]}
        position={[0, height / 2, 0]}
      />
      <Piece
        geometry={geo.box()}
        color="#8fa3ad"
        finish={painted}
        scale={[width, dado, 0.004]}
        position={[0, dado / 2, depth / 2 + 0.002]}
      />
      {detail === 'detailed' && (
        <Piece
          geometry={geo.box()}
          color="#55656d"
          finish={painted}
          scale={[width, 0.03, 0.006]}
          position={[0, dado, depth / 2 + 0.003]}
        />
      )}
      <Piece
        name="skirting"
        geometry={geo.box()}
        color="#3b4247"
        finish={painted}
        scale={[width, 0.1, 0.02]}
        position={[0, 0.05, depth / 2 + 0.01]}
      />
    </group>
  )
}
