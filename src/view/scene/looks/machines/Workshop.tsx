// The workshop around the equipment: floor, walls, a workbench, an insulated tool trolley and a
// key safe.
import { Piece } from '../../Piece.tsx'
import { FACING } from '../../parts/types.ts'
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
      {[1, -1].flatMap((x) =>
        [1, -1].map((z) => (
          <Piece
            key={`${x}${z}`}
            geometry={geo.box()}
            color={frame}
            finish={painted}
            scale={[0.05, leg, 0.05]}
            position={[x * (width / 2 - 0.05), leg / 2, z * (depth / 2 - 0.05)]}
          />
        )),
      )}
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
      {/* castors */}
      {[1, -1].flatMap((x) =>
        [1, -1].map((z) => (
          <group key={`${x}${z}`} position={[x * (width / 2 - 0.06), 0, z * (depth / 2 - 0.06)]}>
            <Piece
              geometry={geo.cylinderLow()}
              color="#1d1f21"
              finish={rubber}
              rotation={[0, 0, Math.PI / 2]}
              scale={[0.1, 0.03, 0.1]}
              position={[0, 0.05, 0]}
            />
            <Piece
              geometry={geo.box()}
              color="#8a9199"
              finish={finishFor(detail, 'stainless')}
              scale={[0.05, 0.06, 0.05]}
              position={[0, 0.1, 0]}
            />
          </group>
        )),
      )}
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
