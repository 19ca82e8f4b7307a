// A rail vehicle: a freight wagon (a box van) or a locomotive end, standing on its wheelsets on
// standard-gauge rails, along x.
import { Color } from 'three'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import { numberParam, stringParam, type LookProps } from '../types.ts'
import { extrusion, finishFor } from './common.ts'
import { Wheelset } from './railway.tsx'

/** Height of the floor (the top of the underframe) above the rails. */
const FLOOR = 1.2
const UNDERFRAME = '#2a2c2e'

/** What every part of one vehicle is sized and painted from. */
interface Vehicle {
  readonly detailed: boolean
  /** The body's colour and its darker door. */
  readonly body: string
  readonly door: string
  readonly painted: ReturnType<typeof finishFor>
  readonly steel: ReturnType<typeof finishFor>
  /** Length over the buffer beams, and of the body. */
  readonly length: number
  readonly bodyLength: number
  /** Height of the roof's eaves above the rails. */
  readonly height: number
}

/** A buffer on a buffer beam: its casing and its wide head, facing `s` (-x or +x). */
const buffer = (v: Vehicle, s: number): PieceSpec[] => [
  {
    geometry: geo.cylinder(),
    color: UNDERFRAME,
    finish: v.painted,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.22, 0.3, 0.22],
    position: [s * 0.15, 0, 0],
  },
  {
    geometry: geo.cylinder(),
    color: '#b7bdc2',
    finish: v.steel,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.42, 0.04, 0.42],
    position: [s * 0.32, 0, 0],
  },
]

/** An end's red buffer beam (headstock), its two buffers and its coupling hook, facing `s`. */
function VehicleEnd({ v, s }: { readonly v: Vehicle; readonly s: number }) {
  return (
    <group position={[(s * v.length) / 2, FLOOR - 0.2, 0]}>
      <Piece
        geometry={geo.box()}
        color="#c62828"
        finish={v.painted}
        scale={[0.12, 0.35, 2.7]}
        position={[-s * 0.06, 0, 0]}
      />
      {BOTH_SIDES.map((z) => (
        <group key={z} position={[0, 0.05, z * 0.875]}>
          <Pieces list={buffer(v, s)} />
        </group>
      ))}
      <Piece
        geometry={geo.box()}
        color={UNDERFRAME}
        finish={v.steel}
        scale={[0.25, 0.08, 0.06]}
        position={[s * 0.12, 0.05, 0]}
      />
    </group>
  )
}

/** The two axle boxes of a vehicle's wheelset. */
const axleBoxes = (v: Vehicle): PieceSpec[] =>
  BOTH_SIDES.map((s) => ({
    geometry: geo.box(),
    color: UNDERFRAME,
    finish: v.painted,
    scale: [0.5, 0.3, 0.18],
    position: [0, 0.14, s * 0.98],
  }))

/** The wagon's ribs (Detailed): upright stiffeners along both sides, `ribs` bays apart. */
function wagonRibs(v: Vehicle): PieceSpec[] {
  const ribs = Math.max(2, Math.round(v.bodyLength / 0.8))
  return BOTH_SIDES.flatMap((s) =>
    Array.from({ length: ribs + 1 }, (_, k): PieceSpec => ({
      geometry: geo.box(),
      color: v.body,
      finish: v.painted,
      scale: [0.06, v.height - FLOOR - 0.3, 0.05],
      position: [
        -v.bodyLength / 2 + (k * v.bodyLength) / ribs,
        (FLOOR + v.height - 0.28) / 2,
        s * 1.47,
      ],
    })),
  )
}

/** A wagon side `s`: its sliding door, the door's rail, and the white lettering panel. */
const wagonSide = (v: Vehicle, s: number): PieceSpec[] => [
  {
    geometry: geo.box(),
    color: v.door,
    finish: v.painted,
    scale: [Math.min(1.8, v.bodyLength * 0.35), v.height - FLOOR - 0.45, 0.06],
    position: [0, (FLOOR + v.height - 0.28) / 2 - 0.05, s * 1.5],
  },
  {
    geometry: geo.box(),
    color: UNDERFRAME,
    finish: v.steel,
    scale: [Math.min(3.4, v.bodyLength * 0.7), 0.06, 0.08],
    position: [0, v.height - 0.42, s * 1.5],
  },
  {
    geometry: geo.box(),
    color: '#e6e6e6',
    finish: v.painted,
    scale: [0.5, 0.3, 0.01],
    position: [-v.bodyLength * 0.3, FLOOR + 0.4, s * 1.48],
  },
]

