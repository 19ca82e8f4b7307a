import { Matrix4, Vector3, Euler } from 'three'
import { Piece } from '../../Piece.tsx'
import { sharedGeometry } from '../../resources.ts'
import { booleanParam, numberParam, pointsParam, type Detail, type LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  cylinder,
  flangeSolids,
  getPipePath,
  mergedGeometry,
  mergeSolids,
  sides,
  sweepTube,
  turnX,
  type Solid,
  type Triple,
} from './shapes.ts'

/** How far a tee's point may lie off the run and still sit on it, in pipe diameters. */
const ON_RUN = 0.75

/** Where a tee sits on the run, which way the run goes there and which way its branch leaves. */
export interface TeePlace {
  readonly at: Vector3
  readonly run: Vector3
  readonly branch: Vector3
  /** The branch pipe's far end when the tee's point lies off the run. */
  readonly end?: Vector3
}

/**
 * Where each tee of a run goes: at the run's point nearest the tee's point; its branch leaves
 * towards that point when it lies off the run, else upwards (or towards the viewer on a riser).
 * Pure.
 */
export function getTeePlaces(
  points: readonly Triple[],
  tees: readonly Triple[],
  size: number,
): TeePlace[] {
  const p = points.map((q) => new Vector3(...q))
  return tees.flatMap((t) => {
    const target = new Vector3(...t)
    let best: { at: Vector3; run: Vector3; d: number } | undefined
    for (let i = 0; i < p.length - 1; i++) {
      const a = p[i]!
      const run = p[i + 1]!.clone().sub(a)
      const length = run.length()
      if (length < 1e-6) continue
      run.divideScalar(length)
      const s = Math.min(length, Math.max(0, target.clone().sub(a).dot(run)))
      const at = a.clone().addScaledVector(run, s)
      const d = at.distanceTo(target)
      if (!best || d < best.d) best = { at, run, d }
    }
    if (!best) return []
    const { at, run, d } = best
    if (d > ON_RUN * size) {
      return [{ at, run, branch: target.clone().sub(at).normalize(), end: target }]
    }
    const up = Math.abs(run.y) > 0.9 ? new Vector3(0, 0, 1) : new Vector3(0, 1, 0)
    const branch = up.sub(run.clone().multiplyScalar(up.dot(run))).normalize()
    return [{ at, run, branch }]
  })
}

/**
 * A pipe run through params.points (the part's frame, metres) of diameter params.size, with a
 * long-radius elbow at every interior point, flanges at both ends (params.flanges) and a tee at
 * each of params.tees. Its geometry is made once per run.
 */
export function Pipe(props: LookProps) {
  const { detail } = props
  const points = pointsParam(props, 'points')
  const tees = pointsParam(props, 'tees')
  const size = numberParam(props, 'size')
  const flanges = booleanParam(props, 'flanges')
  const c = props.model.components[props.index]!
  const color = c.source.color ?? PROCESS.steel
  const finish = c.source.color ? 'painted' : 'stainless'
  const places = getTeePlaces(points, tees, size)
  const path = getPipePath(points, size * 1.5, detail === 'simple' ? 4 : 8)
  const ends =
    flanges && path.length >= 2
      ? [
          { at: path[0]!.at, out: path[0]!.tangent.clone().negate() },
          { at: path[path.length - 1]!.at, out: path[path.length - 1]!.tangent.clone() },
        ]
      : []
  return (
    <group name="pipe">
      <Piece
        name="pipe-run"
        geometry={runGeometry(points, places, size, detail)}
        color={color}
        finish={finish}
      />
      {ends.map(({ at, out }, k) => (
        <Piece
          key={k}
          name="flange"
          geometry={flangeGeometry(detail)}
          color={color}
          finish={finish}
          position={at
            .clone()
            .addScaledVector(out, -0.11 * size)
            .toArray()}
          rotation={turnX(out)}
          scale={size}
        />
      ))}
      {places.map((t, k) => (
        <Piece
          key={k}
          name="tee"
          geometry={teeGeometry(detail)}
          color={color}
          finish={finish}
          position={t.at.toArray()}
          rotation={basis(t.run, t.branch)}
          scale={size}
        />
      ))}
    </group>
  )
}

/** The run and its branch pipes as one swept geometry, made once per run. */
function runGeometry(
  points: readonly Triple[],
  places: readonly TeePlace[],
  size: number,
  detail: Detail,
) {
  const branches = places.flatMap((t) => (t.end ? [[t.at.toArray(), t.end.toArray()]] : []))
  const key = `process|pipe|${JSON.stringify(points)}|${JSON.stringify(branches)}|${size}|${detail}`
  return sharedGeometry(key, () => {
    const radial = sides(detail, 18)
    const steps = detail === 'simple' ? 4 : 8
    const solids: Solid[] = [
      { geometry: sweepTube(getPipePath(points, size * 1.5, steps), size / 2, radial) },
    ]
    for (const [a, b] of branches) {
      const path = getPipePath([a as Triple, b as Triple], size * 1.5, steps)
      solids.push({ geometry: sweepTube(path, size / 2, radial) })
    }
    return mergeSolids(solids)
  })
}

function flangeGeometry(detail: Detail) {
  return mergedGeometry(`pipe-flange|${detail}`, () => flangeSolids([0, 0, 0], detail))
}

/** A tee of a pipe of diameter 1: the run along x, the branch up +y. */
function teeGeometry(detail: Detail) {
  return mergedGeometry(`pipe-tee|${detail}`, () => {
    const seg = sides(detail, 18)
    return [
      { geometry: cylinder(0.6, 2.0, seg), rotation: ALONG_X },
      { geometry: cylinder(0.6, 1.2, seg), at: [0, 0.6, 0] },
    ]
  })
}

/** The Euler angles that turn +x onto `run` and +y onto `branch` (square to it). */
function basis(run: Vector3, branch: Vector3): Triple {
  const z = run.clone().cross(branch).normalize()
  const e = new Euler().setFromRotationMatrix(new Matrix4().makeBasis(run, branch, z))
  return [e.x, e.y, e.z]
}
