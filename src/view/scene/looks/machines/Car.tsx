// The electric vehicle: a five-door hatchback with its battery pack under the floor and the
// orange high-voltage cables from it to the front drive unit.
import { geo } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import type { Detail, LookProps } from '../types.ts'
import { extrusion, finishFor, HV_ORANGE, lathe, tube } from './common.ts'

type Point = readonly [number, number]

const GLASS = '#1b232b'
const TRIM = '#1c1e20'

/** Points of an arc about (cx, cy), from angle a0 to a1 (radians), `n` steps. */
function arc(cx: number, cy: number, r: number, a0: number, a1: number, n: number): Point[] {
  return Array.from({ length: n + 1 }, (_, k) => {
    const a = a0 + ((a1 - a0) * k) / n
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const
  })
}

const AXLE = 1.35
const WHEEL_R = 0.32
const BELT = 0.98
/** The lower body's side outline, rear (-x) to front (+x), with both wheel arches. */
const LOWER: Point[] = [
  [-2.02, 0.3],
  [-2.1, 0.42],
  [-2.12, 0.72],
  [-2.07, BELT + 0.02],
  [1.08, BELT - 0.03],
  [1.6, 0.87],
  [1.95, 0.79],
  [2.1, 0.68],
  [2.14, 0.5],
  [2.1, 0.36],
  [2.0, 0.3],
  ...arc(AXLE, WHEEL_R, 0.43, -0.1, Math.PI + 0.1, 10),
  ...arc(-AXLE, WHEEL_R, 0.43, -0.1, Math.PI + 0.1, 10),
]
/** The cabin above the belt line: tailgate, roof and windscreen. */
const CABIN: Point[] = [
  [-2.06, BELT - 0.02],
  [-1.99, 1.22],
  [-1.86, 1.4],
  [-1.62, 1.5],
  [-1.2, 1.54],
  [-0.2, 1.55],
  [0.3, 1.5],
  [1.14, BELT - 0.04],
]
const WINDOWS: Point[][] = [
  [
    [-1.8, 1.04],
    [-1.72, 1.3],
    [-1.58, 1.41],
    [-1.38, 1.46],
    [-0.42, 1.48],
    [-0.42, 1.04],
  ],
  [
    [-0.3, 1.04],
    [-0.3, 1.48],
    [0.0, 1.49],
    [0.2, 1.47],
    [0.92, 1.0],
    [0.92, 1.04],
  ],
]
const WIDTH = 1.78
const CABIN_W = 1.5

/** The car's paint and finishes. */
interface Paint {
  readonly detail: Detail
  readonly paint: string
  readonly painted: ReturnType<typeof finishFor>
  readonly rubber: ReturnType<typeof finishFor>
  readonly shiny: ReturnType<typeof finishFor>
}

/** A pane of glass on the cabin's slope from `from` to `to`, just outside it. */
function slopedPane(from: Point, to: Point, inset: number) {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1])
  const nx = (to[1] - from[1]) / length
  const ny = (from[0] - to[0]) / length
  const out = from[0] < 0 ? -0.03 : 0.03
  return {
    scale: [length - 0.1, 0.01, CABIN_W - inset] as const,
    position: [(from[0] + to[0]) / 2 - nx * out, (from[1] + to[1]) / 2 - ny * out, 0] as const,
    rotation: [0, 0, Math.atan2(to[1] - from[1], to[0] - from[0])] as const,
  }
}

/** The lower body and the cabin, the side windows both sides, the windscreen and rear screen. */
function bodyAndGlass(p: Paint): PieceSpec[] {
  const glass = { geometry: geo.box(), color: GLASS, finish: p.shiny }
  return [
    { geometry: extrusion('car-lower', LOWER, WIDTH, 0.06), color: p.paint, finish: p.painted },
    { geometry: extrusion('car-cabin', CABIN, CABIN_W, 0.06), color: p.paint, finish: p.painted },
    ...BOTH_SIDES.flatMap((s) =>
      WINDOWS.map((w, k): PieceSpec => ({
        geometry: extrusion(`car-window-${k}`, w, 0.01),
        color: GLASS,
        finish: p.shiny,
        position: [0, 0, s * (CABIN_W / 2 + 0.002)],
      })),
    ),
    { ...glass, ...slopedPane([0.3, 1.5], [1.14, BELT - 0.04], 0.14) },
    { ...glass, ...slopedPane([-1.86, 1.4], [-1.99, 1.22], 0.16) },
  ]
}

