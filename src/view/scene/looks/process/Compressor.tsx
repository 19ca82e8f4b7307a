import { useRef } from 'react'
import { ExtrudeGeometry, Path, Shape, Vector2, type Group } from 'three'
import { Piece } from '../../Piece.tsx'
import type { Detail, LookProps } from '../types.ts'
import { MotorBody, type MotorSize } from './MotorBody.tsx'
import { PROCESS } from './palette.ts'
import { ALONG_Z, box, cylinder, mergedGeometry, sides, torus, type Solid } from './shapes.ts'
import { useRunning } from './useRunning.ts'

const SKID = 0.11
const MOTOR: MotorSize = { radius: 0.12, length: 0.34, height: 0.17 }
/** The motor's pulley and the compressor's flywheel, in the front plane (x, y, radius). */
const PULLEY = { x: -0.3, y: SKID + MOTOR.height, r: 0.06 }
const FLYWHEEL = { x: 0.24, y: 0.25, r: 0.2 }
const BELT_Z = 0.26
/** Flywheel turns a second while running (radians); the motor pulley turns faster. */
const TURN_RATE = 5

/**
 * A two-cylinder piston air compressor on a skid: the crankcase, two finned cylinders in a V with
 * finned heads and their delivery pipe, a motor beside it, and a safety-yellow belt guard in
 * front whose grille shows the spoked flywheel turning while it runs. The origin is on the floor
 * under the middle of the skid; the guard faces +z.
 */
export function Compressor(props: LookProps) {
  const { detail } = props
  const flywheel = useRef<Group>(null)
  const pulley = useRef<Group>(null)
  const root = useRunning(props, (seconds) => {
    flywheel.current!.rotation.z -= seconds * TURN_RATE
    pulley.current!.rotation.z -= (seconds * TURN_RATE * FLYWHEEL.r) / PULLEY.r
  })
  const color = props.model.components[props.index]!.source.color ?? PROCESS.pump
  return (
    <group ref={root} name="machine-stopped">
      <Piece geometry={skid(detail)} color={PROCESS.black} finish="painted" />
      <MotorBody
        size={MOTOR}
        color={PROCESS.motor}
        detail={detail}
        position={[PULLEY.x, SKID, 0.02]}
        rotation={[0, -Math.PI / 2, 0]}
      />
      <Piece geometry={block(detail)} color={color} finish="painted" />
      <Piece geometry={deliveryPipe(detail)} color={PROCESS.brass} finish="stainless" />
      <Piece geometry={intakeFilters(detail)} color={PROCESS.black} finish="painted" />
      <group ref={flywheel} name="flywheel" position={[FLYWHEEL.x, FLYWHEEL.y, BELT_Z - 0.05]}>
        <Piece geometry={flywheelGeometry(detail)} color={PROCESS.darkSteel} finish="painted" />
      </group>
      <group ref={pulley} name="pulley" position={[PULLEY.x, PULLEY.y, BELT_Z - 0.05]}>
        <Piece geometry={pulleyGeometry(detail)} color={PROCESS.darkSteel} finish="stainless" />
      </group>
      <Piece geometry={beltGuard(detail)} color={PROCESS.guard} finish="painted" />
    </group>
  )
}

function skid(detail: Detail) {
  return mergedGeometry(`compressor-skid|${detail}`, () => [
    { geometry: box(1.15, 0.1, 0.07), at: [0, 0.05, 0.24] },
    { geometry: box(1.15, 0.1, 0.07), at: [0, 0.05, -0.24] },
    { geometry: box(1.15, 0.012, 0.55), at: [0, SKID - 0.006, 0] },
  ])
}

/** The crankcase, the finned cylinders and heads: one V of two. */
function block(detail: Detail) {
  return mergedGeometry(`compressor-block|${detail}`, () => {
    const seg = sides(detail, 16)
    const solids: Solid[] = [
      { geometry: box(0.3, 0.2, 0.28), at: [FLYWHEEL.x, SKID + 0.1, 0] },
      {
        geometry: cylinder(0.07, 0.12, seg),
        at: [FLYWHEEL.x, FLYWHEEL.y, 0.18],
        rotation: ALONG_Z,
      },
      // the oil sight glass's ring
      { geometry: torus(0.02, 0.006, 12), at: [FLYWHEEL.x + 0.08, SKID + 0.06, 0.141] },
    ]
    const fins = detail === 'detailed' ? 5 : 3
    for (const tilt of [0.6, -0.6]) {
      // each cylinder leans out of the crankcase's top
      const base = { x: FLYWHEEL.x - Math.sin(tilt) * 0.02, y: SKID + 0.2 }
      const along = (d: number) =>
        [base.x - Math.sin(tilt) * d, base.y + Math.cos(tilt) * d, 0] as const
      solids.push({ geometry: cylinder(0.065, 0.22, seg), at: along(0.11), rotation: [0, 0, tilt] })
      for (let k = 0; k < fins; k++) {
        solids.push({
          geometry: cylinder(0.095, 0.008, sides(detail, 14)),
          at: along(0.03 + (k * 0.16) / Math.max(1, fins - 1)),
          rotation: [0, 0, tilt],
        })
      }
      // the head, finned across
      solids.push({ geometry: box(0.17, 0.05, 0.17), at: along(0.245), rotation: [0, 0, tilt] })
      const [hx, hy] = along(0.285)
      for (let k = 0; k < (detail === 'detailed' ? 4 : 2); k++) {
        solids.push({
          geometry: box(0.17, 0.03, 0.008),
          at: [hx, hy, -0.06 + k * 0.04],
          rotation: [0, 0, tilt],
        })
      }
    }
    return solids
  })
}

