// A two-axle freight bogie (Y25 style) under a wagon: it runs along x on standard-gauge rails.
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import type { Detail, LookProps } from '../types.ts'
import { extrusion, finishFor, spring, tube } from './common.ts'
import { WHEEL_R, Wheelset } from './railway.tsx'

/** A Y25-style bogie side frame: pedestals at both ends, the spring seats and a deep middle. */
const SIDE_FRAME: (readonly [number, number])[] = [
  [-1.2, 0.62],
  [-1.2, 0.8],
  [-0.7, 0.86],
  [-0.4, 0.78],
  [0.4, 0.78],
  [0.7, 0.86],
  [1.2, 0.8],
  [1.2, 0.62],
  [1.05, 0.6],
  [1.05, 0.4],
  [0.75, 0.4],
  [0.75, 0.6],
  [0.45, 0.55],
  [0.3, 0.4],
  [-0.3, 0.4],
  [-0.45, 0.55],
  [-0.75, 0.6],
  [-0.75, 0.4],
  [-1.05, 0.4],
  [-1.05, 0.6],
]

/** The wheelsets' places along x: wheelbase 1.8 m. */
const AXLES = [0.9, -0.9] as const
/** Half the distance between the wheels' treads. */
const TRACK = 0.7535
/** Half the distance between the side frames (and the axle boxes under them). */
const FRAMES = 0.98

/** The bogie's colours and finishes. */
interface Paint {
  readonly detail: Detail
  readonly frame: string
  readonly painted: ReturnType<typeof finishFor>
  readonly steel: ReturnType<typeof finishFor>
  readonly rubber: ReturnType<typeof finishFor>
}

/** The two axle boxes on a wheelset's ends, under the side frames. */
const axleBoxes = (p: Paint): PieceSpec[] =>
  BOTH_SIDES.map((s) => ({
    geometry: geo.cylinder(),
    color: p.frame,
    finish: p.painted,
    rotation: [Math.PI / 2, 0, 0],
    scale: [0.26, 0.2, 0.26],
    position: [0, 0, s * FRAMES],
  }))

/** A spring nest with its seats from the axle box below and under the frame above. */
function springNest(p: Paint): PieceSpec[] {
  const springs: PieceSpec[] =
    p.detail === 'detailed'
      ? [-0.09, 0.09].map((dx) => ({
          geometry: spring(0.07, 0.016, 0.3, 5),
          color: '#8a6f3c',
          finish: p.steel,
          position: [dx, 0.5, 0],
        }))
      : [
          {
            geometry: geo.box(),
            color: '#8a6f3c',
            finish: p.steel,
            scale: [0.3, 0.3, 0.15],
            position: [0, 0.65, 0],
          },
        ]
  const seat = (y: number): PieceSpec => ({
    geometry: geo.box(),
    color: p.frame,
    finish: p.painted,
    scale: [0.36, 0.04, 0.2],
    position: [0, y, 0],
  })
  return [...springs, seat(0.48), seat(0.82)]
}

/** The bolster across the bogie with its centre bowl, and the two transoms joining the frames. */
const bolsterAndTransoms = (p: Paint): PieceSpec[] => [
  {
    geometry: geo.box(),
    color: p.frame,
    finish: p.painted,
    scale: [0.36, 0.26, 2.0],
    position: [0, 0.6, 0],
  },
  {
    geometry: geo.cylinder(),
    color: '#55595c',
    finish: p.steel,
    scale: [0.42, 0.06, 0.42],
    position: [0, 0.76, 0],
  },
  ...[0.45, -0.45].map((x): PieceSpec => ({
    geometry: geo.box(),
    color: p.frame,
    finish: p.painted,
    scale: [0.1, 0.14, 1.9],
    position: [x, 0.55, 0],
  })),
]

