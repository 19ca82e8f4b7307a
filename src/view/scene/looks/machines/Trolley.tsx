// An insulated tool trolley: a drawer cabinet on castors with a matted top tray.
import { Piece } from '../../Piece.tsx'
import { FACING } from '../../parts/types.ts'
import { geo } from '../../resources.ts'
import { CORNERS, Pieces, type PieceSpec } from '../Pieces.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { finishFor } from './common.ts'

/** A castor: its wheel and its swivel fork. */
const castor = (detail: Detail): PieceSpec[] => [
  {
    geometry: geo.cylinderLow(),
    color: '#1d1f21',
    finish: finishFor(detail, 'rubber'),
    rotation: [0, 0, Math.PI / 2],
    scale: [0.1, 0.03, 0.1],
    position: [0, 0.05, 0],
  },
  {
    geometry: geo.box(),
    color: '#8a9199',
    finish: finishFor(detail, 'stainless'),
    scale: [0.05, 0.06, 0.05],
    position: [0, 0.1, 0],
  },
]

/**
 * An insulated tool trolley in the component's `color` (red by default): a drawer cabinet on
 * castors with a lipped top tray, a push handle, and drawers with black handles, the top with an
 * insulating mat. `width` along x, `height` to the tray, `depth` along z; origin at the base
 * centre.
 */
export function TrolleyLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const depth = numberParam(props, 'depth')
  const body = c.source.color ?? '#c62828'
  const painted = finishFor(detail, 'painted')
  const rubber = finishFor(detail, 'rubber')
  const base = 0.12
  const cabinet = height - base - 0.04
  const drawers = detail === 'simple' ? 3 : 5
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={body}
        finish={painted}
        scale={[width, cabinet, depth]}
        position={[0, base + cabinet / 2, 0]}
      />
      {/* top tray with its lip and the insulating mat */}
      <Piece
        geometry={geo.box()}
        color={body}
        finish={painted}
        scale={[width + 0.02, 0.04, depth + 0.02]}
        position={[0, height - 0.02, 0]}
      />
      <Piece
        geometry={geo.box()}
        color="#1d1f21"
        finish={rubber}
        scale={[width - 0.04, 0.006, depth - 0.04]}
        position={[0, height + 0.003, 0]}
      />
      {/* push handle at the left end */}
      {[1, -1].map((z) => (
        <Piece
          key={z}
          geometry={geo.box()}
          color="#c9ccce"
          finish={finishFor(detail, 'stainless')}
          scale={[0.1, 0.025, 0.025]}
          position={[-width / 2 - 0.05, height - 0.12, z * (depth / 2 - 0.06)]}
        />
      ))}
      <Piece
        geometry={geo.cylinderLow()}
        color="#1d1f21"
        finish={rubber}
        rotation={FACING}
        scale={[0.035, depth - 0.08, 0.035]}
        position={[-width / 2 - 0.1, height - 0.12, 0]}
      />
      {/* drawers with full-width handles */}
      {Array.from({ length: drawers }, (_, k) => {
        const h = (cabinet - 0.04) / drawers
        return (
          <group key={k} position={[0, height - 0.06 - (k + 0.5) * h, depth / 2]}>
            <Piece
              geometry={geo.box()}
              color={body}
              finish={painted}
              scale={[width - 0.04, h - 0.012, 0.012]}
              position={[0, 0, 0.006]}
            />
            <Piece
              geometry={geo.box()}
              color="#1d1f21"
              finish={rubber}
              scale={[width - 0.1, 0.02, 0.02]}
              position={[0, h / 2 - 0.03, 0.016]}
            />
          </group>
        )
      })}
      {CORNERS.map(([x, z]) => (
        <group key={`${x}${z}`} position={[x * (width / 2 - 0.06), 0, z * (depth / 2 - 0.06)]}>
          <Pieces list={castor(detail)} />
        </group>
      ))}
      {detail === 'detailed' && (
        <Piece
          geometry={geo.box()}
          color="#f2c200"
          finish={painted}
          scale={[0.12, 0.1, 0.002]}
          position={[width / 2 - 0.1, base + 0.1, depth / 2 + 0.001]}
        />
      )}
    </group>
  )
}
