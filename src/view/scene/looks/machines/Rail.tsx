// Railway: track, a freight bogie, a wagon body or a locomotive end, the blue protection flag and
// the brake pipe hoses between two vehicles. Everything runs along x; rails are standard gauge.
import { useRef } from 'react'
import { Color, type Group, type Mesh } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, stringParam, type Detail, type LookProps } from '../types.ts'
import { extrusion, finishFor, isSecond, lathe, spring, tube } from './common.ts'

/** Height of the rail tops above the track's base (the bottom of its ballast). */
export const RAIL_TOP = 0.42
/** Distance between the rails' centre lines: 1435 mm gauge plus a rail head. */
export const RAIL_CENTRES = 1.507
const WHEEL_R = 0.46

/** A flat-bottom rail's cross-section (x across, y up; 172 mm high), extruded along z. */
const RAIL_SECTION: (readonly [number, number])[] = [
  [-0.075, 0],
  [0.075, 0],
  [0.075, 0.012],
  [0.012, 0.03],
  [0.009, 0.13],
  [0.036, 0.14],
  [0.036, 0.172],
  [-0.036, 0.172],
  [-0.036, 0.14],
  [-0.009, 0.13],
  [-0.012, 0.03],
  [-0.075, 0.012],
]

/**
 * Plain line: two rails on concrete sleepers on a ballast bed, `length` along x. Origin at the
 * base centre of the ballast; the rail tops are RAIL_TOP above it.
 */
export function TrackLook(props: LookProps) {
  const { detail } = props
  const length = numberParam(props, 'length')
  const painted = finishFor(detail, 'painted')
  const rail = extrusion(`rail:${length}`, RAIL_SECTION, length)
  const ballast = extrusion(
    'ballast',
    [
      [-1.9, 0],
      [1.9, 0],
      [1.45, 0.27],
      [-1.45, 0.27],
    ],
    1,
  )
  const sleepers = Math.max(2, Math.round(length / 0.6))
  return (
    <group>
      <Piece
        geometry={ballast}
        color="#5e5850"
        finish={finishFor(detail, 'rubber')}
        rotation={[0, Math.PI / 2, 0]}
        scale={[1, 1, length]}
      />
      {Array.from({ length: sleepers }, (_, k) => (
        <Piece
          key={k}
          geometry={geo.box()}
          color="#8f8c85"
          finish={painted}
          scale={[0.26, 0.18, 2.6]}
          position={[-length / 2 + ((k + 0.5) * length) / sleepers, 0.2, 0]}
        />
      ))}
      {[1, -1].map((s) => (
        <Piece
          key={s}
          name="rail"
          geometry={rail}
          color="#6f6861"
          finish={finishFor(detail, 'stainless')}
          rotation={[0, Math.PI / 2, 0]}
          position={[0, RAIL_TOP - 0.172, (s * RAIL_CENTRES) / 2]}
        />
      ))}
      {/* the bright running band on each rail head */}
      {[1, -1].map((s) => (
        <Piece
          key={s}
          geometry={geo.box()}
          color="#c9ccce"
          finish={finishFor(detail, 'stainless')}
          scale={[length, 0.002, 0.04]}
          position={[0, RAIL_TOP + 0.001, (s * RAIL_CENTRES) / 2]}
        />
      ))}
    </group>
  )
}

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

/**
 * A two-axle freight bogie: side frames on axle boxes, two wheelsets, coil spring nests, the
 * bolster with its centre bowl, a brake cylinder with its rigging, and brake blocks against the
 * treads. Wheelbase 1.8 m along x, origin on the rail plane under the bogie's centre.
 */
