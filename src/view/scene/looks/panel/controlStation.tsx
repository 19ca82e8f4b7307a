// A local control station: its origin is the middle of its front face, +z toward the viewer, +y
// up, so that devices placed on its face at z = 0 sit on it. A look of its own, loaded with the
// scenarios that draw it (registry.ts).
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { booleanParam, numberParam, type LookProps } from '../types.ts'
import { cylinderZ, PANEL, partColor } from './common.tsx'

/** How far below a control station's middle the floor is, when it stands on its pedestal. */
export const PEDESTAL_DROP = 1.1

/**
 * A local control station: a grey box (`width` × `height` × `depth`) whose front is the face its
 * buttons sit on, with lid screws and a cable gland; on a post to the floor with `pedestal`.
 */
export function ControlStation(props: LookProps) {
  const { model, index, detail } = props
  const w = numberParam(props, 'width')
  const h = numberParam(props, 'height')
  const d = numberParam(props, 'depth')
  const color = partColor(model, index, PANEL.enclosure)
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, 0, -d / 2 - 0.004]}
        scale={[w, h, d - 0.008]}
      />
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, 0, -0.004]}
        scale={[w - 0.006, h - 0.006, 0.008]}
      />
      {detail === 'detailed' && (
        <>
          {[
            [-1, 1],
            [1, 1],
            [-1, -1],
            [1, -1],
          ].map(([sx, sy]) => (
            <Piece
              key={`${sx}${sy}`}
              geometry={cylinderZ(12)}
              color={PANEL.dark}
              position={[sx! * (w / 2 - 0.015), sy! * (h / 2 - 0.015), 0]}
              scale={[0.009, 0.009, 0.0015]}
            />
          ))}
          <Piece
            geometry={cylinderZ(12)}
            color={PANEL.dark}
            finish="rubber"
            rotation={[Math.PI / 2, 0, 0]}
            position={[0, -h / 2, -d / 2]}
            scale={[0.028, 0.028, 0.022]}
          />
        </>
      )}
      {booleanParam(props, 'pedestal') && (
        <>
          <Piece
            geometry={geo.box()}
            color={PANEL.dark}
            finish="painted"
            position={[0, (-h / 2 - PEDESTAL_DROP) / 2, -d / 2]}
            scale={[0.06, PEDESTAL_DROP - h / 2, 0.06]}
          />
          <Piece
            geometry={geo.box()}
            color={PANEL.dark}
            finish="painted"
            position={[0, -PEDESTAL_DROP + 0.006, -d / 2]}
            scale={[0.3, 0.012, 0.3]}
          />
        </>
      )}
    </group>
  )
}
