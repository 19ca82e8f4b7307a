// A belt conveyor's belt (Conveyor.tsx): its runs and turns round the pulleys, and the cleats that
// travel round the loop while the conveyor runs.
import type { RefObject } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { BOTH_SIDES, type PieceSpec } from '../Pieces.tsx'
import { arcShell } from './common.ts'
import { BELT_T, type Build } from './conveyorBuild.ts'

const BELT = '#25282b'
const CLEAT = '#6b747c'
/** Belt speed while running, m/s. */
export const BELT_SPEED = 0.5

/** The place and turn (about z) of a point `s` metres along the belt loop, from the tail's top. */
export function beltPoint(
  s: number,
  run: number,
  radius: number,
  centre: number,
): [number, number, number] {
  const turn = Math.PI * radius
  const loop = 2 * run + 2 * turn
  let d = ((s % loop) + loop) % loop
  if (d < run) return [-run / 2 + d, centre + radius, 0]
  d -= run
  if (d < turn) {
    const a = d / radius
    return [run / 2 + radius * Math.sin(a), centre + radius * Math.cos(a), -a]
  }
  d -= turn
  if (d < run) return [run / 2 - d, centre - radius, Math.PI]
  d -= run
  const a = d / radius
  return [-run / 2 - radius * Math.sin(a), centre - radius * Math.cos(a), Math.PI - a]
}

/** The belt: its top and return runs and its turns round the two pulleys. */
export function belt(b: Build): PieceSpec[] {
  const turn = (start: number, x: number): PieceSpec => ({
    geometry: arcShell(12, start, Math.PI),
    color: BELT,
    finish: b.rubber,
    scale: [b.radius + BELT_T / 2, b.radius + BELT_T / 2, b.width],
    position: [x, b.centre, 0],
  })
  return [
    ...BOTH_SIDES.map((s): PieceSpec => ({
      name: s > 0 ? 'belt-top' : '',
      geometry: geo.box(),
      color: BELT,
      finish: b.rubber,
      scale: [b.run, BELT_T, b.width],
      position: [0, b.centre + s * b.radius, 0],
    })),
    turn(0, b.run / 2),
    turn(Math.PI, -b.run / 2),
  ]
}

/** The cleats across the belt, `count` of them evenly round the loop; they travel while it runs. */
export function Cleats(props: {
  readonly b: Build
  readonly count: number
  readonly cleats: RefObject<(Group | null)[]>
}) {
  const { b, count, cleats } = props
  return Array.from({ length: count }, (_, k) => {
    const [x, y, turn] = beltPoint((k * b.loop) / count, b.run, b.radius, b.centre)
    return (
      <group
        key={k}
        name={k === 0 ? 'cleat' : ''}
        ref={(g) => {
          cleats.current[k] = g
        }}
        position={[x, y, 0]}
        rotation={[0, 0, turn]}
      >
        <Piece
          geometry={geo.box()}
          color={CLEAT}
          finish={b.rubber}
          scale={[0.03, 0.03, b.width * 0.86]}
          position={[0, BELT_T / 2 + 0.015, 0]}
        />
      </group>
    )
  })
}