export function BogieLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const frameColor = c.source.color ?? '#2c2f31'
  const painted = finishFor(detail, 'painted')
  const steel = finishFor(detail, 'stainless')
  const side = extrusion('bogie-side-frame', SIDE_FRAME, 0.16, 0.012)
  const wheel = wheelProfile(detail)
  const coil = spring(0.07, 0.016, 0.3, 5)
  const track = 0.7535
  return (
    <group>
      {/* wheelsets: axle and two wheels each */}
      {[0.9, -0.9].map((x) => (
        <group key={x} position={[x, WHEEL_R, 0]}>
          <Piece
            geometry={geo.cylinder()}
            color="#545a5f"
            finish={steel}
            rotation={[Math.PI / 2, 0, 0]}
            scale={[0.17, 2.05, 0.17]}
          />
          {[1, -1].map((s) => (
            <Piece
              key={s}
              geometry={wheel}
              color="#6a625a"
              finish={steel}
              rotation={[s > 0 ? -Math.PI / 2 : Math.PI / 2, 0, 0]}
              position={[0, 0, s * (track - 0.005)]}
            />
          ))}
          {/* axle boxes */}
          {[1, -1].map((s) => (
            <Piece
              key={s}
              geometry={geo.cylinder()}
              color={frameColor}
              finish={painted}
              rotation={[Math.PI / 2, 0, 0]}
              scale={[0.26, 0.2, 0.26]}
              position={[0, 0, s * 0.98]}
            />
          ))}
        </group>
      ))}
      {/* side frames over the axle boxes, and their springs */}
      {[1, -1].map((s) => (
        <group key={s} position={[0, 0, s * 0.98]}>
          <Piece geometry={side} color={frameColor} finish={painted} />
          {/* spring nests on the outside of each pedestal, on seats from the axle box */}
          {[0.9, -0.9].map((x) => (
            <group key={x} position={[x, 0, s * 0.12]}>
              {detail === 'detailed' ? (
                [-0.09, 0.09].map((dx) => (
                  <Piece
                    key={dx}
                    geometry={coil}
                    color="#8a6f3c"
                    finish={steel}
                    position={[dx, 0.5, 0]}
                  />
                ))
              ) : (
                <Piece
                  geometry={geo.box()}
                  color="#8a6f3c"
                  finish={steel}
                  scale={[0.3, 0.3, 0.15]}
                  position={[0, 0.65, 0]}
                />
              )}
              <Piece
                geometry={geo.box()}
                color={frameColor}
                finish={painted}
                scale={[0.36, 0.04, 0.2]}
                position={[0, 0.48, 0]}
              />
              <Piece
                geometry={geo.box()}
                color={frameColor}
                finish={painted}
                scale={[0.36, 0.04, 0.2]}
                position={[0, 0.82, 0]}
              />
            </group>
          ))}
        </group>
      ))}
      {/* bolster and centre bowl */}
      <Piece
        geometry={geo.box()}
        color={frameColor}
        finish={painted}
        scale={[0.36, 0.26, 2.0]}
        position={[0, 0.6, 0]}
      />
      <Piece
        geometry={geo.cylinder()}
        color="#55595c"
        finish={steel}
        scale={[0.42, 0.06, 0.42]}
        position={[0, 0.76, 0]}
      />
      {/* transoms joining the side frames */}
      {[0.45, -0.45].map((x) => (
        <Piece
          key={x}
          geometry={geo.box()}
          color={frameColor}
          finish={painted}
          scale={[0.1, 0.14, 1.9]}
          position={[x, 0.55, 0]}
        />
      ))}
      {/* brake cylinder on the bolster, its push rod and the rigging to the blocks */}
      <group name="brake-cylinder" position={[0.32, 0.62, 0.42]}>
        <Piece
          geometry={geo.cylinder()}
          color="#3d4347"
          finish={painted}
          rotation={[0, 0, Math.PI / 2]}
          scale={[0.26, 0.3, 0.26]}
        />
        <Piece
          geometry={geo.cylinder()}
          color="#3d4347"
          finish={painted}
          rotation={[0, 0, Math.PI / 2]}
          scale={[0.3, 0.03, 0.3]}
          position={[-0.15, 0, 0]}
        />
        <Piece
          geometry={geo.cylinderLow()}
          color="#b7bdc2"
          finish={steel}
          rotation={[0, 0, Math.PI / 2]}
          scale={[0.04, 0.16, 0.04]}
          position={[0.22, 0, 0]}
        />
      </group>
      {detail === 'detailed' && (
        <>
          {/* levers and pull rods */}
          <Piece
            geometry={geo.box()}
            color="#2b2e30"
            finish={painted}
            rotation={[0, 0, 0.25]}
            scale={[0.05, 0.42, 0.03]}
            position={[0.56, 0.58, 0.42]}
          />
          {[1, -1].map((s) => (
            <Piece
              key={s}
              geometry={geo.box()}
              color="#2b2e30"
              finish={painted}
              scale={[0.04, 0.04, 1.5]}
              position={[s * 0.62, 0.42, 0]}
            />
          ))}
          <Piece
            geometry={geo.cylinderLow()}
            color="#2b2e30"
            finish={painted}
            rotation={[0, 0, Math.PI / 2]}
            scale={[0.03, 1.2, 0.03]}
            position={[0, 0.44, 0.42]}
          />
          {/* air pipe to the cylinder */}
          <Piece
            geometry={tube(
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
            )}
            color="#1b1c1d"
            finish={finishFor(detail, 'rubber')}
          />
        </>
      )}
      {/* brake blocks on the inner side of each wheel's tread */}
      {[0.9, -0.9].flatMap((x) =>
        [1, -1].map((s) => (
          <group key={`${x}${s}`} position={[x - Math.sign(x) * 0.47, WHEEL_R, s * track]}>
            <Piece
              name="brake-block"
              geometry={geo.box()}
              color="#1e1f20"
              finish={finishFor(detail, 'rubber')}
              scale={[0.05, 0.32, 0.09]}
            />
            <Piece
              geometry={geo.box()}
              color={frameColor}
              finish={painted}
              scale={[0.06, 0.14, 0.06]}
              position={[-Math.sign(x) * 0.05, 0, 0]}
            />
          </group>
        )),
      )}
    </group>
  )
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
  const painted = finishFor(detail, 'painted')
  const steel = finishFor(detail, 'stainless')
  const floor = 1.2
  const wheel = wheelProfile(detail)
  const height = loco ? 3.0 : 2.9
  const bodyLength = length - 0.1
  const roof = extrusion(
    `vehicle-roof:${bodyLength}`,
    [
      [-1.45, 0],
      [1.45, 0],
      [1.2, 0.18],
      [0.6, 0.28],
      [-0.6, 0.28],
      [-1.2, 0.18],
    ],
    bodyLength,
  )
  const axles =
    length >= 6
      ? [length / 2 - 1.6, length / 2 - 3.4, -length / 2 + 1.6, -length / 2 + 3.4]
      : [length / 2 - 1.0, -length / 2 + 1.0]
  const ribs = Math.max(2, Math.round(bodyLength / 0.8))
  const door = `#${new Color(body).multiplyScalar(0.78).getHexString()}`
  return (
    <group>
      {/* underframe: solebars, headstocks (red) and buffers with their coupling hooks */}
      <Piece
        geometry={geo.box()}
        color="#2a2c2e"
        finish={painted}
        scale={[length, 0.3, 2.5]}
        position={[0, floor - 0.15, 0]}
      />
      {[1, -1].map((s) => (
        <group key={s} position={[(s * length) / 2, floor - 0.2, 0]}>
          <Piece
            geometry={geo.box()}
            color="#c62828"
            finish={painted}
            scale={[0.12, 0.35, 2.7]}
            position={[-s * 0.06, 0, 0]}
          />
          {[1, -1].map((z) => (
            <group key={z} position={[0, 0.05, z * 0.875]}>
              <Piece
                geometry={geo.cylinder()}
                color="#2a2c2e"
                finish={painted}
                rotation={[0, 0, Math.PI / 2]}
                scale={[0.22, 0.3, 0.22]}
                position={[s * 0.15, 0, 0]}
              />
              <Piece
                geometry={geo.cylinder()}
                color="#b7bdc2"
                finish={steel}
                rotation={[0, 0, Math.PI / 2]}
                scale={[0.42, 0.04, 0.42]}
                position={[s * 0.32, 0, 0]}
              />
            </group>
          ))}
          <Piece
            geometry={geo.box()}
            color="#2a2c2e"
            finish={steel}
            scale={[0.25, 0.08, 0.06]}
            position={[s * 0.12, 0.05, 0]}
          />
        </group>
      ))}
      {/* running gear */}
      {axles.map((x) => (
        <group key={x} position={[x, WHEEL_R, 0]}>
          <Piece
            geometry={geo.cylinder()}
            color="#545a5f"
            finish={steel}
            rotation={[Math.PI / 2, 0, 0]}
            scale={[0.17, 2.05, 0.17]}
          />
          {[1, -1].map((s) => (
            <Piece
              key={s}
              geometry={wheel}
              color="#6a625a"
              finish={steel}
              rotation={[s > 0 ? -Math.PI / 2 : Math.PI / 2, 0, 0]}
              position={[0, 0, s * 0.75]}
            />
          ))}
          {[1, -1].map((s) => (
            <Piece
              key={s}
              geometry={geo.box()}
              color="#2a2c2e"
              finish={painted}
              scale={[0.5, 0.3, 0.18]}
              position={[0, 0.14, s * 0.98]}
            />
          ))}
        </group>
      ))}
      {/* body */}
      <Piece
        geometry={geo.box()}
        color={body}
        finish={painted}
        scale={[bodyLength, height - floor - 0.28, 2.9]}
        position={[0, (floor + height - 0.28) / 2, 0]}
      />
      <Piece
        geometry={roof}
        color={loco ? '#5b5f63' : '#8d9093'}
        finish={painted}
        rotation={[0, Math.PI / 2, 0]}
        position={[0, height - 0.28, 0]}
      />
      {!loco &&
        detail === 'detailed' &&
        [1, -1].flatMap((s) =>
          Array.from({ length: ribs + 1 }, (_, k) => (
            <Piece
              key={`${s}${k}`}
              geometry={geo.box()}
              color={body}
              finish={painted}
              scale={[0.06, height - floor - 0.3, 0.05]}
              position={[
                -bodyLength / 2 + (k * bodyLength) / ribs,
                (floor + height - 0.28) / 2,
                s * 1.47,
              ]}
            />
          )),
        )}
      {!loco &&
        [1, -1].map((s) => (
          <group key={s}>
            {/* sliding door with its rail and handle, and the wagon's white lettering panel */}
            <Piece
              geometry={geo.box()}
              color={door}
              finish={painted}
              scale={[Math.min(1.8, bodyLength * 0.35), height - floor - 0.45, 0.06]}
              position={[0, (floor + height - 0.28) / 2 - 0.05, s * 1.5]}
            />
            <Piece
              geometry={geo.box()}
              color="#2a2c2e"
              finish={steel}
              scale={[Math.min(3.4, bodyLength * 0.7), 0.06, 0.08]}
              position={[0, height - 0.42, s * 1.5]}
            />
            <Piece
              geometry={geo.box()}
              color="#e6e6e6"
              finish={painted}
              scale={[0.5, 0.3, 0.01]}
              position={[-bodyLength * 0.3, floor + 0.4, s * 1.48]}
            />
          </group>
        ))}
      {loco && (
        <>
          {/* cab end at +x: windscreens, headlights, tail lights, handrails, a yellow warning panel */}
          {[1, -1].map((s) => (
            <group key={s}>
              <Piece
                geometry={geo.box()}
                color="#1b232b"
                finish={steel}
                scale={[0.02, 0.62, 1.1]}
                position={[bodyLength / 2 + 0.005, height - 0.85, s * 0.62]}
              />
              <Piece
                geometry={geo.box()}
                color="#1b232b"
                finish={steel}
                scale={[0.7, 0.5, 0.02]}
                position={[bodyLength / 2 - 0.6, height - 0.85, s * 1.455]}
              />
              <Piece
                geometry={geo.cylinder()}
                color="#f4f6f7"
                finish="glow"
                rotation={[0, 0, Math.PI / 2]}
                scale={[0.18, 0.03, 0.18]}
                position={[bodyLength / 2 + 0.01, floor + 0.45, s * 0.95]}
              />
              <Piece
                geometry={geo.cylinder()}
                color="#c62828"
                finish="glow"
                rotation={[0, 0, Math.PI / 2]}
                scale={[0.1, 0.03, 0.1]}
                position={[bodyLength / 2 + 0.01, floor + 0.45, s * 0.7]}
              />
              <Piece
                geometry={geo.cylinderLow()}
                color="#d9dcde"
                finish={steel}
                scale={[0.03, 1.0, 0.03]}
                position={[bodyLength / 2 - 0.75, floor + 0.8, s * 1.5]}
              />
            </group>
          ))}
          <Piece
            geometry={geo.cylinder()}
            color="#f4f6f7"
            finish="glow"
            rotation={[0, 0, Math.PI / 2]}
            scale={[0.2, 0.03, 0.2]}
            position={[bodyLength / 2 + 0.01, height - 0.32, 0]}
          />
          <Piece
            geometry={geo.box()}
            color="#f2c200"
            finish={painted}
            scale={[0.02, 0.7, 2.6]}
            position={[bodyLength / 2 + 0.004, floor + 0.45, 0]}
          />
          <Piece
            geometry={geo.box()}
            color="#2a2c2e"
            finish={painted}
            scale={[0.06, 0.06, 0.4]}
            position={[bodyLength / 2 + 0.02, height - 0.5, 0]}
          />
          {detail === 'detailed' && (
            <Piece
              geometry={geo.box()}
              color="#f4f4f4"
              finish={painted}
              scale={[bodyLength * 0.5, 0.1, 0.01]}
              position={[-bodyLength * 0.1, floor + 0.5, 1.455]}
            />
          )}
        </>
      )}
    </group>
  )
}

