// A steel workbench with a beech top, a lower shelf, a drawer unit and a vice.
import { Piece } from '../../Piece.tsx'
import { FACING } from '../../parts/types.ts'
import { geo } from '../../resources.ts'
import { CORNERS, Pieces } from '../Pieces.tsx'
import { numberParam, type LookProps } from '../types.ts'
import { finishFor } from './common.ts'

/**
 * A steel workbench: grey legs and rails, a thick beech top, a lower shelf and a drawer unit
 * under the right end. `width` along x, `height` to the top, `depth` along z; origin at the base
 * centre.
 */
export function WorkbenchLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const depth = numberParam(props, 'depth')
  const frame = c.source.color ?? '#4d6278'
  const painted = finishFor(detail, 'painted')
  const top = 0.04
  const leg = height - top
  return (
    <group>
      <Piece
        name="top"
        geometry={geo.box()}
        color="#c99a63"
        finish={painted}
        scale={[width, top, depth]}
        position={[0, height - top / 2, 0]}
      />
      <Pieces
        list={CORNERS.map(([x, z]) => ({
          geometry: geo.box(),
          color: frame,
          finish: painted,
          scale: [0.05, leg, 0.05],
          position: [x * (width / 2 - 0.05), leg / 2, z * (depth / 2 - 0.05)],
        }))}
      />
      {/* rails under the top, the lower shelf and its rails */}
      <Piece
        geometry={geo.box()}
        color={frame}
        finish={painted}
        scale={[width - 0.06, 0.08, depth - 0.06]}
        position={[0, leg - 0.04, 0]}
      />
      <Piece
        geometry={geo.box()}
        color={frame}
        finish={painted}
        scale={[width - 0.08, 0.02, depth - 0.1]}
        position={[0, 0.16, 0]}
      />
      {/* drawer unit with three drawers and handles */}
      <group position={[width / 2 - 0.3, leg - 0.08, 0]}>
        <Piece
          geometry={geo.box()}
          color={frame}
          finish={painted}
          scale={[0.46, 0.42, depth - 0.12]}
          position={[0, -0.21, 0]}
        />
        {[0, 1, 2].map((k) => (
          <group key={k} position={[0, -0.07 - k * 0.14, (depth - 0.12) / 2]}>
            <Piece
              geometry={geo.box()}
              color="#6f8397"
              finish={painted}
              scale={[0.43, 0.12, 0.01]}
              position={[0, 0, 0.005]}
            />
            {detail === 'detailed' && (
              <Piece
                geometry={geo.box()}
                color="#c9ccce"
                finish={finishFor(detail, 'stainless')}
                scale={[0.2, 0.02, 0.02]}
                position={[0, 0.02, 0.02]}
              />
            )}
          </group>
        ))}
      </group>
      {detail === 'detailed' && (
        <>
          {/* a vice at the left end */}
          <Piece
            geometry={geo.box()}
            color="#2f4f7a"
            finish={painted}
            scale={[0.2, 0.1, 0.16]}
            position={[-width / 2 + 0.25, height + 0.05, depth / 2 - 0.1]}
          />
          <Piece
            geometry={geo.cylinderLow()}
            color="#c9ccce"
            finish={finishFor(detail, 'stainless')}
            rotation={FACING}
            scale={[0.02, 0.2, 0.02]}
            position={[-width / 2 + 0.25, height + 0.04, depth / 2 + 0.05]}
          />
        </>
      )}
    </group>
  )
}