/** One side `s` of the cab end at +x: windscreen, side window, head and tail light, handrail. */
function cabSide(v: Vehicle, s: number): PieceSpec[] {
  const front = v.bodyLength / 2
  const lamp = (color: string, size: number, z: number): PieceSpec => ({
    geometry: geo.cylinder(),
    color,
    finish: 'glow',
    rotation: [0, 0, Math.PI / 2],
    scale: [size, 0.03, size],
    position: [front + 0.01, FLOOR + 0.45, s * z],
  })
  return [
    {
      geometry: geo.box(),
      color: '#1b232b',
      finish: v.steel,
      scale: [0.02, 0.62, 1.1],
      position: [front + 0.005, v.height - 0.85, s * 0.62],
    },
    {
      geometry: geo.box(),
      color: '#1b232b',
      finish: v.steel,
      scale: [0.7, 0.5, 0.02],
      position: [front - 0.6, v.height - 0.85, s * 1.455],
    },
    lamp('#f4f6f7', 0.18, 0.95),
    lamp('#c62828', 0.1, 0.7),
    {
      geometry: geo.cylinderLow(),
      color: '#d9dcde',
      finish: v.steel,
      scale: [0.03, 1.0, 0.03],
      position: [front - 0.75, FLOOR + 0.8, s * 1.5],
    },
  ]
}

/** The middle of the cab end: top headlight, yellow warning panel, wiper bar and side stripe. */
function cabFront(v: Vehicle): PieceSpec[] {
  const front = v.bodyLength / 2
  const pieces: PieceSpec[] = [
    {
      geometry: geo.cylinder(),
      color: '#f4f6f7',
      finish: 'glow',
      rotation: [0, 0, Math.PI / 2],
      scale: [0.2, 0.03, 0.2],
      position: [front + 0.01, v.height - 0.32, 0],
    },
    {
      geometry: geo.box(),
      color: '#f2c200',
      finish: v.painted,
      scale: [0.02, 0.7, 2.6],
      position: [front + 0.004, FLOOR + 0.45, 0],
    },
    {
      geometry: geo.box(),
      color: UNDERFRAME,
      finish: v.painted,
      scale: [0.06, 0.06, 0.4],
      position: [front + 0.02, v.height - 0.5, 0],
    },
  ]
  if (v.detailed)
    pieces.push({
      geometry: geo.box(),
      color: '#f4f4f4',
      finish: v.painted,
      scale: [v.bodyLength * 0.5, 0.1, 0.01],
      position: [-v.bodyLength * 0.1, FLOOR + 0.5, 1.455],
    })
  return pieces
}

/** The body box and its roof. */
function bodyAndRoof(v: Vehicle, loco: boolean): PieceSpec[] {
  const roof = extrusion(
    `vehicle-roof:${v.bodyLength}`,
    [
      [-1.45, 0],
      [1.45, 0],
      [1.2, 0.18],
      [0.6, 0.28],
      [-0.6, 0.28],
      [-1.2, 0.18],
    ],
    v.bodyLength,
  )
  return [
    {
      geometry: geo.box(),
      color: v.body,
      finish: v.painted,
      scale: [v.bodyLength, v.height - FLOOR - 0.28, 2.9],
      position: [0, (FLOOR + v.height - 0.28) / 2, 0],
    },
    {
      geometry: roof,
      color: loco ? '#5b5f63' : '#8d9093',
      finish: v.painted,
      rotation: [0, Math.PI / 2, 0],
      position: [0, v.height - 0.28, 0],
    },
  ]
}

/**
 * A freight wagon (a box van with ribbed sides, doors and buffers) or a locomotive end (a cab
 * with windscreens, headlights and handrails), `length` along x, standing on its wheelsets on
 * the rail plane: origin on the rail plane under its middle. The buffers face -x and +x.
 */
export function RailVehicleLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const length = numberParam(props, 'length')
  const loco = stringParam(props, 'type') === 'locomotive'
  const body = c.source.color ?? (loco ? '#b71c1c' : '#6d4c41')
  const v: Vehicle = {
    detailed: detail === 'detailed',
    body,
    door: `#${new Color(body).multiplyScalar(0.78).getHexString()}`,
    painted: finishFor(detail, 'painted'),
    steel: finishFor(detail, 'stainless'),
    length,
    bodyLength: length - 0.1,
    height: loco ? 3.0 : 2.9,
  }
  const axles =
    length >= 6
      ? [length / 2 - 1.6, length / 2 - 3.4, -length / 2 + 1.6, -length / 2 + 3.4]
      : [length / 2 - 1.0, -length / 2 + 1.0]
  return (
    <group>
      {/* underframe: solebars, headstocks (red) and buffers with their coupling hooks */}
      <Piece
        geometry={geo.box()}
        color={UNDERFRAME}
        finish={v.painted}
        scale={[length, 0.3, 2.5]}
        position={[0, FLOOR - 0.15, 0]}
      />
      {BOTH_SIDES.map((s) => (
        <VehicleEnd key={s} v={v} s={s} />
      ))}
      {axles.map((x) => (
        <Wheelset key={x} detail={detail} x={x} wheels={0.75}>
          <Pieces list={axleBoxes(v)} />
        </Wheelset>
      ))}
      <Pieces list={bodyAndRoof(v, loco)} />
      {!loco && v.detailed && <Pieces list={wagonRibs(v)} />}
      {!loco &&
        BOTH_SIDES.map((s) => (
          <group key={s}>
            <Pieces list={wagonSide(v, s)} />
          </group>
        ))}
      {loco && (
        <>
          {BOTH_SIDES.map((s) => (
            <group key={s}>
              <Pieces list={cabSide(v, s)} />
            </group>
          ))}
          <Pieces list={cabFront(v)} />
        </>
      )}
    </group>
  )
}
