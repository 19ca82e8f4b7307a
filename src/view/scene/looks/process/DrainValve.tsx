import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { getLeverAngle } from './BallValve.tsx'
import { Lever } from './Lever.tsx'
import { PROCESS } from './palette.ts'
import { ALONG_X, cylinder, hexSolid, mergedGeometry, sides, sphere, torus } from './shapes.ts'
import { useOpening } from './useOpening.ts'

/**
 * A small brass drain valve: a threaded inlet on -x, a ball body with a short lever (along the
 * pipe when open, across it when closed) and a spout that turns down to the drain. Drawn in pipe
 * diameters (params.size), the inlet's axis along x through the origin.
 */
export function DrainValve(props: LookProps) {
  const { detail } = props
  const size = numberParam(props, 'size')
  const lever = useRef<Group>(null)
  useOpening(props, (opening) => {
    lever.current!.rotation.y = getLeverAngle(opening)
  })
  const grip = props.model.components[props.index]!.source.color ?? PROCESS.grip
  return (
    <group scale={size}>
      <Piece geometry={drainBody(detail)} color={PROCESS.brass} finish="stainless" />
      <Lever ref={lever} length={2.4} position={[0, 1.12, 0]} grip={grip} detail={detail} />
    </group>
  )
}

function drainBody(detail: Detail) {
  return mergedGeometry(`drain-body|${detail}`, () => {
    const seg = sides(detail, 16)
    return [
      hexSolid([-0.95, 0, 0], 0.5, 1.35),
      { geometry: cylinder(0.4, 0.5, seg), at: [-1.35, 0, 0], rotation: ALONG_X },
      { geometry: sphere(0.78, seg) },
      { geometry: cylinder(0.24, 0.5, seg), at: [0, 0.75, 0] },
      { geometry: cylinder(0.28, 0.14, 6), at: [0, 1.0, 0] },
      // the spout: out along +x, then bent down
      { geometry: cylinder(0.34, 0.6, seg), at: [0.85, 0, 0], rotation: ALONG_X },
      {
        geometry: torus(0.45, 0.34, seg, Math.PI / 2),
        at: [1.15, -0.45, 0],
      },
      { geometry: cylinder(0.34, 0.55, seg, 0.38), at: [1.6, -0.72, 0] },
    ]
  })
}