/** The round intake filters standing on the heads, where the air is drawn in. */
function intakeFilters(detail: Detail) {
  return mergedGeometry(`compressor-intakes|${detail}`, () =>
    [0.6, -0.6].map((tilt) => {
      const d = 0.33
      const x = FLYWHEEL.x - Math.sin(tilt) * (d + 0.02)
      const y = SKID + 0.2 + Math.cos(tilt) * d
      return {
        geometry: cylinder(0.05, 0.06, sides(detail, 12)),
        at: [x, y, 0.05] as const,
        rotation: [0, 0, tilt] as const,
      }
    }),
  )
}

/** The copper delivery pipe bent over from head to head. */
function deliveryPipe(detail: Detail) {
  return mergedGeometry(`compressor-delivery|${detail}`, () => [
    {
      geometry: torus(0.19, 0.012, sides(detail, 20), Math.PI * 0.62),
      at: [FLYWHEEL.x, SKID + 0.24, -0.1],
      rotation: [0, 0, Math.PI * 0.19],
    },
  ])
}

/** The flywheel: a rim, a hub and curved spokes that fan air over the cylinders. */
function flywheelGeometry(detail: Detail) {
  return mergedGeometry(`compressor-flywheel|${detail}`, () => {
    const seg = sides(detail, 24)
    const r = FLYWHEEL.r
    const solids: Solid[] = [
      { geometry: torus(r * 0.92, r * 0.08, seg, Math.PI * 2, 6) },
      { geometry: cylinder(r * 0.18, 0.06, 16), rotation: ALONG_Z },
    ]
    for (let k = 0; k < 4; k++) {
      const a = (k * Math.PI) / 2
      solids.push({
        geometry: box(r * 0.8, r * 0.1, 0.05),
        at: [Math.cos(a) * r * 0.5, Math.sin(a) * r * 0.5, 0],
        // pitched like a fan blade
        rotation: [0.5, 0, a],
      })
    }
    return solids
  })
}

function pulleyGeometry(detail: Detail) {
  return mergedGeometry(`compressor-pulley|${detail}`, () => [
    { geometry: cylinder(PULLEY.r, 0.05, sides(detail, 16)), rotation: ALONG_Z },
    { geometry: box(PULLEY.r * 1.6, 0.012, 0.052) },
  ])
}

/**
 * The belt guard round both wheels: its back plate, its rim and a grille of bars across the front,
 * between which the flywheel shows.
 */
function beltGuard(detail: Detail) {
  return mergedGeometry(`compressor-guard|${detail}`, () => {
    const margin = 0.035
    const outline = hull([
      { x: PULLEY.x, y: PULLEY.y, r: PULLEY.r + margin },
      { x: FLYWHEEL.x, y: FLYWHEEL.y, r: FLYWHEEL.r + margin },
    ])
    const inner = hull([
      { x: PULLEY.x, y: PULLEY.y, r: PULLEY.r + margin - 0.015 },
      { x: FLYWHEEL.x, y: FLYWHEEL.y, r: FLYWHEEL.r + margin - 0.015 },
    ])
    const rim = new Shape(outline)
    rim.holes.push(new Path(inner))
    const depth = 0.12
    const solids: Solid[] = [
      { geometry: extrude(rim, depth), at: [0, 0, BELT_Z - depth + 0.02] },
      { geometry: extrude(new Shape(outline), 0.008), at: [0, 0, BELT_Z - depth + 0.02] },
    ]
    const bars = detail === 'detailed' ? 13 : 7
    const from = PULLEY.x - PULLEY.r
    const to = FLYWHEEL.x + FLYWHEEL.r
    for (let k = 0; k < bars; k++) {
      const x = from + ((k + 0.5) * (to - from)) / bars
      const span = spanAt(inner, x)
      if (!span) continue
      solids.push({
        geometry: box(0.008, span[1] - span[0], 0.008),
        at: [x, (span[0] + span[1]) / 2, BELT_Z + 0.015],
      })
    }
    return solids
  })
}

function extrude(shape: Shape, depth: number) {
  return new ExtrudeGeometry(shape, { depth, bevelEnabled: false, curveSegments: 4 })
}

/** The convex outline round some circles, counter-clockwise. Pure. */
export function hull(circles: readonly { x: number; y: number; r: number }[]): Vector2[] {
  const pts: Vector2[] = []
  for (const c of circles) {
    for (let k = 0; k < 32; k++) {
      const a = (k * Math.PI * 2) / 32
      pts.push(new Vector2(c.x + Math.cos(a) * c.r, c.y + Math.sin(a) * c.r))
    }
  }
  pts.sort((a, b) => a.x - b.x || a.y - b.y)
  const cross = (o: Vector2, a: Vector2, b: Vector2) =>
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
  const half = (list: Vector2[]) => {
    const out: Vector2[] = []
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop()
      out.push(p)
    }
    out.pop()
    return out
  }
  return [...half(pts), ...half([...pts].reverse())]
}

/** Where a vertical line at `x` enters and leaves a closed outline, if it crosses it. Pure. */
function spanAt(outline: readonly Vector2[], x: number): [number, number] | undefined {
  const ys: number[] = []
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!
    const b = outline[(i + 1) % outline.length]!
    if ((a.x - x) * (b.x - x) > 0 || a.x === b.x) continue
    ys.push(a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y))
  }
  return ys.length >= 2 ? [Math.min(...ys), Math.max(...ys)] : undefined
}
