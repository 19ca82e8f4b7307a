import { useRef } from 'react'
import type { Group } from 'three'
import { Piece } from '../../Piece.tsx'
import type { Detail, LookProps } from '../types.ts'
import { getShaftEnd, MotorBody, type MotorSize } from './MotorBody.tsx'
import { PROCESS } from './palette.ts'
import { ALONG_X, box, cylinder, mergedGeometry, sides } from './shapes.ts'
import { useRunning } from './useRunning.ts'

const SIZE: MotorSize = { radius: 0.14, length: 0.46, height: 0.225 }
const TURN_RATE = 9

/**
 * A foot-mounted electric motor on its own: the finned frame, feet, terminal box and fan cowl,
 * its shaft end along +x with a keyed half-coupling that turns while it runs. The origin is on
 * the floor under the middle of its feet.
 */
export function Motor(props: LookProps) {
  const { detail } = props
  const shaft = useRef<Group>(null)
  const root = useRunning(props, (seconds) => {
    shaft.current!.rotation.x += seconds * TURN_RATE
  })
  const color = props.model.components[props.index]!.source.color ?? PROCESS.motor
  const [x, y] = getShaftEnd(SIZE)
  return (
    <group ref={root} name="machine-stopped">
      <MotorBody size={SIZE} color={color} detail={detail} />
      <group ref={shaft} name="rotor" position={[x, y, 0]}>
        <Piece geometry={shaftGeometry(detail)} color={PROCESS.steel} finish="stainless" />
        {detail === 'detailed' && (
          <Piece geometry={keyGeometry()} color={PROCESS.guard} finish="painted" />
        )}
      </group>
    </group>
  )
}

function shaftGeometry(detail: Detail) {
  return mergedGeometry(`motor-shaft|${detail}`, () => [
    { geometry: cylinder(0.022, 0.1, sides(detail, 12)), at: [0.03, 0, 0], rotation: ALONG_X },
    { geometry: cylinder(0.055, 0.05, sides(detail, 20)), at: [0.07, 0, 0], rotation: ALONG_X },
  ])
}

/** The key and a paint mark on the half-coupling, by which its turning shows. */
function keyGeometry() {
  return mergedGeometry('motor-key', () => [
    { geometry: box(0.05, 0.012, 0.016), at: [0.07, 0.055, 0] },
    { geometry: box(0.004, 0.05, 0.016), at: [0.097, 0.027, 0] },
  ])
}