/**
 * A blue protection flag on a post in a weighted foot: stowed, it is furled and lowered at the
 * foot of the post; displayed, it flies at the top. Origin at the base centre, flag towards +x.
 */
export function FlagLook(props: LookProps) {
  const { index, store, detail } = props
  const c = props.model.components[index]!
  const color = c.source.color ?? '#1565c0'
  const flag = useRef<Group>(null)
  const cloth = useRef<Mesh>(null)
  const furl = useRef<Mesh>(null)
  useSceneEffect(store, selectState(index), (state) => {
    const shown = isSecond(
      props,
      state,
      /display|raise|shown|^up$|^on$|flying|protect/i,
      /stow|lower|furl|^down$|^off$|remov/i,
    )
    flag.current!.name = shown ? 'flag-displayed' : 'flag-stowed'
    flag.current!.position.y = shown ? 1.05 : 0.2
    setPieceLook(cloth.current!, { shown })
    setPieceLook(furl.current!, { shown: !shown })
  })
  const painted = finishFor(detail, 'painted')
  const waved = extrusion(
    'blue-flag-cloth',
    [
      [0, 0],
      [0.2, 0.02],
      [0.4, -0.01],
      [0.55, 0.01],
      [0.55, 0.38],
      [0.4, 0.36],
      [0.2, 0.39],
      [0, 0.37],
    ],
    0.008,
  )
  return (
    <group>
      <Piece
        geometry={geo.cylinder()}
        color="#3d4246"
        finish={painted}
        scale={[0.3, 0.06, 0.3]}
        position={[0, 0.03, 0]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#e4e6e8"
        finish={painted}
        scale={[0.035, 1.5, 0.035]}
        position={[0, 0.78, 0]}
      />
      {detail === 'detailed' && (
        <Piece
          geometry={geo.sphere()}
          color="#e4e6e8"
          finish={painted}
          scale={0.05}
          position={[0, 1.54, 0]}
        />
      )}
      <group ref={flag} name="flag-stowed" position={[0, 0.2, 0]}>
        <Piece
          ref={cloth}
          name="cloth"
          geometry={waved}
          color={color}
          finish={painted}
          position={[0.02, 0, 0]}
        />
        <Piece
          ref={furl}
          name="furled"
          geometry={geo.cylinderLow()}
          color={color}
          finish={painted}
          scale={[0.06, 0.4, 0.06]}
          position={[0, 0.2, 0]}
        />
        {detail === 'detailed' &&
          [0.02, 0.36].map((y) => (
            <Piece
              key={y}
              geometry={geo.cylinderLow()}
              color="#2b2f33"
              finish={painted}
              scale={[0.05, 0.015, 0.05]}
              position={[0, y, 0]}
            />
          ))}
      </group>
    </group>
  )
}

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
          {/* the brake pipe and its angle cock at the vehicle's end */}
          <Piece
            geometry={geo.cylinderLow()}
            color="#3d4246"
            finish={painted}
            rotation={[0, 0, Math.PI / 2]}
            scale={[0.04, 0.3, 0.04]}
            position={[s * 0.6, 0, 0]}
          />
          <Piece
            geometry={geo.cylinderLow()}
            color="#b08d3c"
            finish={finishFor(detail, 'stainless')}
            rotation={[0, 0, Math.PI / 2]}
            scale={[0.06, 0.1, 0.06]}
            position={[s * 0.44, 0, 0]}
          />
          <Piece
            geometry={geo.box()}
            color="#c62828"
            finish={painted}
            scale={[0.025, 0.13, 0.025]}
            position={[s * 0.44, 0.07, 0.04]}
          />
          {/* the dummy coupling bracket below it */}
          <Piece
            geometry={geo.box()}
            color="#3d4246"
            finish={painted}
            scale={[0.19, 0.03, 0.1]}
            position={[s * 0.545, -0.575, 0.1]}
          />
          <Piece
            geometry={geo.box()}
            color="#3d4246"
            finish={painted}
            scale={[0.04, 0.6, 0.04]}
            position={[s * 0.62, -0.29, 0.08]}
          />
          {/* the hose, as it hangs coupled or on its dummy */}
          <Piece
            ref={(m) => {
              joined.current[k] = m
            }}
            geometry={tube(
              `brake-hose-joined:${s}`,
              sagging([s * 0.4, 0, 0], [s * 0.1, -0.42, 0], -0.08),
              0.022,
              18,
              detail === 'simple' ? 5 : 8,
            )}
            color={hose}
            finish={rubber}
          />
          <Piece
            ref={(m) => {
              hanging.current[k] = m
            }}
            geometry={tube(
              `brake-hose-hanging:${s}`,
              sagging([s * 0.4, 0, 0], [s * 0.47, -0.45, 0.1], -0.1),
              0.022,
              18,
              detail === 'simple' ? 5 : 8,
            )}
            color={hose}
            finish={rubber}
          />
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
