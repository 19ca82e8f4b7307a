// A belt conveyor: side channels on legs, a lagged head pulley driven by a shaft-mounted gearbox
// and motor, a tail pulley with its take-up, carrying and return rollers, and a belt whose cleats
// travel round the pulleys while the conveyor runs. Length along x (head at +x), belt top at
// `height`, origin at the base centre.
import { useFrame } from '@react-three/fiber'
import { useMemo, useRef, type RefObject } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { geo, type Finish } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { arcShell, finishFor, mergedBoxes } from './common.ts'
import { useRunning } from './running.ts'

const BELT = '#25282b'
const CLEAT = '#6b747c'
const ROLLER = '#b7bdc2'
const MOTOR = '#45607a'
/** Belt speed while running, m/s. */
export const BELT_SPEED = 0.5
const PULLEY = 0.1
const BELT_T = 0.012

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

/** Everything a conveyor's parts are sized and finished from. */
interface Build {
  readonly detail: Detail
  readonly frame: string
  readonly painted: Finish
  readonly rubber: Finish
  readonly steel: Finish
  readonly length: number
  readonly width: number
  /** Height of the belt's top. */
  readonly height: number
  /** Distance between the pulleys' centres. */
  readonly run: number
  /** The belt's turning radius round a pulley, and the pulleys' centre height. */
  readonly radius: number
  readonly centre: number
  /** The belt loop's length. */
  readonly loop: number
  /** Distance from the middle to each side channel. */
  readonly side: number
  /** The legs' places along x. */
  readonly legs: readonly number[]
}

/** The two side channels, lips facing in. */
function channels(b: Build): PieceSpec[] {
  const channel = mergedBoxes(`conveyor-channel:${b.length}`, () => [
    [
      [0, 0, 0],
      [b.length, 0.16, 0.008],
    ],
    [
      [0, 0.076, -0.022],
      [b.length, 0.008, 0.045],
    ],
    [
      [0, -0.076, -0.022],
      [b.length, 0.008, 0.045],
    ],
  ])
  return BOTH_SIDES.map((s) => ({
    geometry: channel,
    color: b.frame,
    finish: b.painted,
    position: [0, b.height - 0.1, s * b.side],
    rotation: [0, s > 0 ? 0 : Math.PI, 0],
  }))
}

/** A leg on side `s` and (Detailed) its foot plate. */
function leg(b: Build, s: number): PieceSpec[] {
  const legTop = b.height - 0.18
  const pieces: PieceSpec[] = [
    {
      geometry: geo.box(),
      color: b.frame,
      finish: b.painted,
      scale: [0.05, legTop, 0.05],
      position: [0, legTop / 2, s * (b.side - 0.03)],
    },
  ]
  if (b.detail === 'detailed')
    pieces.push({
      geometry: geo.box(),
      color: '#3a3d40',
      finish: b.steel,
      scale: [0.12, 0.012, 0.12],
      position: [0, 0.006, s * (b.side - 0.03)],
    })
  return pieces
}

/** A pair of legs at `x` with the cross brace between them. */
function LegPair({ b, x }: { readonly b: Build; readonly x: number }) {
  return (
    <group position={[x, 0, 0]}>
      {BOTH_SIDES.map((s) => (
        <group key={s}>
          <Pieces list={leg(b, s)} />
        </group>
      ))}
      <Piece
        geometry={geo.box()}
        color={b.frame}
        finish={b.painted}
        scale={[0.04, 0.04, 2 * b.side - 0.06]}
        position={[0, 0.28, 0]}
      />
    </group>
  )
}

