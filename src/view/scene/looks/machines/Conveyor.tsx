// A belt conveyor: side channels on legs, a lagged head pulley driven by a shaft-mounted gearbox
// and motor, a tail pulley with its take-up, carrying and return rollers, and a belt whose cleats
// travel round the pulleys while the conveyor runs. Length along x (head at +x), belt top at
// `height`, origin at the base centre. The frame and pulleys are in conveyorFrame.tsx, the belt and
// its cleats in conveyorBelt.tsx, the pull-wire and drive in conveyorDrive.ts.
import { useFrame } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import type { Group } from 'three'
import { BOTH_SIDES, Pieces } from '../Pieces.tsx'
import { numberParam, type LookProps } from '../types.ts'
import { finishFor } from './common.ts'
import { beltPoint, BELT_SPEED, belt, Cleats } from './conveyorBelt.tsx'
import { BELT_T, PULLEY, type Build } from './conveyorBuild.ts'
import { drive, pullWire } from './conveyorDrive.ts'
import { channels, LegPair, pulley, rollers } from './conveyorFrame.tsx'
import { useRunning } from './running.ts'

export { beltPoint, BELT_SPEED } from './conveyorBelt.tsx'

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
