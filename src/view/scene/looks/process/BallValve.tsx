import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { Lever } from './Lever.tsx'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  cylinder,
  flangeSolids,
  hexSolid,
  lathe,
  mergedGeometry,
  sides,
  type Solid,
} from './shapes.ts'
import { useOpening } from './useOpening.ts'

/** A quarter-turn lever's angle about its stem: along the pipe when open, across it when closed. */
export function getLeverAngle(opening: number): number {
  return -(1 - opening) * (Math.PI / 2)
}

/** From this pipe size up a ball valve has flanged ends; smaller ones are threaded. */
export const FLANGED_FROM = 0.05

/**
 * A ball valve: a round body with flanged (or, small, threaded hex) ends and a lever that lies
 * along the pipe when open and across it, towards the viewer, when closed; states in between turn
 * it part way. Drawn in pipe diameters (params.size) along x, the stem up +y.
 */
export function BallValve(props: LookProps) {
  const { detail } = props
  const size = numberParam(props, 'size')
  const flanged = size >= FLANGED_FROM
  const lever = useRef<Group>(null)
  useOpening(props, (opening) => {
    lever.current!.rotation.y = getLeverAngle(opening)
  })
  const grip = props.model.components[props.index]!.source.color ?? PROCESS.grip
  return (
    <group scale={size}>
      <Piece
        geometry={ballBody(flanged, detail)}
        color={flanged ? PROCESS.steel : PROCESS.brass}
        finish="stainless"
      />
      <Lever
        ref={lever}
        length={flanged ? 3.4 : 4}
        position={[0, 1.42, 0]}
        grip={grip}
        detail={detail}
      />
    </group>
  )
}

function ballBody(flanged: boolean, detail: Detail) {
  return mergedGeometry(`ball-body|${flanged}|${detail}`, () => {
    const seg = sides(detail)
    const solids: Solid[] = [
      {
        // the round middle that holds the ball
        geometry: lathe(
          [
            [0.001, -0.75],
            [0.55, -0.72],
            [0.8, -0.4],
            [0.86, 0],
            [0.8, 0.4],
            [0.55, 0.72],
            [0.001, 0.75],
          ],
          seg,
        ),
        rotation: ALONG_X,
      },
      { geometry: cylinder(0.56, flanged ? 2.0 : 2.1, seg), rotation: ALONG_X },
      // the stem's neck and packing nut
      { geometry: cylinder(0.26, 0.7, sides(detail, 12)), at: [0, 0.95, 0] },
      { geometry: cylinder(0.3, 0.16, 6), at: [0, 1.3, 0] },
    ]
    if (flanged)
      solids.push(...flangeSolids([-1.0, 0, 0], detail), ...flangeSolids([1.0, 0, 0], detail))
    else solids.push(hexSolid([-0.85, 0, 0], 0.45, 1.45), hexSolid([0.85, 0, 0], 0.45, 1.45))
    return solids
  })
}