/** The head (drive, s = 1, lagged) or tail pulley on its shaft, with (Detailed) its bearings. */
function pulley(b: Build, s: number): PieceSpec[] {
  const pieces: PieceSpec[] = [
    {
      geometry: geo.cylinder(),
      color: s > 0 ? '#1b1d1f' : ROLLER,
      finish: s > 0 ? b.rubber : b.steel,
      rotation: [Math.PI / 2, 0, 0],
      scale: [2 * PULLEY, b.width + 0.02, 2 * PULLEY],
    },
    {
      geometry: geo.cylinderLow(),
      color: ROLLER,
      finish: b.steel,
      rotation: [Math.PI / 2, 0, 0],
      scale: [0.04, 2 * b.side + 0.12, 0.04],
    },
  ]
  if (b.detail !== 'detailed') return pieces
  return [
    ...pieces,
    ...BOTH_SIDES.map((z): PieceSpec => ({
      geometry: geo.box(),
      color: '#3b4046',
      finish: b.painted,
      scale: [0.13, 0.08, 0.05],
      position: [0, -0.01, z * (b.side + 0.035)],
    })),
  ]
}

/** The belt: its top and return runs and its turns round the two pulleys. */
function belt(b: Build): PieceSpec[] {
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
function Cleats(props: {
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

/**
 * The rollers (Detailed): carrying rollers under the top run, return rollers under the bottom
 * one at the inner legs, and the take-up screws at the tail.
 */
function rollers(b: Build, carrying: readonly number[]): PieceSpec[] {
  const roller = (x: number, size: number, y: number): PieceSpec => ({
    geometry: geo.cylinderLow(),
    color: ROLLER,
    finish: b.steel,
    rotation: [Math.PI / 2, 0, 0],
    scale: [size, 2 * b.side - 0.02, size],
    position: [x, y, 0],
  })
  return [
    ...carrying.map((x) => roller(x, 0.06, b.height - BELT_T - 0.03)),
    ...b.legs.slice(1, -1).map((x) => roller(x, 0.05, b.centre - b.radius - BELT_T / 2 - 0.025)),
    ...BOTH_SIDES.map((z): PieceSpec => ({
      geometry: geo.cylinderLow(),
      color: ROLLER,
      finish: b.steel,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.016, 0.3, 0.016],
      position: [-b.run / 2 + 0.12, b.centre + 0.05, z * (b.side + 0.035)],
    })),
  ]
}

/** The emergency pull-wire along the viewer's side, on eye posts, with its switch at the tail. */
const pullWire = (b: Build): PieceSpec[] => [
  {
    geometry: geo.cylinderLow(),
    color: '#d32f2f',
    finish: b.painted,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.012, b.run - 0.3, 0.012],
    position: [0.05, b.height + 0.06, b.side + 0.06],
  },
  ...b.legs.map((x): PieceSpec => ({
    geometry: geo.box(),
    color: '#3b4046',
    finish: b.painted,
    scale: [0.02, 0.2, 0.02],
    position: [
      Math.min(Math.max(x, -b.run / 2 + 0.25), b.run / 2 - 0.3),
      b.height - 0.03,
      b.side + 0.06,
    ],
  })),
  {
    geometry: geo.box(),
    color: '#f2c200',
    finish: b.painted,
    scale: [0.12, 0.16, 0.1],
    position: [-b.run / 2 + 0.14, b.height + 0.02, b.side + 0.07],
  },
  {
    geometry: geo.cylinderLow(),
    color: '#d32f2f',
    finish: b.painted,
    scale: [0.05, 0.03, 0.05],
    position: [-b.run / 2 + 0.14, b.height + 0.115, b.side + 0.07],
  },
]

/**
 * The drive on the viewer's side of the head: a shaft-mounted bevel gearbox and its motor, and
 * (Detailed) the motor's fan cowl, cooling fins and terminal box and the gearbox's torque arm.
 */
function drive(b: Build): PieceSpec[] {
  const pieces: PieceSpec[] = [
    {
      geometry: geo.box(),
      color: MOTOR,
      finish: b.painted,
      scale: [0.24, 0.26, 0.2],
      position: [-0.03, -0.04, 0],
    },
    {
      geometry: geo.cylinder(),
      color: MOTOR,
      finish: b.painted,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.19, 0.34, 0.19],
      position: [-0.32, -0.08, 0.02],
    },
  ]
  if (b.detail !== 'detailed') return pieces
  return [
    ...pieces,
    {
      geometry: geo.cylinder(),
      color: '#2d3e4f',
      finish: b.painted,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.17, 0.08, 0.17],
      position: [-0.53, -0.08, 0.02],
    },
    ...[0, 1, 2, 3, 4, 5].map((k): PieceSpec => ({
      geometry: geo.box(),
      color: MOTOR,
      finish: b.painted,
      rotation: [(k * Math.PI) / 6, 0, 0],
      scale: [0.3, 0.21, 0.012],
      position: [-0.32, -0.08, 0.02],
    })),
    {
      geometry: geo.box(),
      color: MOTOR,
      finish: b.painted,
      scale: [0.1, 0.05, 0.1],
      position: [-0.3, 0.04, 0.02],
    },
    {
      geometry: geo.box(),
      color: '#3b4046',
      finish: b.painted,
      scale: [0.03, 0.34, 0.04],
      position: [0.05, -0.27, -0.04],
    },
  ]
}

