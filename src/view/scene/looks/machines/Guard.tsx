// A machine guard: a yellow tube frame with a black wire mesh panel, hung on hinges at its left
// edge between two fixed posts, with a handle and the tongue of its interlock switch; it swings
// open towards the viewer. Origin at the centre of the guarded opening, panel in the plane z = 0.
import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { stateIndex } from '../../parts/types.ts'
import { COLORS, geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { finishFor, mergedBoxes } from './common.ts'

/** How far the guard swings when fully open, radians. */
export const GUARD_SWING = (100 * Math.PI) / 180
const BAR = 0.03
const MESH = '#1f2224'

/** The wire mesh inside the frame, one merged geometry: wires `pitch` apart both ways. */
function meshPanel(width: number, height: number, pitch: number) {
  return mergedBoxes(`guard-mesh:${width}:${height}:${pitch}`, () => {
    const w = width - 2 * BAR
    const h = height - 2 * BAR
    const boxes: [[number, number, number], [number, number, number]][] = []
    for (let x = -w / 2 + pitch / 2; x < w / 2; x += pitch)
      boxes.push([
        [x, 0, 0],
        [0.003, h, 0.003],
      ])
    for (let y = -h / 2 + pitch / 2; y < h / 2; y += pitch)
      boxes.push([
        [0, y, 0.003],
        [w, 0.003, 0.003],
      ])
    return boxes
  })
}

/** The square tube frame around the mesh, one merged geometry. */
function tubeFrame(width: number, height: number) {
  return mergedBoxes(`guard-frame:${width}:${height}`, () => [
    [
      [0, height / 2 - BAR / 2, 0],
      [width, BAR, BAR],
    ],
    [
      [0, -height / 2 + BAR / 2, 0],
      [width, BAR, BAR],
    ],
    [
      [-width / 2 + BAR / 2, 0, 0],
      [BAR, height - 2 * BAR, BAR],
    ],
    [
      [width / 2 - BAR / 2, 0, 0],
      [BAR, height - 2 * BAR, BAR],
    ],
  ])
}

export function GuardLook(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const color = c.source.color ?? COLORS.yellow
  const leaf = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    const n = c.states.length
    const opening = /open/i.test(state)
      ? 1
      : /closed|shut/i.test(state)
        ? 0
        : stateIndex(model, index, state) / Math.max(1, n - 1)
    leaf.current!.rotation.y = -opening * GUARD_SWING
  })
  const painted = finishFor(detail, 'painted')
  const pitch = detail === 'simple' ? 0.1 : 0.04
  const mesh = meshPanel(width, height, pitch)
  const frame = tubeFrame(width, height)
  const post = height + 0.08
  return (
    <group>
      {/* the fixed posts: hinges on the left, the interlock switch on the right */}
      {[-1, 1].map((s) => (
        <Piece
          key={s}
          geometry={geo.box()}
          color={color}
          finish={painted}
          scale={[0.04, post, 0.04]}
          position={[s * (width / 2 + 0.025), 0, -0.03]}
        />
      ))}
      {detail === 'detailed' && (
        <>
          <Piece
            geometry={geo.box()}
            color={COLORS.yellow}
            finish={painted}
            scale={[0.035, 0.09, 0.03]}
            position={[width / 2 + 0.025, 0, 0.005]}
          />
          <Piece
            geometry={geo.box()}
            color={COLORS.red}
            finish={painted}
            scale={[0.036, 0.02, 0.031]}
            position={[width / 2 + 0.025, 0.035, 0.005]}
          />
        </>
      )}
      <group ref={leaf} name="leaf" position={[-width / 2, 0, 0]}>
        <group position={[width / 2, 0, 0]}>
          <Piece geometry={frame} color={color} finish={painted} />
          <Piece geometry={mesh} color={MESH} finish={painted} />
          {/* handle */}
          <Piece
            geometry={geo.box()}
            color="#151617"
            finish={finishFor(detail, 'rubber')}
            scale={[0.022, 0.14, 0.022]}
            position={[width / 2 - 0.07, 0, 0.055]}
          />
          {[-1, 1].map((s) => (
            <Piece
              key={s}
              geometry={geo.box()}
              color="#151617"
              finish={finishFor(detail, 'rubber')}
              scale={[0.02, 0.02, 0.05]}
              position={[width / 2 - 0.07, s * 0.06, 0.03]}
            />
          ))}
          {/* interlock tongue, into the switch when closed */}
          {detail === 'detailed' && (
            <Piece
              geometry={geo.box()}
              color="#c9ccce"
              finish={finishFor(detail, 'stainless')}
              scale={[0.05, 0.012, 0.006]}
              position={[width / 2, 0, 0.005]}
            />
          )}
        </group>
        {/* hinge knuckles */}
        {[-1, 1].map((s) => (
          <Piece
            key={s}
            geometry={geo.cylinderLow()}
            color="#5b5f63"
            finish={finishFor(detail, 'stainless')}
            scale={[0.022, 0.07, 0.022]}
            position={[-0.005, s * (height / 2 - 0.1), 0]}
          />
        ))}
      </group>
    </group>
  )
}
