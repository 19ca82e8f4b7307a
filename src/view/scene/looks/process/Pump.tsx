import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import type { Detail, LookProps } from '../types.ts'
import { MotorBody, type MotorSize } from './MotorBody.tsx'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  box,
  cylinder,
  flangeSolids,
  lathe,
  mergedGeometry,
  sector,
  sides,
  type Solid,
} from './shapes.ts'
import { useRunning } from './useRunning.ts'

/** The pump set's layout along x (metres): the shaft's height, and where its nozzles are. */
export const PUMP_SET = {
  shaftHeight: 0.32,
  /** The suction nozzle's face, on the shaft's axis, looking along +x. */
  suction: [0.66, 0.32, 0] as const,
  /** The discharge nozzle's face, looking up. */
  discharge: [0.44, 0.62, 0] as const,
}

const MOTOR: MotorSize = { radius: 0.13, length: 0.42, height: PUMP_SET.shaftHeight - 0.1 }
const SHAFT = PUMP_SET.shaftHeight
/** How fast the shaft is drawn turning while it runs (radians a second). */
const TURN_RATE = 9

/**
 * An end-suction centrifugal pump set on its baseplate: the motor at -x, the coupling under a
 * safety-yellow mesh guard, the bearing frame and the volute casing with its suction nozzle along
 * +x and its discharge nozzle up. While the pump runs its coupling turns. The origin is on the
 * floor under the middle of the baseplate.
 */
export function Pump(props: LookProps) {
  const { detail } = props
  const rotor = useRef<Group>(null)
  const root = useRunning(props, (seconds) => {
    rotor.current!.rotation.x += seconds * TURN_RATE
  })
  const color = props.model.components[props.index]!.source.color ?? PROCESS.pump
  return (
    <group ref={root} name="machine-stopped">
      <Piece geometry={baseplate(detail)} color={PROCESS.black} finish="painted" />
      <MotorBody size={MOTOR} color={color} detail={detail} position={[-0.36, 0.1, 0]} />
      <Piece geometry={pumpCasing(detail)} color={color} finish="painted" />
      <group ref={rotor} name="rotor" position={[0.02, SHAFT, 0]}>
        <Piece geometry={coupling(detail)} color={PROCESS.darkSteel} finish="stainless" />
        {detail === 'detailed' && (
          <Piece geometry={couplingMark()} color={PROCESS.guard} finish="painted" />
        )}
      </group>
      <Piece geometry={couplingGuard(detail)} color={PROCESS.guard} finish="painted" />
    </group>
  )
}

function baseplate(detail: Detail) {
  return mergedGeometry(`pump-base|${detail}`, () => [
    { geometry: box(1.3, 0.1, 0.06), at: [0, 0.05, 0.19] },
    { geometry: box(1.3, 0.1, 0.06), at: [0, 0.05, -0.19] },
    { geometry: box(1.3, 0.012, 0.44), at: [0, 0.094, 0] },
    { geometry: box(0.06, 0.1, 0.32), at: [-0.62, 0.05, 0] },
    { geometry: box(0.06, 0.1, 0.32), at: [0.62, 0.05, 0] },
  ])
}

