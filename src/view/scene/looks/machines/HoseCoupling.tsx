// The brake pipe hoses between two railway vehicles: coupled between them, or each hanging on the
// dummy coupling of its own vehicle.
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo, type Finish } from '../../resources.ts'
import { Pieces, type PieceSpec } from '../Pieces.tsx'
import type { LookProps } from '../types.ts'
import { finishFor, isSecond, tube } from './common.ts'

/** The points of a hanging hose from `a` to `b`, sagging by `sag`. */
function sagging(
  a: readonly [number, number, number],
  b: readonly [number, number, number],
  sag: number,
): [number, number, number][] {
  return Array.from({ length: 7 }, (_, k) => {
    const t = k / 6
    return [
      a[0] + (b[0] - a[0]) * t,
      a[1] + (b[1] - a[1]) * t - sag * Math.sin(Math.PI * t),
      a[2] + (b[2] - a[2]) * t,
    ]
  })
}

/**
 * What stays put at a vehicle's end `s` (-x or +x): the brake pipe, its angle cock with the red
 * handle, and the dummy coupling bracket below it.
 */
function vehicleEnd(painted: Finish, brass: Finish, s: number): PieceSpec[] {
  return [
    {
      geometry: geo.cylinderLow(),
      color: '#3d4246',
      finish: painted,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.04, 0.3, 0.04],
      position: [s * 0.6, 0, 0],
    },
    {
      geometry: geo.cylinderLow(),
      color: '#b08d3c',
      finish: brass,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.06, 0.1, 0.06],
      position: [s * 0.44, 0, 0],
    },
    {
      geometry: geo.box(),
      color: '#c62828',
      finish: painted,
      scale: [0.025, 0.13, 0.025],
      position: [s * 0.44, 0.07, 0.04],
    },
    {
      geometry: geo.box(),
      color: '#3d4246',
      finish: painted,
      scale: [0.19, 0.03, 0.1],
      position: [s * 0.545, -0.575, 0.1],
    },
    {
      geometry: geo.box(),
      color: '#3d4246',
      finish: painted,
      scale: [0.04, 0.6, 0.04],
      position: [s * 0.62, -0.29, 0.08],
    },
  ]
}

/**
 * The hose's two shapes: coupled to the other head, or hanging on the dummy; its far end at
 * [s × to[0], to[1], to[2]] on side s.
 */
const HOSES = [
  { shape: 'joined', to: [0.1, -0.42, 0], sag: -0.08 },
  { shape: 'hanging', to: [0.47, -0.45, 0.1], sag: -0.1 },
] as const

/**
 * The brake pipe hoses between two vehicle ends, each from its angle cock to a glad-hand
 * coupling head: coupled, the two heads are joined between the vehicles; uncoupled, each hose
 * hangs with its head on the dummy coupling of its own vehicle. Origin between the two angle
 * cocks, at their height; the vehicles' ends are at -x and +x.
 */
export function HoseCouplingLook(props: LookProps) {
  const { index, store, detail } = props
  const c = props.model.components[index]!
  const hose = c.source.color ?? '#2a2b2c'
  const heads = useRef<(Group | null)[]>([])
  const joined = useRef<(Mesh | null)[]>([])
  const hanging = useRef<(Mesh | null)[]>([])
  useSceneEffect(store, selectState(index), (state) => {
    const coupled = isSecond(
      props,
      state,
      /^coupled|^connected|^joined|^on$/i,
      /uncoupl|disconn|dummy|hang|^off$/i,
    )
    heads.current.forEach((h, k) => {
      const s = k === 0 ? -1 : 1
      h!.name = coupled ? 'head-coupled' : 'head-uncoupled'
      if (coupled) {
        h!.position.set(s * 0.05, -0.42, 0)
        h!.rotation.set(0, 0, s * -0.2)
      } else {
        h!.position.set(s * 0.47, -0.5, 0.1)
        h!.rotation.set(0, 0, (s * Math.PI) / 2)
      }
    })
    for (const m of joined.current) setPieceLook(m!, { shown: coupled })
    for (const m of hanging.current) setPieceLook(m!, { shown: !coupled })
  })
  const painted = finishFor(detail, 'painted')
  const rubber = finishFor(detail, 'rubber')
  return (
    <group>
      {[-1, 1].map((s, k) => (
        <group key={s}>
          <Pieces list={vehicleEnd(painted, finishFor(detail, 'stainless'), s)} />
          {/* the hose, as it hangs coupled or on its dummy */}
          {HOSES.map(({ shape, to, sag }) => (
            <Piece
              key={shape}
              ref={(m) => {
                ;(shape === 'joined' ? joined : hanging).current[k] = m
              }}
              geometry={tube(
                `brake-hose-${shape}:${s}`,
                sagging([s * 0.4, 0, 0], [s * to[0], to[1], to[2]], sag),
                0.022,
                18,
                detail === 'simple' ? 5 : 8,
              )}
              color={hose}
              finish={rubber}
            />
          ))}
          {/* the coupling head (glad-hand) */}
          <group
            ref={(g) => {
              heads.current[k] = g
            }}
            name="head-uncoupled"
            position={[s * 0.47, -0.5, 0.1]}
            rotation={[0, 0, (s * Math.PI) / 2]}
          >
            <Piece
              geometry={geo.cylinderLow()}
              color="#c62828"
              finish={painted}
              rotation={[0, 0, Math.PI / 2]}
              scale={[0.05, 0.1, 0.05]}
            />
            <Piece
              geometry={geo.box()}
              color="#c62828"
              finish={painted}
              scale={[0.03, 0.1, 0.09]}
              position={[-s * 0.05, -0.02, 0]}
            />
          </group>
        </group>
      ))}
    </group>
  )
}
