import { useRef } from 'react'
import { Path, Shape, ExtrudeGeometry, type Group } from 'three'
import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import {
  ALONG_Z,
  box,
  cylinder,
  lathe,
  mergedGeometry,
  sides,
  sphere,
  torus,
  type Solid,
} from './shapes.ts'
import { useRunning } from './useRunning.ts'

/** Turns a second while running (radians): slow enough to read as turning, not flicker. */
const TURN_RATE = 7

/**
 * An axial cooling fan in a square mounting plate: a wire guard in front (+z), five pitched
 * blades on a hub that turn while it runs, and its motor behind on struts. params.diameter is the
 * blades' diameter; the origin is at the hub.
 */
export function Fan(props: LookProps) {
  const { detail } = props
  const diameter = numberParam(props, 'diameter')
  const rotor = useRef<Group>(null)
  const root = useRunning(props, (seconds) => {
    rotor.current!.rotation.z -= seconds * TURN_RATE
  })
  const color = props.model.components[props.index]!.source.color ?? PROCESS.darkSteel
  return (
    <group ref={root} name="machine-stopped">
      <group scale={diameter}>
        <Piece geometry={fanFrame(detail)} color={color} finish="painted" />
        <Piece geometry={fanGuard(detail)} color={PROCESS.black} finish="stainless" />
        <group ref={rotor} name="rotor">
          <Piece geometry={fanBlades()} color={PROCESS.steel} finish="stainless" />
          <Piece geometry={fanHub(detail)} color={PROCESS.black} finish="painted" />
        </group>
      </group>
    </group>
  )
}

/** The plate with its round opening and the short venturi ring, the motor and its struts. */
function fanFrame(detail: Detail) {
  return mergedGeometry(`fan-frame|${detail}`, () => {
    const seg = sides(detail, 40)
    const plate = new Shape()
    plate.moveTo(-0.62, -0.62)
    plate.lineTo(0.62, -0.62)
    plate.lineTo(0.62, 0.62)
    plate.lineTo(-0.62, 0.62)
    plate.closePath()
    const hole = new Path()
    hole.absarc(0, 0, 0.53, 0, Math.PI * 2, true)
    plate.holes.push(hole)
    const solids: Solid[] = [
      {
        geometry: new ExtrudeGeometry(plate, {
          depth: 0.03,
          bevelEnabled: false,
          curveSegments: seg,
        }),
        at: [0, 0, -0.18],
      },
      {
        // the venturi ring, thick enough to be seen from the side
        geometry: lathe(
          [
            [0.53, -0.15],
            [0.56, -0.15],
            [0.56, 0.02],
            [0.53, 0.02],
            [0.53, -0.15],
          ],
          seg,
        ),
        rotation: ALONG_Z,
      },
      { geometry: cylinder(0.12, 0.22, sides(detail, 20)), at: [0, 0, -0.3], rotation: ALONG_Z },
    ]
    for (let k = 0; k < 4; k++) {
      const a = Math.PI / 4 + (k * Math.PI) / 2
      solids.push({
        geometry: box(0.46, 0.03, 0.03),
        at: [Math.cos(a) * 0.35, Math.sin(a) * 0.35, -0.3],
        rotation: [0, 0, a],
      })
    }
    return solids
  })
}

/** Concentric wire rings and spokes in front of the blades. */
function fanGuard(detail: Detail) {
  return mergedGeometry(`fan-guard|${detail}`, () => {
    const seg = sides(detail, 40)
    const rings = detail === 'detailed' ? 6 : 3
    const solids: Solid[] = []
    for (let k = 1; k <= rings; k++) {
      solids.push({
        geometry: torus((0.55 * k) / rings, 0.006, seg, Math.PI * 2, 4),
        at: [0, 0, 0.1],
      })
    }
    for (let k = 0; k < 6; k++) {
      const a = (k * Math.PI) / 3
      solids.push({
        geometry: cylinder(0.006, 0.55, 4),
        at: [Math.cos(a) * 0.275, Math.sin(a) * 0.275, 0.1],
        rotation: [0, 0, a - Math.PI / 2],
      })
    }
    return solids
  })
}

function fanBlades() {
  return mergedGeometry('fan-blades', () => {
    const solids: Solid[] = []
    for (let k = 0; k < 5; k++) {
      const a = (k * Math.PI * 2) / 5
      solids.push({
        // a broad blade, pitched about its own length
        geometry: box(0.36, 0.15, 0.012).rotateX(0.45),
        at: [Math.cos(a) * 0.3, Math.sin(a) * 0.3, 0],
        rotation: [0, 0, a],
      })
    }
    return solids
  })
}

function fanHub(detail: Detail) {
  return mergedGeometry(`fan-hub|${detail}`, () => [
    { geometry: cylinder(0.11, 0.08, sides(detail, 20)), rotation: ALONG_Z },
    { geometry: sphere(0.1, sides(detail, 16)), at: [0, 0, 0.04], scale: [1, 1, 0.5] },
  ])
}
