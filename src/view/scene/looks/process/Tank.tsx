import { Piece } from '../../Piece.tsx'
import { numberParam, type Detail, type LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import { box, cylinder, mergedGeometry, sides, type Solid } from './shapes.ts'
import { nozzleSolids, shellSolid } from './vessel.ts'

/** Which way the ladder stands out from the shell: towards +x, turned a little to the viewer. */
const LADDER_ANGLE = -0.55
const RUNG_PITCH = 0.28

/**
 * A vertical process tank: a flat bottom on a plinth, a dished top with a manway and an inlet
 * nozzle, an outlet low at -x, a level glass facing +z and a ladder up the +x side. The origin
 * is on the floor under its axis; params.diameter and params.height (overall) in metres.
 */
export function Tank(props: LookProps) {
  const { detail } = props
  const diameter = numberParam(props, 'diameter')
  const height = numberParam(props, 'height')
  const color = props.model.components[props.index]!.source.color ?? PROCESS.tank
  return (
    <group>
      <Piece geometry={tankBody(diameter, height, detail)} color={color} finish="painted" />
      <Piece
        geometry={tankSteel(diameter, height, detail)}
        color={PROCESS.darkSteel}
        finish="painted"
      />
      {detail === 'detailed' && (
        <>
          <Piece geometry={levelLiquid(diameter, height)} color={PROCESS.liquid} finish="painted" />
          <Piece geometry={levelGlass(diameter, height)} color={PROCESS.glass} finish="glass" />
        </>
      )}
    </group>
  )
}

const PLINTH = 0.08

function tankBody(diameter: number, height: number, detail: Detail) {
  return mergedGeometry(`tank|${diameter}|${height}|${detail}`, () => {
    const r = diameter / 2
    const head = diameter / 5
    const solids: Solid[] = [
      shellSolid(r, PLINTH, height, [0, head], detail),
      // the manway on top, off the axis
      {
        geometry: cylinder(r * 0.28, 0.12, sides(detail, 20)),
        at: [-r * 0.35, height - head * 0.3 + 0.04, 0],
      },
      {
        geometry: cylinder(r * 0.33, 0.03, sides(detail, 20)),
        at: [-r * 0.35, height - head * 0.3 + 0.11, 0],
      },
      ...nozzleSolids(
        [r * 0.4, height - head * 0.4, 0],
        'up',
        head * 0.4 + 0.1,
        Math.min(0.1, r * 0.25),
        detail,
      ),
      ...nozzleSolids([-r + 0.05, PLINTH + 0.2, 0], Math.PI, 0.2, Math.min(0.1, r * 0.25), detail),
      // level glass nozzles, low and high, facing +z
      ...nozzleSolids([0.12, PLINTH + 0.15, r - 0.02], -Math.PI / 2, 0.1, 0.03, detail),
      ...nozzleSolids([0.12, height - head - 0.12, r - 0.02], -Math.PI / 2, 0.1, 0.03, detail),
    ]
    return solids
  })
}

/** The plinth and the ladder with its stand-off brackets. */
function tankSteel(diameter: number, height: number, detail: Detail) {
  return mergedGeometry(`tank-steel|${diameter}|${height}|${detail}`, () => {
    const r = diameter / 2
    const solids: Solid[] = [
      { geometry: cylinder(r + 0.03, PLINTH, sides(detail, 32)), at: [0, PLINTH / 2, 0] },
    ]
    const out = r + 0.17
    const dir = { x: Math.cos(LADDER_ANGLE), z: -Math.sin(LADDER_ANGLE) }
    const side = { x: -dir.z, z: dir.x }
    const top = height + 0.45
    for (const s of [-0.2, 0.2]) {
      solids.push({
        geometry: box(0.05, top, 0.015),
        at: [dir.x * out + side.x * s, top / 2, dir.z * out + side.z * s],
        rotation: [0, LADDER_ANGLE, 0],
      })
    }
    for (let y = 0.3; y < height + 0.1; y += RUNG_PITCH) {
      solids.push({
        // a rung along x, turned across the ladder
        geometry: cylinder(0.012, 0.4, 6).rotateZ(Math.PI / 2),
        at: [dir.x * out, y, dir.z * out],
        rotation: [0, LADDER_ANGLE - Math.PI / 2, 0],
      })
    }
    for (const y of [0.5, height * 0.5, height - 0.2]) {
      solids.push({
        geometry: box(0.17, 0.03, 0.03),
        at: [dir.x * (r + 0.085), y, dir.z * (r + 0.085)],
        rotation: [0, LADDER_ANGLE, 0],
      })
    }
    return solids
  })
}

function levelSpan(diameter: number, height: number) {
  const r = diameter / 2
  const low = PLINTH + 0.15
  const high = height - diameter / 5 - 0.12
  return { z: r + 0.1, low, high }
}

function levelGlass(diameter: number, height: number) {
  return mergedGeometry(`tank-glass|${diameter}|${height}`, () => {
    const { z, low, high } = levelSpan(diameter, height)
    return [{ geometry: cylinder(0.018, high - low, 12), at: [0.12, (low + high) / 2, z] }]
  })
}

/** The liquid seen in the level glass: the tank stands about two thirds full. */
function levelLiquid(diameter: number, height: number) {
  return mergedGeometry(`tank-liquid|${diameter}|${height}`, () => {
    const { z, low, high } = levelSpan(diameter, height)
    const level = low + (high - low) * 0.65
    return [{ geometry: cylinder(0.011, level - low, 10), at: [0.12, (low + level) / 2, z] }]
  })
}