function pumpCasing(detail: Detail) {
  return mergedGeometry(`pump-casing|${detail}`, () => {
    const seg = sides(detail, 28)
    const solids: Solid[] = [
      // the bearing frame and its foot
      { geometry: cylinder(0.075, 0.24, seg, 0.06), at: [0.22, SHAFT, 0], rotation: ALONG_X },
      { geometry: box(0.12, SHAFT - 0.16, 0.16), at: [0.2, 0.1 + (SHAFT - 0.16) / 2, 0] },
      {
        // the volute: a round casing, fuller at the back cover
        geometry: lathe(
          [
            [0.05, -0.08],
            [0.19, -0.07],
            [0.215, 0],
            [0.2, 0.05],
            [0.12, 0.08],
            [0.07, 0.09],
          ],
          seg,
        ),
        at: [0.44, SHAFT, 0],
        rotation: ALONG_X,
      },
      // the volute's outer sweep rising into the discharge nozzle
      {
        geometry: cylinder(0.17, 0.13, seg),
        at: [0.44, SHAFT + 0.06, 0.035],
        rotation: ALONG_X,
      },
      { geometry: cylinder(0.055, 0.2, seg, 0.075), at: [0.44, SHAFT + 0.19, 0] },
      ...scaled(flangeSolids([0, 0, 0], detail), 0.1, [0.44, SHAFT + 0.29, 0], true),
      // the suction nozzle along the shaft's axis
      { geometry: cylinder(0.06, 0.16, seg, 0.05), at: [0.58, SHAFT, 0], rotation: ALONG_X },
      ...scaled(flangeSolids([0, 0, 0], detail), 0.12, [0.65, SHAFT, 0], false),
      // the casing's foot
      { geometry: box(0.1, SHAFT - 0.28, 0.2), at: [0.44, 0.1 + (SHAFT - 0.28) / 2 + 0.02, 0] },
    ]
    return solids
  })
}

/** Flange solids of a pipe of diameter 1, scaled to `size` and moved to `at`, turned up if asked. */
function scaled(solids: Solid[], size: number, at: readonly number[], up: boolean): Solid[] {
  return solids.map((s) => {
    const [x, y, z] = s.at ?? [0, 0, 0]
    // a flange lies along x; turned up, its x becomes y
    const local = up ? [-y, x, z] : [x, y, z]
    return {
      ...s,
      at: [
        at[0]! + local[0]! * size,
        at[1]! + local[1]! * size,
        at[2]! + local[2]! * size,
      ] as const,
      rotation: up ? ([0, 0, 0] as const) : (s.rotation ?? ([0, 0, 0] as const)),
      scale: size,
    }
  })
}

/** Two coupling hubs and the flexible spider between them, along x. */
function coupling(detail: Detail) {
  return mergedGeometry(`pump-coupling|${detail}`, () => {
    const seg = sides(detail, 16)
    const solids: Solid[] = [
      { geometry: cylinder(0.022, 0.3, 10), rotation: ALONG_X },
      { geometry: cylinder(0.06, 0.05, seg), at: [-0.035, 0, 0], rotation: ALONG_X },
      { geometry: cylinder(0.06, 0.05, seg), at: [0.035, 0, 0], rotation: ALONG_X },
    ]
    // the jaws, so that its turning shows
    for (let k = 0; k < 4; k++) {
      const a = (k * Math.PI) / 2
      solids.push({
        geometry: box(0.03, 0.03, 0.03),
        at: [0, Math.cos(a) * 0.045, Math.sin(a) * 0.045],
        rotation: [a, 0, 0],
      })
    }
    return solids
  })
}

/** A painted stripe across both hubs, the mark a fitter reads the turning by. */
function couplingMark() {
  return mergedGeometry('pump-coupling-mark', () => [
    { geometry: box(0.12, 0.012, 0.02), at: [0, 0.062, 0] },
  ])
}

/** A mesh guard over the coupling: two end plates and bars round the top, open between them. */
function couplingGuard(detail: Detail) {
  return mergedGeometry(`pump-guard|${detail}`, () => {
    const seg = sides(detail, 16)
    const r = 0.11
    const solids: Solid[] = []
    for (const x of [-0.08, 0.12]) {
      solids.push({
        geometry: sector(r, 0.012, seg, Math.PI),
        at: [x, SHAFT, 0],
        // a half disc standing across the shaft, its round edge up
        rotation: [0, 0, Math.PI / 2],
      })
      solids.push({ geometry: box(0.012, SHAFT - 0.1, 2 * r), at: [x, 0.1 + (SHAFT - 0.1) / 2, 0] })
    }
    const bars = detail === 'detailed' ? 9 : 5
    for (let k = 0; k < bars; k++) {
      const a = -Math.PI / 2 + (k * Math.PI) / (bars - 1)
      solids.push({
        geometry: box(0.2, 0.012, 0.012),
        at: [0.02, SHAFT + Math.cos(a) * r, Math.sin(a) * r],
      })
    }
    return solids
  })
}
