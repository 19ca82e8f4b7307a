// The workshop floor: a concrete slab with painted walkway lines and saw-cut joints.
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { finishFor, mergedBoxes } from './common.ts'

/**
 * A concrete floor slab with painted walkway lines: a yellow border and a yellow-lined walkway
 * along the front edge, with saw-cut joints. `width` along x, `depth` along z; its top is at
 * y = 0 (the slab hangs below its origin), so things placed on it stand at y = 0.
 */
export function FloorLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const width = numberParam(props, 'width')
  const depth = numberParam(props, 'depth')
  const line = 0.08
  const lines = mergedBoxes(`floor-lines:${width}:${depth}`, () => {
    const inset = 0.1
    const walk = Math.min(1.2, depth * 0.3)
    const front = depth / 2 - inset - line / 2
    return [
      [
        [0, 0, front],
        [width - 2 * inset, 0.004, line],
      ],
      [
        [0, 0, front - walk],
        [width - 2 * inset, 0.004, line],
      ],
      [
        [0, 0, -depth / 2 + inset + line / 2],
        [width - 2 * inset, 0.004, line],
      ],
      [
        [-width / 2 + inset + line / 2, 0, 0],
        [line, 0.004, depth - 2 * inset],
      ],
      [
        [width / 2 - inset - line / 2, 0, 0],
        [line, 0.004, depth - 2 * inset],
      ],
    ]
  })
  const joints = mergedBoxes(`floor-joints:${width}:${depth}`, () => {
    const boxes: [[number, number, number], [number, number, number]][] = []
    for (let x = -width / 2 + 3; x < width / 2 - 0.5; x += 3)
      boxes.push([
        [x, 0, 0],
        [0.008, 0.002, depth],
      ])
    for (let z = -depth / 2 + 3; z < depth / 2 - 0.5; z += 3)
      boxes.push([
        [0, 0, z],
        [width, 0.002, 0.008],
      ])
    return boxes.length
      ? boxes
      : [
          [
            [0, -0.01, 0],
            [0.001, 0.001, 0.001],
          ],
        ]
  })
  return (
    <group>
      <Piece
        name="slab"
        geometry={geo.box()}
        color={c.source.color ?? '#a3a39e'}
        finish={finishFor(detail, 'painted')}
        scale={[width, 0.15, depth]}
        position={[0, -0.075, 0]}
      />
      <Piece
        geometry={lines}
        color="#f2c200"
        finish={finishFor(detail, 'painted')}
        position={[0, 0.001, 0]}
      />
      {detail === 'detailed' && (
        <Piece geometry={joints} color="#6f6f6b" position={[0, 0.0005, 0]} />
      )}
    </group>
  )
}
