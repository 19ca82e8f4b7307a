// The 12 V battery of a vehicle with its negative terminal clamp, on its post or taken off.
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo, type Finish } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import type { Detail, LookProps } from '../types.ts'
import { finishFor, isSecond, tube } from './common.ts'

const LEAD = '#8e9499'
/** Where the negative clamp sits on its post. */
const ON_POST = [-0.085, 0.205, -0.045] as const

/** The battery's finishes. */
interface Finishes {
  readonly detail: Detail
  readonly painted: Finish
  readonly rubber: Finish
  readonly steel: Finish
}

/** The case and its lid, and (Detailed) the white label on its front. */
function batteryCase(f: Finishes): PieceSpec[] {
  const pieces: PieceSpec[] = [
    {
      geometry: geo.box(),
      color: '#26292c',
      finish: f.painted,
      scale: [0.26, 0.17, 0.175],
      position: [0, 0.085, 0],
    },
    {
      geometry: geo.box(),
      color: '#3b4045',
      finish: f.painted,
      scale: [0.265, 0.02, 0.18],
      position: [0, 0.18, 0],
    },
  ]
  if (f.detail === 'detailed')
    pieces.push({
      geometry: geo.box(),
      color: '#e8e8e8',
      finish: f.painted,
      scale: [0.12, 0.09, 0.002],
      position: [0.02, 0.09, 0.0885],
    })
  return pieces
}

/**
 * The lead posts, the red cover on the positive one (+x) and the red and white polarity marks
 * on the case's front.
 */
const posts = (f: Finishes): PieceSpec[] => [
  ...BOTH_SIDES.map((s): PieceSpec => ({
    geometry: geo.cylinderLow(),
    color: LEAD,
    finish: f.steel,
    scale: [0.018, 0.025, 0.018],
    position: [s * 0.085, 0.2, -0.045],
  })),
  {
    geometry: geo.cylinderLow(),
    color: '#c62828',
    finish: f.rubber,
    scale: [0.05, 0.045, 0.05],
    position: [0.085, 0.21, -0.045],
  },
  ...[
    ['#c62828', 0.085],
    ['#f4f4f4', -0.085],
  ].map(([color, x]): PieceSpec => ({
    geometry: geo.box(),
    color: color as string,
    finish: f.painted,
    scale: [0.03, 0.008, 0.002],
    position: [x as number, 0.17, 0.0885],
  })),
]

/** The negative clamp and its bolt (the clamp's boot is a piece of its own: it comes and goes). */
const clampPieces = (f: Finishes): PieceSpec[] => [
  { geometry: geo.box(), color: LEAD, finish: f.steel, scale: [0.05, 0.025, 0.034] },
  {
    geometry: geo.cylinderLow(),
    color: '#b7bdc2',
    finish: f.steel,
    rotation: [Math.PI / 2, 0, 0],
    scale: [0.01, 0.05, 0.01],
    position: [0.0, 0.005, 0],
  },
]

/** The negative cable's runs: to the clamp on its post, and to the clamp set aside. */
const CABLE_RUNS = {
  on: [
    [-0.085, 0.215, -0.045],
    [-0.14, 0.24, -0.04],
    [-0.19, 0.2, -0.03],
    [-0.2, 0.1, -0.02],
    [-0.2, 0.0, -0.02],
  ],
  off: [
    [-0.2, 0.26, 0.07],
    [-0.225, 0.22, 0.04],
    [-0.215, 0.1, 0.0],
    [-0.2, 0.0, -0.02],
  ],
} as const

const cable = (run: keyof typeof CABLE_RUNS) =>
  tube(`battery-cable-${run}`, CABLE_RUNS[run], 0.009, 16, 6)

/**
 * A 12 V battery with the negative clamp and its cable: connected, the clamp sits on the
 * negative post; disconnected, it is lifted off, turned aside and covered by an insulating boot.
 * Origin at the base centre of the battery, posts along x (negative at -x).
 */
export function BatteryTerminalLook(props: LookProps) {
  const { index, store, detail } = props
  const clamp = useRef<Group>(null)
  const boot = useRef<Mesh>(null)
  const cableOn = useRef<Mesh>(null)
  const cableOff = useRef<Mesh>(null)
  useSceneEffect(store, selectState(index), (state) => {
    const off = isSecond(
      props,
      state,
      /disconn|^off|remov|lift|open|isolat/i,
      /^connect|^on$|fitted|closed|install/i,
    )
    const g = clamp.current!
    g.name = off ? 'clamp-off' : 'clamp-on'
    if (off) {
      g.position.set(-0.2, 0.26, 0.07)
      g.rotation.set(0, 0.6, 0.5)
    } else {
      g.position.set(...ON_POST)
      g.rotation.set(0, 0, 0)
    }
    setPieceLook(boot.current!, { shown: off })
    setPieceLook(cableOn.current!, { shown: !off })
    setPieceLook(cableOff.current!, { shown: off })
  })
  const f: Finishes = {
    detail,
    painted: finishFor(detail, 'painted'),
    rubber: finishFor(detail, 'rubber'),
    steel: finishFor(detail, 'stainless'),
  }
  return (
    <group>
      <Pieces list={[...batteryCase(f), ...posts(f)]} />
      <group ref={clamp} name="clamp-on" position={ON_POST}>
        <Pieces list={clampPieces(f)} />
        <Piece
          ref={boot}
          name="boot"
          geometry={geo.box()}
          color="#f2c200"
          finish={f.rubber}
          scale={[0.07, 0.045, 0.05]}
        />
      </group>
      <Piece ref={cableOn} geometry={cable('on')} color="#161718" finish={f.rubber} />
      <Piece ref={cableOff} geometry={cable('off')} color="#161718" finish={f.rubber} />
    </group>
  )
}
