import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import type { SceneState } from '../../../../state/sceneSource.ts'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import { box, cylinder, hexSolid, lathe, mergedGeometry, sides, sphere } from './shapes.ts'
import { getOpening } from './useOpening.ts'

/** How far the test lever lifts (radians) when the valve is tested or blows. */
export const SAFETY_LIFT = 0.5

/**
 * A brass spring safety valve: a threaded inlet at the bottom (the origin), the seat body with its
 * vents, the spring bonnet and cap, and a test lever along +x that lifts when the valve is
 * tested: as a valve, while its state is open; as a button, while its last press is the last act.
 * Drawn in inlet diameters (params.size), standing up +y.
 */
export function SafetyValve(props: LookProps) {
  const { detail, model, index, store } = props
  const c = model.components[index]!
  const size = numberParam(props, 'size')
  const lever = useRef<Group>(null)
  const spindle = useRef<Group>(null)
  const lifted = (s: SceneState): boolean => {
    if (c.kind === 'valve') return getOpening(c.states, selectState(index)(s)) > 0
    if (c.kind !== 'button') return false
    const last = s.events[s.events.length - 1]
    return last?.action === 'press' && last.target === c.id
  }
  useSceneEffect(store, lifted, (up) => {
    lever.current!.rotation.z = up ? SAFETY_LIFT : 0
    spindle.current!.position.y = up ? 0.25 : 0
  })
  return (
    <group scale={size}>
      <Piece
        geometry={safetyBody(detail)}
        color={c.source.color ?? PROCESS.brass}
        finish="stainless"
      />
      {detail === 'detailed' && (
        <Piece geometry={safetyVents(detail)} color={PROCESS.black} finish="rubber" />
      )}
      <group ref={spindle} name="spindle">
        <Piece geometry={spindleGeometry(detail)} color={PROCESS.steel} finish="stainless" />
      </group>
      <group ref={lever} name="lever" position={[-0.25, 4.3, 0]}>
        <Piece geometry={testLever(detail)} color={PROCESS.brass} finish="stainless" />
      </group>
    </group>
  )
}

function safetyBody(detail: Detail) {
  return mergedGeometry(`safety-body|${detail}`, () => {
    const seg = sides(detail, 20)
    return [
      { geometry: cylinder(0.46, 0.5, seg), at: [0, 0.25, 0] },
      { ...hexSolid([0, 0.75, 0], 0.5, 1.5), rotation: [0, Math.PI / 6, 0] },
      {
        // the seat body, wider round the vents
        geometry: lathe(
          [
            [0.5, 1.0],
            [0.82, 1.1],
            [0.88, 1.5],
            [0.8, 1.95],
            [0.55, 2.1],
          ],
          seg,
        ),
      },
      // the spring bonnet, the adjusting nut and the cap
      { geometry: cylinder(0.58, 1.6, seg, 0.5), at: [0, 2.9, 0] },
      { geometry: cylinder(0.55, 0.3, 6), at: [0, 3.8, 0] },
      { geometry: cylinder(0.45, 0.35, seg, 0.36), at: [0, 4.1, 0] },
      // the lever's fork
      { geometry: box(0.12, 0.4, 0.5), at: [-0.25, 4.3, 0] },
    ]
  })
}

function safetyVents(detail: Detail) {
  return mergedGeometry(`safety-vents|${detail}`, () =>
    [0, 1, 2, 3].map((k) => {
      const a = (k * Math.PI) / 2 + Math.PI / 4
      return {
        // a dark hole facing out of the body
        geometry: cylinder(0.16, 0.1, sides(detail, 10)).rotateX(Math.PI / 2),
        at: [Math.sin(a) * 0.86, 1.5, Math.cos(a) * 0.86] as const,
        rotation: [0, a, 0] as const,
      }
    }),
  )
}

function spindleGeometry(detail: Detail) {
  return mergedGeometry(`safety-spindle|${detail}`, () => [
    { geometry: cylinder(0.1, 0.45, sides(detail, 8)), at: [0, 4.4, 0] },
  ])
}

/** The test lever, pivoted at its fork and reaching out along +x. */
function testLever(detail: Detail) {
  return mergedGeometry(`safety-lever|${detail}`, () => [
    { geometry: box(2.0, 0.14, 0.22), at: [1.0, 0.1, 0] },
    { geometry: sphere(0.2, sides(detail, 12)), at: [2.0, 0.1, 0] },
  ])
}