/** A wheel on side `s`: its tyre, its rim and (Detailed) the five spokes of the rim. */
function wheel(p: Paint, s: number): PieceSpec[] {
  const tyre = lathe(
    'car-tyre',
    [
      [0.2, -0.1],
      [0.27, -0.105],
      [0.305, -0.095],
      [0.32, -0.06],
      [0.322, 0],
      [0.32, 0.06],
      [0.305, 0.095],
      [0.27, 0.105],
      [0.2, 0.1],
    ],
    p.detail === 'simple' ? 14 : 28,
  )
  const spoke = (k: number): PieceSpec => {
    const a = (k * 2 * Math.PI) / 5 + 0.3
    return {
      geometry: geo.box(),
      color: '#3a3e42',
      finish: p.painted,
      rotation: [0, 0, a],
      scale: [0.05, 0.14, 0.01],
      position: [0.1 * Math.cos(a + Math.PI / 2), 0.1 * Math.sin(a + Math.PI / 2), s * 0.086],
    }
  }
  return [
    { geometry: tyre, color: '#1a1b1c', finish: p.rubber, rotation: [Math.PI / 2, 0, 0] },
    {
      geometry: geo.cylinder(),
      color: '#a9b0b6',
      finish: p.shiny,
      rotation: [Math.PI / 2, 0, 0],
      scale: [0.42, 0.17, 0.42],
    },
    ...(p.detail === 'detailed' ? [0, 1, 2, 3, 4].map(spoke) : []),
  ]
}

/**
 * One side `s` of the car: its headlamp and tail lamp, and (Detailed) the door mirror, the door
 * handles, the doors' shut lines and the black sill trim.
 */
function carSide(p: Paint, s: number): PieceSpec[] {
  const lamps: PieceSpec[] = [
    {
      geometry: geo.box(),
      color: '#f4f6f7',
      finish: 'glow',
      scale: [0.22, 0.04, 0.36],
      position: [2.03, 0.745, s * 0.6],
      rotation: [0, 0, -0.63],
    },
    {
      geometry: geo.box(),
      color: '#c62828',
      finish: 'glow',
      scale: [0.06, 0.1, 0.32],
      position: [-2.09, 0.86, s * 0.62],
    },
  ]
  if (p.detail !== 'detailed') return lamps
  return [
    ...lamps,
    {
      geometry: geo.box(),
      color: p.paint,
      finish: p.painted,
      scale: [0.1, 0.1, 0.16],
      position: [0.95, 1.04, s * (WIDTH / 2 + 0.02)],
    },
    ...[0.15, -0.75].map((x): PieceSpec => ({
      geometry: geo.box(),
      color: TRIM,
      finish: p.painted,
      scale: [0.14, 0.025, 0.02],
      position: [x, 0.92, s * (WIDTH / 2 + 0.003)],
    })),
    ...[0.98, -0.36, -1.33].map((x): PieceSpec => ({
      geometry: geo.box(),
      color: TRIM,
      scale: [0.008, 0.6, 0.004],
      position: [x, 0.68, s * (WIDTH / 2 + 0.001)],
    })),
    {
      geometry: geo.box(),
      color: TRIM,
      finish: p.painted,
      scale: [1.9, 0.08, 0.01],
      position: [0, 0.33, s * (WIDTH / 2 + 0.0)],
    },
  ]
}

/**
 * The car's ends (Detailed): the front light bar and the red rear bar, the number plates, the
 * closed front's lower intake, and the charge port flap.
 */
