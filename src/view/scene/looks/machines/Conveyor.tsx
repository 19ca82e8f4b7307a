// A belt conveyor: side channels on legs, a lagged head pulley driven by a shaft-mounted gearbox
// and motor, a tail pulley with its take-up, carrying and return rollers, and a belt whose cleats
// travel round the pulleys while the conveyor runs. Length along x (head at +x), belt top at
// `height`, origin at the base centre.
import { useFrame } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
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

export function ConveyorLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const length = numberParam(props, 'length')
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const frameColor = c.source.color ?? '#2f66a8'
  const root = useRef<Group>(null)
  const cleats = useRef<(Group | null)[]>([])
  const travelled = useRef(0)

  const run = length - 0.24
  const radius = PULLEY + BELT_T / 2
  const centre = height - BELT_T - PULLEY
  const loop = 2 * run + 2 * Math.PI * radius
  const count = Math.max(6, Math.round(loop / (detail === 'simple' ? 0.8 : 0.45)))
  const side = width / 2 + 0.045

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

  const painted = finishFor(detail, 'painted')
  const rubber = finishFor(detail, 'rubber')
  const steel = finishFor(detail, 'stainless')
  const channel = mergedBoxes(`conveyor-channel:${length}`, () => [
    [
      [0, 0, 0],
      [length, 0.16, 0.008],
    ],
    [
      [0, 0.076, -0.022],
      [length, 0.008, 0.045],
    ],
    [
      [0, -0.076, -0.022],
      [length, 0.008, 0.045],
    ],
  ])
  const legs = useMemo(() => {
    const bays = Math.max(1, Math.ceil((length - 0.4) / 1.8))
    return Array.from(
      { length: bays + 1 },
      (_, k) => -length / 2 + 0.2 + (k * (length - 0.4)) / bays,
    )
  }, [length])
  const rollers = useMemo(() => {
    const n = Math.max(2, Math.floor(run / 0.3))
    return Array.from({ length: n - 1 }, (_, k) => -run / 2 + ((k + 1) * run) / n)
  }, [run])
  const legTop = height - 0.18

  return (
    <group ref={root} name="machine-stopped">
      {/* side channels, lips facing in */}
      {[1, -1].map((s) => (
        <Piece
          key={s}
          geometry={channel}
          color={frameColor}
          finish={painted}
          position={[0, height - 0.1, s * side]}
          rotation={[0, s > 0 ? 0 : Math.PI, 0]}
        />
      ))}
      {/* legs with feet and cross braces */}
      {legs.map((x) => (
        <group key={x} position={[x, 0, 0]}>
          {[1, -1].map((s) => (
            <group key={s}>
              <Piece
                geometry={geo.box()}
                color={frameColor}
                finish={painted}
                scale={[0.05, legTop, 0.05]}
                position={[0, legTop / 2, s * (side - 0.03)]}
              />
              {detail === 'detailed' && (
                <Piece
                  geometry={geo.box()}
                  color="#3a3d40"
                  finish={steel}
                  scale={[0.12, 0.012, 0.12]}
                  position={[0, 0.006, s * (side - 0.03)]}
                />
              )}
            </group>
          ))}
          <Piece
            geometry={geo.box()}
            color={frameColor}
            finish={painted}
            scale={[0.04, 0.04, 2 * side - 0.06]}
            position={[0, 0.28, 0]}
          />
        </group>
      ))}
      {/* head (drive) and tail pulleys on their shafts and bearings */}
      {[1, -1].map((s) => (
        <group key={s} position={[(s * run) / 2, centre, 0]}>
          <Piece
            geometry={geo.cylinder()}
            color={s > 0 ? '#1b1d1f' : ROLLER}
            finish={s > 0 ? rubber : steel}
            rotation={[Math.PI / 2, 0, 0]}
            scale={[2 * PULLEY, width + 0.02, 2 * PULLEY]}
          />
          <Piece
            geometry={geo.cylinderLow()}
            color={ROLLER}
            finish={steel}
            rotation={[Math.PI / 2, 0, 0]}
            scale={[0.04, 2 * side + 0.12, 0.04]}
          />
          {detail === 'detailed' &&
            [1, -1].map((z) => (
              <Piece
                key={z}
                geometry={geo.box()}
                color="#3b4046"
                finish={painted}
                scale={[0.13, 0.08, 0.05]}
                position={[0, -0.01, z * (side + 0.035)]}
              />
            ))}
        </group>
      ))}
      {/* the belt: top and return runs and its turns round the pulleys */}
      {[1, -1].map((s) => (
        <Piece
          key={`run${s}`}
          name={s > 0 ? 'belt-top' : ''}
          geometry={geo.box()}
          color={BELT}
          finish={rubber}
          scale={[run, BELT_T, width]}
          position={[0, centre + s * radius, 0]}
        />
      ))}
      <Piece
        geometry={arcShell(12, 0, Math.PI)}
        color={BELT}
        finish={rubber}
        scale={[radius + BELT_T / 2, radius + BELT_T / 2, width]}
        position={[run / 2, centre, 0]}
      />
      <Piece
        geometry={arcShell(12, Math.PI, Math.PI)}
        color={BELT}
        finish={rubber}
        scale={[radius + BELT_T / 2, radius + BELT_T / 2, width]}
        position={[-run / 2, centre, 0]}
      />
      {/* cleats across the belt: they travel while the conveyor runs */}
      {Array.from({ length: count }, (_, k) => {
        const [x, y, turn] = beltPoint((k * loop) / count, run, radius, centre)
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
              finish={rubber}
              scale={[0.03, 0.03, width * 0.86]}
              position={[0, BELT_T / 2 + 0.015, 0]}
            />
          </group>
        )
      })}
      {/* carrying rollers under the top run, return rollers under the bottom */}
      {detail === 'detailed' &&
        rollers.map((x) => (
          <Piece
            key={x}
            geometry={geo.cylinderLow()}
            color={ROLLER}
            finish={steel}
            rotation={[Math.PI / 2, 0, 0]}
            scale={[0.06, 2 * side - 0.02, 0.06]}
            position={[x, height - BELT_T - 0.03, 0]}
          />
        ))}
      {detail === 'detailed' &&
        legs
          .slice(1, -1)
          .map((x) => (
            <Piece
              key={x}
              geometry={geo.cylinderLow()}
              color={ROLLER}
              finish={steel}
              rotation={[Math.PI / 2, 0, 0]}
              scale={[0.05, 2 * side - 0.02, 0.05]}
              position={[x, centre - radius - BELT_T / 2 - 0.025, 0]}
            />
          ))}
      {/* take-up screws at the tail */}
      {detail === 'detailed' &&
        [1, -1].map((z) => (
          <Piece
            key={z}
            geometry={geo.cylinderLow()}
            color={ROLLER}
            finish={steel}
            rotation={[0, 0, Math.PI / 2]}
            scale={[0.016, 0.3, 0.016]}
            position={[-run / 2 + 0.12, centre + 0.05, z * (side + 0.035)]}
          />
        ))}
      {/* the emergency pull-wire along the viewer's side, on eye posts, with its switch at the tail */}
      {detail === 'detailed' && (
        <>
          <Piece
            geometry={geo.cylinderLow()}
            color="#d32f2f"
            finish={painted}
            rotation={[0, 0, Math.PI / 2]}
            scale={[0.012, run - 0.3, 0.012]}
            position={[0.05, height + 0.06, side + 0.06]}
          />
          {legs.map((x) => (
            <Piece
              key={x}
              geometry={geo.box()}
              color="#3b4046"
              finish={painted}
              scale={[0.02, 0.2, 0.02]}
              position={[
                Math.min(Math.max(x, -run / 2 + 0.25), run / 2 - 0.3),
                height - 0.03,
                side + 0.06,
              ]}
            />
          ))}
          <Piece
            geometry={geo.box()}
            color="#f2c200"
            finish={painted}
            scale={[0.12, 0.16, 0.1]}
            position={[-run / 2 + 0.14, height + 0.02, side + 0.07]}
          />
          <Piece
            geometry={geo.cylinderLow()}
            color="#d32f2f"
            finish={painted}
            scale={[0.05, 0.03, 0.05]}
            position={[-run / 2 + 0.14, height + 0.115, side + 0.07]}
          />
        </>
      )}
      {/* the drive: a shaft-mounted bevel gearbox and its motor, on the viewer's side of the head */}
      <group position={[run / 2, centre, side + 0.15]}>
        <Piece
          geometry={geo.box()}
          color={MOTOR}
          finish={painted}
          scale={[0.24, 0.26, 0.2]}
          position={[-0.03, -0.04, 0]}
        />
        <Piece
          geometry={geo.cylinder()}
          color={MOTOR}
          finish={painted}
          rotation={[0, 0, Math.PI / 2]}
          scale={[0.19, 0.34, 0.19]}
          position={[-0.32, -0.08, 0.02]}
        />
        {detail === 'detailed' && (
          <>
            {/* fan cowl, cooling fins, terminal box, torque arm */}
            <Piece
              geometry={geo.cylinder()}
              color="#2d3e4f"
              finish={painted}
              rotation={[0, 0, Math.PI / 2]}
              scale={[0.17, 0.08, 0.17]}
              position={[-0.53, -0.08, 0.02]}
            />
            {[0, 1, 2, 3, 4, 5].map((k) => (
              <Piece
                key={k}
                geometry={geo.box()}
                color={MOTOR}
                finish={painted}
                rotation={[(k * Math.PI) / 6, 0, 0]}
                scale={[0.3, 0.21, 0.012]}
                position={[-0.32, -0.08, 0.02]}
              />
            ))}
            <Piece
              geometry={geo.box()}
              color={MOTOR}
              finish={painted}
              scale={[0.1, 0.05, 0.1]}
              position={[-0.3, 0.04, 0.02]}
            />
            <Piece
              geometry={geo.box()}
              color="#3b4046"
              finish={painted}
              scale={[0.03, 0.34, 0.04]}
              position={[0.05, -0.27, -0.04]}
            />
          </>
        )}
      </group>
    </group>
  )
}