/**
 * A belt conveyor whose cleats travel round the pulleys while it runs: the frame on its legs, the
 * pulleys, the belt and its cleats, the rollers, the pull-wire and the drive.
 */
export function ConveyorLook(props: LookProps) {
  const { detail } = props
  const length = numberParam(props, 'length')
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const root = useRef<Group>(null)
  const cleats = useRef<(Group | null)[]>([])
  const travelled = useRef(0)

  const run = length - 0.24
  const radius = PULLEY + BELT_T / 2
  const centre = height - BELT_T - PULLEY
  const loop = 2 * run + 2 * Math.PI * radius
  const count = Math.max(6, Math.round(loop / (detail === 'simple' ? 0.8 : 0.45)))

  const place = (offset: number) => {
    cleats.current.forEach((g, k) => {
      if (!g) return
      const [x, y, turn] = beltPoint(offset + (k * loop) / count, run, radius, centre)
      g.position.set(x, y, 0)
      g.rotation.z = turn
    })
  }

  const running = useRunning(props, (on) => {
    root.current!.name = on ? 'machine-running' : 'machine-stopped'
  })
  useFrame(({ invalidate }, delta) => {
    if (!running.current) return
    // a long pause (a hidden tab) moves the belt on by at most a tenth of a second
    travelled.current = (travelled.current + Math.min(delta, 0.1) * BELT_SPEED) % loop
    place(travelled.current)
    invalidate()
  })

  const legs = useMemo(() => {
    const bays = Math.max(1, Math.ceil((length - 0.4) / 1.8))
    return Array.from(
      { length: bays + 1 },
      (_, k) => -length / 2 + 0.2 + (k * (length - 0.4)) / bays,
    )
  }, [length])
  const carrying = useMemo(() => {
    const n = Math.max(2, Math.floor(run / 0.3))
    return Array.from({ length: n - 1 }, (_, k) => -run / 2 + ((k + 1) * run) / n)
  }, [run])
  const b: Build = {
    detail,
    frame: props.model.components[props.index]!.source.color ?? '#2f66a8',
    painted: finishFor(detail, 'painted'),
    rubber: finishFor(detail, 'rubber'),
    steel: finishFor(detail, 'stainless'),
    length,
    width,
    height,
    run,
    radius,
    centre,
    loop,
    side: width / 2 + 0.045,
    legs,
  }

  return (
    <group ref={root} name="machine-stopped">
      <Pieces list={channels(b)} />
      {legs.map((x) => (
        <LegPair key={x} b={b} x={x} />
      ))}
      {BOTH_SIDES.map((s) => (
        <group key={s} position={[(s * run) / 2, centre, 0]}>
          <Pieces list={pulley(b, s)} />
        </group>
      ))}
      <Pieces list={belt(b)} />
      <Cleats b={b} count={count} cleats={cleats} />
      {detail === 'detailed' && <Pieces list={[...rollers(b, carrying), ...pullWire(b)]} />}
      <group position={[run / 2, centre, b.side + 0.15]}>
        <Pieces list={drive(b)} />
      </group>
    </group>
  )
}
