// The orange HV service disconnect plug of an electric vehicle, in its socket or pulled out.
import { useRef, type Ref } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { geo, type Finish } from '../../resources.ts'
import { BOTH_SIDES, Pieces, type PieceSpec } from '../Pieces.tsx'
import type { Detail, LookProps } from '../types.ts'
import { finishFor, HV_ORANGE, isSecond } from './common.ts'

/**
 * The socket: a flange on the surface, a housing with its two contacts, and (Detailed) the four
 * screws of the flange.
 */
function socket(detail: Detail, painted: Finish): PieceSpec[] {
  const steel = finishFor(detail, 'stainless')
  const pieces: PieceSpec[] = [
    {
      geometry: geo.box(),
      color: '#2d3135',
      finish: painted,
      scale: [0.15, 0.012, 0.11],
      position: [0, 0.006, 0],
    },
    {
      geometry: geo.box(),
      color: '#3a3f44',
      finish: painted,
      scale: [0.105, 0.04, 0.07],
      position: [0, 0.032, 0],
    },
    ...[-1, 1].map((s): PieceSpec => ({
      geometry: geo.cylinderLow(),
      color: '#c9a64a',
      finish: steel,
      scale: [0.008, 0.03, 0.008],
      position: [s * 0.025, 0.06, 0],
    })),
  ]
  if (detail !== 'detailed') return pieces
  return [
    ...pieces,
    ...[-1, 1].flatMap((x) =>
      [-1, 1].map((z): PieceSpec => ({
        geometry: geo.cylinderLow(),
        color: '#b7bdc2',
        finish: steel,
        scale: [0.01, 0.006, 0.01],
        position: [x * 0.062, 0.014, z * 0.042],
      })),
    ),
  ]
}

/** The plug's body and its grip, in the component's colour. */
const plugBody = (color: string, painted: Finish): PieceSpec[] => [
  {
    geometry: geo.box(),
    color,
    finish: painted,
    scale: [0.1, 0.055, 0.065],
    position: [0, 0.03, 0],
  },
  {
    geometry: geo.box(),
    color,
    finish: painted,
    scale: [0.07, 0.03, 0.05],
    position: [0, 0.07, 0],
  },
]

/** The locking bail: two arms on pins at the plug's sides and a grip across. */
const bail = (painted: Finish): PieceSpec[] => [
  ...BOTH_SIDES.map((z): PieceSpec => ({
    geometry: geo.box(),
    color: '#d35400',
    finish: painted,
    scale: [0.09, 0.012, 0.008],
    position: [0.04, 0, z * 0.037],
  })),
  {
    geometry: geo.box(),
    color: '#d35400',
    finish: painted,
    scale: [0.016, 0.03, 0.082],
    position: [0.085, 0.012, 0],
  },
]

/** The yellow high-voltage warning labels on the plug's front and top (Detailed). */
const warningLabels = (painted: Finish): PieceSpec[] => [
  {
    geometry: geo.box(),
    color: '#f2c200',
    finish: painted,
    scale: [0.035, 0.03, 0.002],
    position: [0, 0.03, 0.0335],
  },
  {
    geometry: geo.box(),
    color: '#f2c200',
    finish: painted,
    scale: [0.03, 0.002, 0.03],
    position: [0, 0.086, 0],
  },
]

/** The plug with its bail (`lever`) and labels, installed in the socket until moved. */
function Plug(props: {
  readonly plug: Ref<Group>
  readonly lever: Ref<Group>
  readonly color: string
  readonly detail: Detail
  readonly painted: Finish
}) {
  const { color, detail, painted } = props
  return (
    <group ref={props.plug} name="plug-installed" position={[0, 0.045, 0]}>
      <Pieces list={plugBody(color, painted)} />
      <group ref={props.lever} position={[-0.04, 0.05, 0]}>
        <Pieces list={bail(painted)} />
      </group>
      {detail === 'detailed' && <Pieces list={warningLabels(painted)} />}
    </group>
  )
}

/**
 * The orange HV service disconnect: a socket on a surface and its plug with a locking lever.
 * Installed, the plug sits in the socket with its lever down; removed, it lies on its side
 * beside the socket, whose contacts show. Origin at the base centre of the socket, on the
 * surface; the plug lies beside it at +x.
 */
export function ServicePlugLook(props: LookProps) {
  const { index, store, detail } = props
  const c = props.model.components[index]!
  const color = c.source.color ?? HV_ORANGE
  const plug = useRef<Group>(null)
  const lever = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    const out = isSecond(
      props,
      state,
      /remov|out|pull|open|^off|disconn|worn|taken/i,
      /install|^in$|insert|fitted|closed|^on$|^connect|stored/i,
    )
    const p = plug.current!
    p.name = out ? 'plug-removed' : 'plug-installed'
    if (out) {
      p.position.set(0.12, 0.05, 0.02)
      p.rotation.set(0, 0.35, -Math.PI / 2)
    } else {
      p.position.set(0, 0.045, 0)
      p.rotation.set(0, 0, 0)
    }
    // lever down (locked) when installed, raised when pulled
    lever.current!.rotation.z = out ? 1.2 : 0
  })
  const painted = finishFor(detail, 'painted')
  return (
    <group>
      <Pieces list={socket(detail, painted)} />
      <Plug plug={plug} lever={lever} color={color} detail={detail} painted={painted} />
    </group>
  )
}
