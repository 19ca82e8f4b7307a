// The shapes the process looks are built from: lathes, merged solids, flanges and swept tubes,
// each made once per key (sharedGeometry) so that every part drawing the same shape shares one
// geometry and so one instanced batch. Plain three.js; nothing here knows the scenario.
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  CylinderGeometry,
  Euler,
  LatheGeometry,
  Matrix3,
  Matrix4,
  Quaternion,
  SphereGeometry,
  TorusGeometry,
  Vector2,
  Vector3,
} from 'three'
import { sharedGeometry } from '../../resources.ts'
import type { Detail } from '../types.ts'

export type Triple = readonly [number, number, number]

/** One solid of a merged shape: a geometry placed, turned and scaled in the shape's frame. */
export interface Solid {
  readonly geometry: BufferGeometry
  readonly at?: Triple
  readonly rotation?: Triple
  readonly scale?: Triple | number
}

/** How many sides a round shape has at each detail. */
export function sides(detail: Detail, detailed = 24): number {
  return detail === 'simple' ? Math.max(8, Math.round(detailed / 2)) : detailed
}

/** Merges solids into one non-indexed geometry of positions and normals (made once per key). */
export function mergedGeometry(key: string, make: () => readonly Solid[]): BufferGeometry {
  return sharedGeometry(`process|${key}`, () => mergeSolids(make()))
}

/** Merges solids into one geometry. Pure apart from disposing the solids it is given. */
export function mergeSolids(solids: readonly Solid[]): BufferGeometry {
  const positions: number[] = []
  const normals: number[] = []
  const m = new Matrix4()
  const n = new Matrix3()
  const v = new Vector3()
  for (const s of solids) {
    const scale = typeof s.scale === 'number' ? [s.scale, s.scale, s.scale] : (s.scale ?? [1, 1, 1])
    m.compose(
      new Vector3(...(s.at ?? [0, 0, 0])),
      new Quaternion().setFromEuler(new Euler(...(s.rotation ?? [0, 0, 0]))),
      new Vector3(scale[0], scale[1], scale[2]),
    )
    n.getNormalMatrix(m)
    const g = s.geometry.index ? s.geometry.toNonIndexed() : s.geometry
    const p = g.getAttribute('position')
    const q = g.getAttribute('normal')
    for (let i = 0; i < p.count; i++) {
      v.fromBufferAttribute(p, i).applyMatrix4(m)
      positions.push(v.x, v.y, v.z)
      v.fromBufferAttribute(q, i).applyMatrix3(n).normalize()
      normals.push(v.x, v.y, v.z)
    }
    if (g !== s.geometry) g.dispose()
    s.geometry.dispose()
  }
  const out = new BufferGeometry()
  out.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3))
  out.setAttribute('normal', new BufferAttribute(new Float32Array(normals), 3))
  out.computeBoundingSphere()
  return out
}

/** A solid of revolution about y from a profile of [radius, y] points. */
export function lathe(profile: readonly (readonly [number, number])[], segments: number) {
  return new LatheGeometry(
    profile.map(([r, y]) => new Vector2(r, y)),
    segments,
  )
}

/** A closed cylinder along y (radius, length), centred. */
export function cylinder(radius: number, length: number, segments: number, top = radius) {
  return new CylinderGeometry(top, radius, length, segments)
}

/** A slice of a disc about y, from +z round towards +x by `arc`. */
export function sector(radius: number, height: number, segments: number, arc: number) {
  return new CylinderGeometry(radius, radius, height, segments, 1, false, 0, arc)
}

export function box(x: number, y: number, z: number) {
  return new BoxGeometry(x, y, z)
}

export function sphere(radius: number, segments: number) {
  return new SphereGeometry(radius, segments, Math.max(6, Math.round(segments / 2)))
}

/** A ring about z; thin wires need only a few sides round the tube. */
export function torus(
  radius: number,
  tube: number,
  segments: number,
  arc = Math.PI * 2,
  tubeSides = 8,
) {
  return new TorusGeometry(radius, tube, tubeSides, segments, arc)
}

/** Turns a y-axis solid to lie along x, or along z. */
export const ALONG_X: Triple = [0, 0, -Math.PI / 2]
export const ALONG_Z: Triple = [Math.PI / 2, 0, 0]

/**
 * A pipe flange with its bolts, along x, centred at the origin, for a pipe of outside diameter 1:
 * the flange is 2.2 across and 0.22 thick, with nuts on both faces in detail.
 */
export function flangeSolids(at: Triple, detail: Detail, bolts = 8): Solid[] {
  const seg = sides(detail, 28)
  const solids: Solid[] = [
    { geometry: cylinder(1.1, 0.22, seg), at, rotation: ALONG_X },
    // the hub that is welded to the pipe
    { geometry: cylinder(0.62, 0.3, seg, 0.54), at: [at[0], at[1], at[2]], rotation: ALONG_X },
  ]
  if (detail === 'detailed') {
    for (let k = 0; k < bolts; k++) {
      const a = ((k + 0.5) * Math.PI * 2) / bolts
      const y = at[1] + Math.cos(a) * 0.86
      const z = at[2] + Math.sin(a) * 0.86
      solids.push({ geometry: cylinder(0.1, 0.36, 6), at: [at[0], y, z], rotation: ALONG_X })
    }
  }
  return solids
}

/** A hexagon nut or hex end of a threaded fitting along x, across-corners 1. */
export function hexSolid(at: Triple, length: number, across = 1): Solid {
  return { geometry: cylinder(across / 2, length, 6), at, rotation: [Math.PI / 6, 0, -Math.PI / 2] }
}