const carEnds = (p: Paint): PieceSpec[] => [
  {
    geometry: geo.box(),
    color: '#f4f6f7',
    finish: 'glow',
    scale: [0.16, 0.02, 0.85],
    position: [2.045, 0.74, 0],
    rotation: [0, 0, -0.63],
  },
  {
    geometry: geo.box(),
    color: '#c62828',
    finish: 'glow',
    scale: [0.02, 0.03, 1.0],
    position: [-2.11, 0.9, 0],
  },
  ...[
    [2.145, 0.5],
    [-2.125, 0.56],
  ].map(([x, y]): PieceSpec => ({
    geometry: geo.box(),
    color: '#f4f4f4',
    finish: p.painted,
    scale: [0.02, 0.11, 0.52],
    position: [x!, y!, 0],
  })),
  {
    geometry: geo.box(),
    color: TRIM,
    finish: p.painted,
    scale: [0.02, 0.08, 1.1],
    position: [2.115, 0.39, 0],
  },
  {
    geometry: geo.box(),
    color: TRIM,
    scale: [0.14, 0.1, 0.005],
    position: [-1.62, 0.86, -(WIDTH / 2 + 0.002)],
  },
]

/** An orange HV cable on side `side`, from the battery pack forward to the drive unit. */
const hvCable = (side: number) =>
  tube(
    `car-hv:${side}`,
    [
      [0.2, 0.2, 0.74 * side],
      [0.7, 0.19, 0.74 * side],
      [1.0, 0.2, 0.6 * side],
      [1.2, 0.26, 0.35 * side],
      [1.38, 0.36, 0.15 * side],
    ],
    0.024,
    24,
    6,
  )

/**
 * Under the floor: the battery pack with its warning label, the front drive unit (motor and
 * inverter), the drive shafts, and the HV cables joining pack and drive unit.
 */
const underFloor = (p: Paint): PieceSpec[] => [
  {
    name: 'hv-battery',
    geometry: geo.box(),
    color: '#3d4246',
    finish: p.painted,
    scale: [2.2, 0.13, 1.42],
    position: [-0.15, 0.215, 0],
  },
  {
    geometry: geo.box(),
    color: '#f2c200',
    finish: p.painted,
    scale: [0.16, 0.08, 0.005],
    position: [0.3, 0.215, 0.713],
  },
  {
    geometry: geo.cylinder(),
    color: '#7b8288',
    finish: p.shiny,
    rotation: [Math.PI / 2, 0, 0],
    scale: [0.3, 0.5, 0.3],
    position: [AXLE + 0.05, WHEEL_R + 0.04, 0],
  },
  {
    geometry: geo.box(),
    color: '#5f666c',
    finish: p.painted,
    scale: [0.3, 0.2, 0.36],
    position: [AXLE + 0.08, WHEEL_R + 0.24, 0.05],
  },
  ...BOTH_SIDES.map((s): PieceSpec => ({
    geometry: geo.cylinderLow(),
    color: '#2b2f33',
    finish: p.shiny,
    rotation: [Math.PI / 2, 0, 0],
    scale: [0.04, 0.62, 0.04],
    position: [AXLE, WHEEL_R, s * 0.47],
  })),
  ...BOTH_SIDES.map((s): PieceSpec => ({
    name: 'hv-cable',
    geometry: hvCable(s),
    color: HV_ORANGE,
    finish: p.rubber,
  })),
]

/**
 * A five-door electric hatchback, 4.2 m long, in the component's `color`: body, cabin with its
 * windows, wheels and tyres, lights, the battery pack under the floor and the orange HV cables
 * from it to the front drive unit. Length along x (front at +x), origin on the ground under the
 * middle of the car.
 */
export function CarLook(props: LookProps) {
  const { detail } = props
  const p: Paint = {
    detail,
    paint: props.model.components[props.index]!.source.color ?? '#4f7ea6',
    painted: finishFor(detail, 'painted'),
    rubber: finishFor(detail, 'rubber'),
    shiny: finishFor(detail, 'stainless'),
  }
  return (
    <group>
      <Pieces list={bodyAndGlass(p)} />
      {[AXLE, -AXLE].flatMap((x) =>
        BOTH_SIDES.map((s) => (
          <group key={`${x}${s}`} position={[x, WHEEL_R, s * (WIDTH / 2 - 0.1)]}>
            <Pieces list={wheel(p, s)} />
          </group>
        )),
      )}
      {BOTH_SIDES.map((s) => (
        <group key={s}>
          <Pieces list={carSide(p, s)} />
        </group>
      ))}
      {detail === 'detailed' && <Pieces list={carEnds(p)} />}
      <Pieces list={underFloor(p)} />
    </group>
  )
}
