// The electric vehicle: a hatchback body with its battery pack and orange high-voltage cables, the
// orange HV service disconnect plug, and the 12 V battery's negative terminal.
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { extrusion, finishFor, isSecond, lathe, tube } from './common.ts'

type Point = readonly [number, number]

const HV = '#ef6c00'
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

/**
 * A five-door electric hatchback, 4.2 m long, in the component's `color`: body, cabin with its
 * windows, wheels and tyres, lights, the battery pack under the floor and the orange HV cables
 * from it to the front drive unit. Length along x (front at +x), origin on the ground under the
 * middle of the car.
 */
export function CarLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const paint = c.source.color ?? '#4f7ea6'
  const painted = finishFor(detail, 'painted')
  const rubber = finishFor(detail, 'rubber')
  const shiny = finishFor(detail, 'stainless')
  const lower = extrusion('car-lower', LOWER, WIDTH, 0.06)
  const cabin = extrusion('car-cabin', CABIN, CABIN_W, 0.06)
  const windows = WINDOWS.map((w, k) => extrusion(`car-window-${k}`, w, 0.01))
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
    detail === 'simple' ? 14 : 28,
  )
  /** A pane of glass on the cabin's slope from `from` to `to`, just outside it. */
  const screen = (from: Point, to: Point, inset: number) => {
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
  const windscreen = screen([0.3, 1.5], [1.14, BELT - 0.04], 0.14)
  const rearScreen = screen([-1.86, 1.4], [-1.99, 1.22], 0.16)
  const hv = (side: number) =>
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
  return (
    <group>
      {/* body and cabin */}
      <Piece geometry={lower} color={paint} finish={painted} />
      <Piece geometry={cabin} color={paint} finish={painted} />
      {/* windows: side glass both sides, windscreen and rear screen */}
      {[1, -1].flatMap((s) =>
        windows.map((w, k) => (
          <Piece
            key={`${s}${k}`}
            geometry={w}
            color={GLASS}
            finish={shiny}
            position={[0, 0, s * (CABIN_W / 2 + 0.002)]}
          />
        )),
      )}
      <Piece geometry={geo.box()} color={GLASS} finish={shiny} {...windscreen} />
      <Piece geometry={geo.box()} color={GLASS} finish={shiny} {...rearScreen} />
      {/* wheels */}
      {[AXLE, -AXLE].flatMap((x) =>
        [1, -1].map((s) => (
          <group key={`${x}${s}`} position={[x, WHEEL_R, s * (WIDTH / 2 - 0.1)]}>
            <Piece geometry={tyre} color="#1a1b1c" finish={rubber} rotation={[Math.PI / 2, 0, 0]} />
            <Piece
              geometry={geo.cylinder()}
              color="#a9b0b6"
              finish={shiny}
              rotation={[Math.PI / 2, 0, 0]}
              scale={[0.42, 0.17, 0.42]}
            />
            {detail === 'detailed' &&
              [0, 1, 2, 3, 4].map((k) => (
                <Piece
                  key={k}
                  geometry={geo.box()}
                  color="#3a3e42"
                  finish={painted}
                  rotation={[0, 0, (k * 2 * Math.PI) / 5 + 0.3]}
                  scale={[0.05, 0.14, 0.01]}
                  position={[
                    0.1 * Math.cos((k * 2 * Math.PI) / 5 + 0.3 + Math.PI / 2),
                    0.1 * Math.sin((k * 2 * Math.PI) / 5 + 0.3 + Math.PI / 2),
                    s * 0.086,
                  ]}
                />
              ))}
          </group>
        )),
      )}
      {/* lights: headlamps and a light bar at the front, tail lamps and a red bar at the rear */}
      {[1, -1].map((s) => (
        <group key={s}>
          <Piece
            geometry={geo.box()}
            color="#f4f6f7"
            finish="glow"
            scale={[0.22, 0.04, 0.36]}
            position={[2.03, 0.745, s * 0.6]}
            rotation={[0, 0, -0.63]}
          />
          <Piece
            geometry={geo.box()}
            color="#c62828"
            finish="glow"
            scale={[0.06, 0.1, 0.32]}
            position={[-2.09, 0.86, s * 0.62]}
          />
          {detail === 'detailed' && (
            <>
              {/* door mirror, door handles */}
              <Piece
                geometry={geo.box()}
                color={paint}
                finish={painted}
                scale={[0.1, 0.1, 0.16]}
                position={[0.95, 1.04, s * (WIDTH / 2 + 0.02)]}
              />
              {[0.15, -0.75].map((x) => (
                <Piece
                  key={x}
                  geometry={geo.box()}
                  color={TRIM}
                  finish={painted}
                  scale={[0.14, 0.025, 0.02]}
                  position={[x, 0.92, s * (WIDTH / 2 + 0.003)]}
                />
              ))}
              {/* shut lines of the doors */}
              {[0.98, -0.36, -1.33].map((x) => (
                <Piece
                  key={x}
                  geometry={geo.box()}
                  color={TRIM}
                  scale={[0.008, 0.6, 0.004]}
                  position={[x, 0.68, s * (WIDTH / 2 + 0.001)]}
                />
              ))}
              {/* black sill trim */}
              <Piece
                geometry={geo.box()}
                color={TRIM}
                finish={painted}
                scale={[1.9, 0.08, 0.01]}
                position={[0, 0.33, s * (WIDTH / 2 + 0.0)]}
              />
            </>
          )}
        </group>
      ))}
      {detail === 'detailed' && (
        <>
          <Piece
            geometry={geo.box()}
            color="#f4f6f7"
            finish="glow"
            scale={[0.16, 0.02, 0.85]}
            position={[2.045, 0.74, 0]}
            rotation={[0, 0, -0.63]}
          />
          <Piece
            geometry={geo.box()}
            color="#c62828"
            finish="glow"
            scale={[0.02, 0.03, 1.0]}
            position={[-2.11, 0.9, 0]}
          />
          {/* number plates and the closed front with its lower intake */}
          <Piece
            geometry={geo.box()}
            color="#f4f4f4"
            finish={painted}
            scale={[0.02, 0.11, 0.52]}
            position={[2.145, 0.5, 0]}
          />
          <Piece
            geometry={geo.box()}
            color="#f4f4f4"
            finish={painted}
            scale={[0.02, 0.11, 0.52]}
            position={[-2.125, 0.56, 0]}
          />
          <Piece
            geometry={geo.box()}
            color={TRIM}
            finish={painted}
            scale={[0.02, 0.08, 1.1]}
            position={[2.115, 0.39, 0]}
          />
          {/* charge port flap */}
          <Piece
            geometry={geo.box()}
            color={TRIM}
            scale={[0.14, 0.1, 0.005]}
            position={[-1.62, 0.86, -(WIDTH / 2 + 0.002)]}
          />
        </>
      )}
      {/* under the floor: the battery pack, the front drive unit and the HV cables joining them */}
      <Piece
        name="hv-battery"
        geometry={geo.box()}
        color="#3d4246"
        finish={painted}
        scale={[2.2, 0.13, 1.42]}
        position={[-0.15, 0.215, 0]}
      />
      <Piece
        geometry={geo.box()}
        color="#f2c200"
        finish={painted}
        scale={[0.16, 0.08, 0.005]}
        position={[0.3, 0.215, 0.713]}
      />
      <Piece
        geometry={geo.cylinder()}
        color="#7b8288"
        finish={shiny}
        rotation={[Math.PI / 2, 0, 0]}
        scale={[0.3, 0.5, 0.3]}
        position={[AXLE + 0.05, WHEEL_R + 0.04, 0]}
      />
      <Piece
        geometry={geo.box()}
        color="#5f666c"
        finish={painted}
        scale={[0.3, 0.2, 0.36]}
        position={[AXLE + 0.08, WHEEL_R + 0.24, 0.05]}
      />
      {[1, -1].map((s) => (
        <Piece
          key={s}
          geometry={geo.cylinderLow()}
          color="#2b2f33"
          finish={shiny}
          rotation={[Math.PI / 2, 0, 0]}
          scale={[0.04, 0.62, 0.04]}
          position={[AXLE, WHEEL_R, s * 0.47]}
        />
      ))}
      {[1, -1].map((s) => (
        <Piece key={s} name="hv-cable" geometry={hv(s)} color={HV} finish={rubber} />
      ))}
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
  const color = c.source.color ?? HV
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
      {/* the socket: a flange on the surface and a housing with two contacts */}
      <Piece
        geometry={geo.box()}
        color="#2d3135"
        finish={painted}
        scale={[0.15, 0.012, 0.11]}
        position={[0, 0.006, 0]}
      />
      <Piece
        geometry={geo.box()}
        color="#3a3f44"
        finish={painted}
        scale={[0.105, 0.04, 0.07]}
        position={[0, 0.032, 0]}
      />
      {[-1, 1].map((s) => (
        <Piece
          key={s}
          geometry={geo.cylinderLow()}
          color="#c9a64a"
          finish={finishFor(detail, 'stainless')}
          scale={[0.008, 0.03, 0.008]}
          position={[s * 0.025, 0.06, 0]}
        />
      ))}
      {detail === 'detailed' &&
        [-1, 1].flatMap((x) =>
          [-1, 1].map((z) => (
            <Piece
              key={`${x}${z}`}
              geometry={geo.cylinderLow()}
              color="#b7bdc2"
              finish={finishFor(detail, 'stainless')}
              scale={[0.01, 0.006, 0.01]}
              position={[x * 0.062, 0.014, z * 0.042]}
            />
          )),
        )}
      {/* the plug and its lever */}
      <group ref={plug} name="plug-installed" position={[0, 0.045, 0]}>
        <Piece
          geometry={geo.box()}
          color={color}
          finish={painted}
          scale={[0.1, 0.055, 0.065]}
          position={[0, 0.03, 0]}
        />
        <Piece
          geometry={geo.box()}
          color={color}
          finish={painted}
          scale={[0.07, 0.03, 0.05]}
          position={[0, 0.07, 0]}
        />
        {/* the locking bail: two arms on pins at the plug's sides and a grip across */}
        <group ref={lever} position={[-0.04, 0.05, 0]}>
          {[1, -1].map((z) => (
            <Piece
              key={z}
              geometry={geo.box()}
              color="#d35400"
              finish={painted}
              scale={[0.09, 0.012, 0.008]}
              position={[0.04, 0, z * 0.037]}
            />
          ))}
          <Piece
            geometry={geo.box()}
            color="#d35400"
            finish={painted}
            scale={[0.016, 0.03, 0.082]}
            position={[0.085, 0.012, 0]}
          />
        </group>
        {detail === 'detailed' && (
          <>
            <Piece
              geometry={geo.box()}
              color="#f2c200"
              finish={painted}
              scale={[0.035, 0.03, 0.002]}
              position={[0, 0.03, 0.0335]}
            />
            <Piece
              geometry={geo.box()}
              color="#f2c200"
              finish={painted}
              scale={[0.03, 0.002, 0.03]}
              position={[0, 0.086, 0]}
            />
          </>
        )}
      </group>
    </group>
  )
}

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
      g.position.set(-0.085, 0.205, -0.045)
      g.rotation.set(0, 0, 0)
    }
    setPieceLook(boot.current!, { shown: off })
    setPieceLook(cableOn.current!, { shown: !off })
    setPieceLook(cableOff.current!, { shown: off })
  })
  const painted = finishFor(detail, 'painted')
  const rubber = finishFor(detail, 'rubber')
  const lead = '#8e9499'
  const on = tube(
    'battery-cable-on',
    [
      [-0.085, 0.215, -0.045],
      [-0.14, 0.24, -0.04],
      [-0.19, 0.2, -0.03],
      [-0.2, 0.1, -0.02],
      [-0.2, 0.0, -0.02],
    ],
    0.009,
    16,
    6,
  )
  const off = tube(
    'battery-cable-off',
    [
      [-0.2, 0.26, 0.07],
      [-0.225, 0.22, 0.04],
      [-0.215, 0.1, 0.0],
      [-0.2, 0.0, -0.02],
    ],
    0.009,
    16,
    6,
  )
  return (
    <group>
      {/* case, lid, handle lugs */}
      <Piece
        geometry={geo.box()}
        color="#26292c"
        finish={painted}
        scale={[0.26, 0.17, 0.175]}
        position={[0, 0.085, 0]}
      />
      <Piece
        geometry={geo.box()}
        color="#3b4045"
        finish={painted}
        scale={[0.265, 0.02, 0.18]}
        position={[0, 0.18, 0]}
      />
      {detail === 'detailed' && (
        <Piece
          geometry={geo.box()}
          color="#e8e8e8"
          finish={painted}
          scale={[0.12, 0.09, 0.002]}
          position={[0.02, 0.09, 0.0885]}
        />
      )}
      {/* posts: positive under its red cover at +x, bare negative at -x */}
      {[1, -1].map((s) => (
        <Piece
          key={s}
          geometry={geo.cylinderLow()}
          color={lead}
          finish={finishFor(detail, 'stainless')}
          scale={[0.018, 0.025, 0.018]}
          position={[s * 0.085, 0.2, -0.045]}
        />
      ))}
      <Piece
        geometry={geo.cylinderLow()}
        color="#c62828"
        finish={rubber}
        scale={[0.05, 0.045, 0.05]}
        position={[0.085, 0.21, -0.045]}
      />
      <Piece
        geometry={geo.box()}
        color="#c62828"
        finish={painted}
        scale={[0.03, 0.008, 0.002]}
        position={[0.085, 0.17, 0.0885]}
      />
      <Piece
        geometry={geo.box()}
        color="#f4f4f4"
        finish={painted}
        scale={[0.03, 0.008, 0.002]}
        position={[-0.085, 0.17, 0.0885]}
      />
      {/* the negative clamp with its bolt and the boot that insulates it when off */}
      <group ref={clamp} name="clamp-on" position={[-0.085, 0.205, -0.045]}>
        <Piece
          geometry={geo.box()}
          color={lead}
          finish={finishFor(detail, 'stainless')}
          scale={[0.05, 0.025, 0.034]}
        />
        <Piece
          geometry={geo.cylinderLow()}
          color="#b7bdc2"
          finish={finishFor(detail, 'stainless')}
          rotation={[Math.PI / 2, 0, 0]}
          scale={[0.01, 0.05, 0.01]}
          position={[0.0, 0.005, 0]}
        />
        <Piece
          ref={boot}
          name="boot"
          geometry={geo.box()}
          color="#f2c200"
          finish={rubber}
          scale={[0.07, 0.045, 0.05]}
        />
      </group>
      <Piece ref={cableOn} geometry={on} color="#161718" finish={rubber} />
      <Piece ref={cableOff} geometry={off} color="#161718" finish={rubber} />
    </group>
  )
}
