// A small wall key safe with a keypad, a turning handle and a drip cover.
import { Piece } from '../../Piece.tsx'
import { FACING } from '../../parts/types.ts'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { finishFor, mergedBoxes } from './common.ts'

/**
 * A small wall key safe: a dark steel box with a 12-key keypad, a turning handle and a drip
 * cover. Origin at the centre of its back face on the wall, front towards +z.
 */
export function KeySafeLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const body = c.source.color ?? '#37474f'
  const painted = finishFor(detail, 'painted')
  const keys = mergedBoxes('key-safe-keys', () => {
    const boxes: [[number, number, number], [number, number, number]][] = []
    for (let r = 0; r < 4; r++)
      for (let k = 0; k < 3; k++)
        boxes.push([
          [(k - 1) * 0.03, 0.045 - r * 0.03, 0],
          [0.022, 0.022, 0.008],
        ])
    return boxes
  })
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={body}
        finish={painted}
        scale={[0.14, 0.2, 0.07]}
        position={[0, 0, 0.035]}
      />
      <Piece
        geometry={geo.box()}
        color={body}
        finish={painted}
        scale={[0.15, 0.02, 0.085]}
        position={[0, 0.105, 0.042]}
      />
      <Piece
        geometry={geo.box()}
        color="#c9ccce"
        finish={finishFor(detail, 'stainless')}
        scale={[0.11, 0.14, 0.004]}
        position={[0, 0.005, 0.071]}
      />
      <Piece
        geometry={keys}
        color={detail === 'detailed' ? '#eceff1' : '#d0d4d8'}
        finish={finishFor(detail, 'rubber')}
        position={[0, 0.015, 0.075]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#1d1f21"
        finish={finishFor(detail, 'rubber')}
        rotation={FACING}
        scale={[0.03, 0.02, 0.03]}
        position={[0, -0.07, 0.08]}
      />
      {detail === 'detailed' && (
        <Piece
          geometry={geo.box()}
          color="#1d1f21"
          finish={finishFor(detail, 'rubber')}
          scale={[0.04, 0.01, 0.012]}
          position={[0, -0.07, 0.09]}
        />
      )}
    </group>
  )
}