/** The brake cylinder on the bolster: its body, its cover and its push rod, along x. */
const brakeCylinder = (p: Paint): PieceSpec[] => [
  {
    geometry: geo.cylinder(),
    color: '#3d4347',
    finish: p.painted,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.26, 0.3, 0.26],
  },
  {
    geometry: geo.cylinder(),
    color: '#3d4347',
    finish: p.painted,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.3, 0.03, 0.3],
    position: [-0.15, 0, 0],
  },
  {
    geometry: geo.cylinderLow(),
    color: '#b7bdc2',
    finish: p.steel,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.04, 0.16, 0.04],
    position: [0.22, 0, 0],
  },
]

/** The brake rigging (Detailed): a lever, the pull rods, the cross rod, the cylinder's air pipe. */
const brakeRigging = (p: Paint): PieceSpec[] => [
  {
    geometry: geo.box(),
    color: '#2b2e30',
    finish: p.painted,
    rotation: [0, 0, 0.25],
    scale: [0.05, 0.42, 0.03],
    position: [0.56, 0.58, 0.42],
  },
  ...BOTH_SIDES.map((s): PieceSpec => ({
    geometry: geo.box(),
    color: '#2b2e30',
    finish: p.painted,
    scale: [0.04, 0.04, 1.5],
    position: [s * 0.62, 0.42, 0],
  })),
  {
    geometry: geo.cylinderLow(),
    color: '#2b2e30',
    finish: p.painted,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.03, 1.2, 0.03],
    position: [0, 0.44, 0.42],
  },
  {
    geometry: tube(
      'bogie-brake-pipe',
      [
        [0.17, 0.62, 0.42],
        [0.0, 0.8, 0.5],
        [-0.3, 0.9, 0.6],
        [-0.5, 0.95, 0.85],
      ],
      0.014,
      16,
      6,
    ),
    color: '#1b1c1d',
    finish: p.rubber,
  },
]

/** A brake block against the inner side of a wheel's tread, and its hanger. */
const brakeBlock = (p: Paint, x: number): PieceSpec[] => [
  {
    name: 'brake-block',
    geometry: geo.box(),
    color: '#1e1f20',
    finish: p.rubber,
    scale: [0.05, 0.32, 0.09],
  },
  {
    geometry: geo.box(),
    color: p.frame,
    finish: p.painted,
    scale: [0.06, 0.14, 0.06],
    position: [-Math.sign(x) * 0.05, 0, 0],
  },
]

/**
 * A two-axle freight bogie: side frames on axle boxes, two wheelsets, coil spring nests, the
 * bolster with its centre bowl, a brake cylinder with its rigging, and brake blocks against the
 * treads. Wheelbase 1.8 m along x, origin on the rail plane under the bogie's centre.
 */
export function BogieLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const p: Paint = {
    detail,
    frame: c.source.color ?? '#2c2f31',
    painted: finishFor(detail, 'painted'),
    steel: finishFor(detail, 'stainless'),
    rubber: finishFor(detail, 'rubber'),
  }
  return (
    <group>
      {AXLES.map((x) => (
        <Wheelset key={x} detail={detail} x={x} wheels={TRACK - 0.005}>
          <Pieces list={axleBoxes(p)} />
        </Wheelset>
      ))}
      {/* side frames over the axle boxes, and the spring nests outside each pedestal */}
      {BOTH_SIDES.map((s) => (
        <group key={s} position={[0, 0, s * FRAMES]}>
          <Piece
            geometry={extrusion('bogie-side-frame', SIDE_FRAME, 0.16, 0.012)}
            color={p.frame}
            finish={p.painted}
          />
          {AXLES.map((x) => (
            <group key={x} position={[x, 0, s * 0.12]}>
              <Pieces list={springNest(p)} />
            </group>
          ))}
        </group>
      ))}
      <Pieces list={bolsterAndTransoms(p)} />
      <group name="brake-cylinder" position={[0.32, 0.62, 0.42]}>
        <Pieces list={brakeCylinder(p)} />
      </group>
      {detail === 'detailed' && <Pieces list={brakeRigging(p)} />}
      {AXLES.flatMap((x) =>
        BOTH_SIDES.map((s) => (
          <group key={`${x}${s}`} position={[x - Math.sign(x) * 0.47, WHEEL_R, s * TRACK]}>
            <Pieces list={brakeBlock(p, x)} />
          </group>
        )),
      )}
    </group>
  )
}
