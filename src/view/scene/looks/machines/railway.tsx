// What the railway looks share: the rail's height and gauge, and the wheelset a bogie and a
// vehicle both run on (its axle, its two turned wheels and whatever rides on its ends).
import type { ReactNode } from 'react'
import { geo } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import type { Detail } from '../types.ts'
import { finishFor, lathe } from './common.ts'

/** Height of the rail tops above the track's base (the bottom of its ballast). */
export const RAIL_TOP = 0.42
/** Distance between the rails' centre lines: 1435 mm gauge plus a rail head. */
export const RAIL_CENTRES = 1.507
export const WHEEL_R = 0.46

/** A wheelset's wheel: tread, flange and web, turned about y. */
function wheelProfile(detail: Detail) {
  return lathe(
    'rail-wheel',
    [
      [0.09, -0.07],
      [0.16, -0.07],
      [0.38, -0.03],
      [0.42, -0.07],
      [WHEEL_R - 0.005, -0.07],
      [WHEEL_R, -0.065],
      [WHEEL_R + 0.001, 0.055],
      [WHEEL_R + 0.03, 0.06],
      [WHEEL_R + 0.032, 0.072],
      [WHEEL_R, 0.075],
      [0.42, 0.075],
      [0.38, 0.04],
      [0.16, 0.075],
      [0.09, 0.075],
    ],
    detail === 'simple' ? 16 : 28,
  )
}

/** The axle and its two wheels, `wheels` either side of the middle, flanges inwards. */
function axleAndWheels(detail: Detail, wheels: number): PieceSpec[] {
  const steel = finishFor(detail, 'stainless')
  const wheel = wheelProfile(detail)
  return [
    {
      geometry: geo.cylinder(),
      color: '#545a5f',
      finish: steel,
      rotation: [Math.PI / 2, 0, 0],
      scale: [0.17, 2.05, 0.17],
    },
    ...BOTH_SIDES.map((s): PieceSpec => ({
      geometry: wheel,
      color: '#6a625a',
      finish: steel,
      rotation: [s > 0 ? -Math.PI / 2 : Math.PI / 2, 0, 0],
      position: [0, 0, s * wheels],
    })),
  ]
}

/**
 * A wheelset at `x` along the rails, its wheels on the rail plane: the axle, the wheels `wheels`
 * either side of the middle, and `children` (its axle boxes) in its frame, the axle's centre.
 */
export function Wheelset(props: {
  readonly detail: Detail
  readonly x: number
  readonly wheels: number
  readonly children: ReactNode
}) {
  return (
    <group position={[props.x, WHEEL_R, 0]}>
      <Pieces list={axleAndWheels(props.detail, props.wheels)} />
      {props.children}
    </group>
  )
}