/** A ring of `count` radial fins around the x axis (a motor frame's cooling fins). */
export function finSolids(
  radius: number,
  length: number,
  depth: number,
  count: number,
  from = 0,
  to = Math.PI * 2,
): Solid[] {
  const solids: Solid[] = []
  for (let k = 0; k < count; k++) {
    const a = from + ((k + 0.5) * (to - from)) / count
    solids.push({
      geometry: box(length, depth, 0.008),
      at: [0, Math.cos(a) * (radius + depth / 2), Math.sin(a) * (radius + depth / 2)],
      rotation: [a, 0, 0],
    })
  }
  return solids
}

/** One point of a swept path with the direction the path runs there. */
export interface PathPoint {
  readonly at: Vector3
  readonly tangent: Vector3
}

/**
 * The centre line of a pipe run through `points`: straight between them, and bent round each
 * interior point with a bend radius of `bend` (less where a leg is short), sampled `steps` times
 * per bend. Pure.
 */
export function getPipePath(points: readonly Triple[], bend: number, steps: number): PathPoint[] {
  const p = points.map((q) => new Vector3(...q))
  // consecutive equal points make no direction
  const pts = p.filter((q, i) => i === 0 || q.distanceTo(p[i - 1]!) > 1e-6)
  if (pts.length < 2) return []
  const out: PathPoint[] = []
  const dir = (i: number) => pts[i + 1]!.clone().sub(pts[i]!).normalize()
  out.push({ at: pts[0]!.clone(), tangent: dir(0) })
  for (let i = 1; i < pts.length - 1; i++) {
    const a = dir(i - 1)
    const b = dir(i)
    const angle = a.angleTo(b)
    if (angle < 1e-3) continue
    const corner = pts[i]!
    // the bend starts this far before the corner, at most half of either leg
    const reach = Math.min(
      bend * Math.tan(angle / 2),
      corner.distanceTo(pts[i - 1]!) / 2,
      corner.distanceTo(pts[i + 1]!) / 2,
    )
    const start = corner.clone().addScaledVector(a, -reach)
    const end = corner.clone().addScaledVector(b, reach)
    for (let k = 0; k <= steps; k++) {
      const t = k / steps
      // a quadratic Bezier with the corner as its control point: a near-circular elbow
      const at = start
        .clone()
        .multiplyScalar((1 - t) * (1 - t))
        .addScaledVector(corner, 2 * (1 - t) * t)
        .addScaledVector(end, t * t)
      const tangent = corner
        .clone()
        .sub(start)
        .multiplyScalar(2 * (1 - t))
        .addScaledVector(end.clone().sub(corner), 2 * t)
        .normalize()
      out.push({ at, tangent })
    }
  }
  out.push({ at: pts[pts.length - 1]!.clone(), tangent: dir(pts.length - 2) })
  return out
}

/** A tube of `radius` swept along a path, its rings kept from twisting (parallel transport). */
export function sweepTube(path: readonly PathPoint[], radius: number, radial: number) {
  const positions: number[] = []
  const normals: number[] = []
  const indices: number[] = []
  if (path.length < 2) return new BufferGeometry()
  const t0 = path[0]!.tangent
  let normal = Math.abs(t0.y) < 0.9 ? new Vector3(0, 1, 0) : new Vector3(1, 0, 0)
  normal = normal.sub(t0.clone().multiplyScalar(normal.dot(t0))).normalize()
  let prev = t0
  const q = new Quaternion()
  for (const { at, tangent } of path) {
    q.setFromUnitVectors(prev, tangent)
    normal.applyQuaternion(q)
    prev = tangent
    const binormal = tangent.clone().cross(normal).normalize()
    for (let k = 0; k <= radial; k++) {
      const a = (k / radial) * Math.PI * 2
      const n = normal.clone().multiplyScalar(Math.cos(a)).addScaledVector(binormal, Math.sin(a))
      positions.push(at.x + n.x * radius, at.y + n.y * radius, at.z + n.z * radius)
      normals.push(n.x, n.y, n.z)
    }
  }
  for (let i = 0; i < path.length - 1; i++) {
    for (let k = 0; k < radial; k++) {
      const a = i * (radial + 1) + k
      const b = a + radial + 1
      indices.push(a, b, a + 1, b, b + 1, a + 1)
    }
  }
  // close both ends, so that an end left in the open does not show the inside of the tube
  for (const [i, outward] of [
    [0, -1],
    [path.length - 1, 1],
  ] as const) {
    const { at, tangent } = path[i]!
    const centre = positions.length / 3
    positions.push(at.x, at.y, at.z)
    normals.push(tangent.x * outward, tangent.y * outward, tangent.z * outward)
    for (let k = 0; k <= radial; k++) {
      const from = (i * (radial + 1) + k) * 3
      positions.push(positions[from]!, positions[from + 1]!, positions[from + 2]!)
      normals.push(tangent.x * outward, tangent.y * outward, tangent.z * outward)
    }
    for (let k = 0; k < radial; k++) {
      const a = centre + 1 + k
      if (outward > 0) indices.push(centre, a, a + 1)
      else indices.push(centre, a + 1, a)
    }
  }
  const g = new BufferGeometry()
  g.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3))
  g.setAttribute('normal', new BufferAttribute(new Float32Array(normals), 3))
  g.setIndex(indices)
  return g
}

/** The Euler angles that turn +x onto `direction`. */
export function turnX(direction: Vector3): Triple {
  const q = new Quaternion().setFromUnitVectors(new Vector3(1, 0, 0), direction.clone().normalize())
  const e = new Euler().setFromQuaternion(q)
  return [e.x, e.y, e.z]
}
