// Mounting a component on another (spec amendment 1, `parent`): which components it may be
// mounted on without a cycle, where a part is in the world, and the edit that changes its parent
// while it stays where it is (its position, rotation and scale converted into the new parent's
// frame). Rotations are degrees about x, y, z applied as three.js applies them (order XYZ).
import { isJsonObject, type JsonValue } from '../json.ts'
import type { EditCommand, JsonObject } from './applyCommand.ts'

type Obj = { readonly [key: string]: JsonValue }
export type Xyz = [number, number, number]
/** A 4×4 matrix, column-major as three.js keeps one. */
type Mat4 = number[]

/** A part's place in some frame: position (m), rotation (degrees, XYZ) and scale. */
export interface Pose {
  readonly position: Xyz
  readonly rotation: Xyz
  readonly scale: Xyz
}

const DEG = Math.PI / 180

function components(doc: JsonObject): readonly JsonValue[] {
  const list = Object.hasOwn(doc, 'components') ? doc['components'] : undefined
  return Array.isArray(list) ? list : []
}

function idOf(c: JsonValue | undefined): string | undefined {
  return isJsonObject(c) && typeof c['id'] === 'string' ? c['id'] : undefined
}

function vec(value: JsonValue | undefined, fallback: number): Xyz {
  if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'number'))
    return [...(value as number[])] as Xyz
  if (typeof value === 'number') return [value, value, value]
  return [fallback, fallback, fallback]
}

/** The component's own pose, as written (in its parent's frame). Pure. */
export function ownPose(component: JsonValue | undefined): Pose {
  const c: Obj = isJsonObject(component) ? component : {}
  return {
    position: vec(c['position'], 0),
    rotation: vec(c['rotation'], 0),
    scale: vec(c['scale'], 1),
  }
}

/** The index of the component's parent in the document, or -1 for none (or an unknown one). */
function parentIndex(doc: JsonObject, index: number): number {
  const list = components(doc)
  const c = list[index]
  const parent = isJsonObject(c) ? c['parent'] : undefined
  if (typeof parent !== 'string') return -1
  return list.findIndex((other) => idOf(other) === parent)
}

/**
 * The ids of the components the component at `index` may be mounted on: every other component
 * with an id, except the ones mounted on it (directly or through others), which would make a
 * cycle. In document order. Pure.
 */
export function getParentChoices(doc: JsonObject, index: number): string[] {
  const list = components(doc)
  const out: string[] = []
  list.forEach((c, i) => {
    const id = idOf(c)
    if (id === undefined || i === index) return
    // walk up from i: reaching `index` means i is mounted on it
    const seen = new Set<number>([i])
    for (let p = parentIndex(doc, i); p >= 0 && !seen.has(p); p = parentIndex(doc, p)) {
      if (p === index) return
      seen.add(p)
    }
    out.push(id)
  })
  return out
}

// --- 4×4 matrices (column-major) ---

function compose({ position, rotation, scale }: Pose): Mat4 {
  const [x, y, z] = rotation.map((r) => r * DEG) as Xyz
  const a = Math.cos(x)
  const b = Math.sin(x)
  const c = Math.cos(y)
  const d = Math.sin(y)
  const e = Math.cos(z)
  const f = Math.sin(z)
  const ae = a * e
  const af = a * f
  const be = b * e
  const bf = b * f
  // three.js Matrix4.makeRotationFromEuler, order XYZ
  const r = [c * e, af + be * d, bf - ae * d, -c * f, ae - bf * d, be + af * d, d, -b * c, a * c]
  const [sx, sy, sz] = scale
  return [
    r[0]! * sx,
    r[1]! * sx,
    r[2]! * sx,
    0,
    r[3]! * sy,
    r[4]! * sy,
    r[5]! * sy,
    0,
    r[6]! * sz,
    r[7]! * sz,
    r[8]! * sz,
    0,
    position[0],
    position[1],
    position[2],
    1,
  ]
}

function multiply(m: Mat4, n: Mat4): Mat4 {
  const out: number[] = new Array<number>(16).fill(0)
  for (let col = 0; col < 4; col++)
    for (let row = 0; row < 4; row++) {
      let sum = 0
      for (let k = 0; k < 4; k++) sum += m[k * 4 + row]! * n[col * 4 + k]!
      out[col * 4 + row] = sum
    }
  return out
}

/** The inverse of an affine matrix (last row 0 0 0 1). */
function invert(m: Mat4): Mat4 {
  const [a, b, c, , d, e, f, , g, h, i] = m
  const det = a! * (e! * i! - f! * h!) - d! * (b! * i! - c! * h!) + g! * (b! * f! - c! * e!)
  if (Math.abs(det) < 1e-12) throw new Error('a frame with zero scale cannot be inverted')
  const inv = [
    (e! * i! - f! * h!) / det,
    (c! * h! - b! * i!) / det,
    (b! * f! - c! * e!) / det,
    (f! * g! - d! * i!) / det,
    (a! * i! - c! * g!) / det,
    (c! * d! - a! * f!) / det,
    (d! * h! - e! * g!) / det,
    (b! * g! - a! * h!) / det,
    (a! * e! - b! * d!) / det,
  ]
  const [tx, ty, tz] = [m[12]!, m[13]!, m[14]!]
  return [
    inv[0]!,
    inv[1]!,
    inv[2]!,
    0,
    inv[3]!,
    inv[4]!,
    inv[5]!,
    0,
    inv[6]!,
    inv[7]!,
    inv[8]!,
    0,
    -(inv[0]! * tx + inv[3]! * ty + inv[6]! * tz),
    -(inv[1]! * tx + inv[4]! * ty + inv[7]! * tz),
    -(inv[2]! * tx + inv[5]! * ty + inv[8]! * tz),
    1,
  ]
}

/** Position, rotation (XYZ, degrees) and scale of a matrix without shear. */
function decompose(m: Mat4): Pose {
  const len = (i: number) => Math.hypot(m[i]!, m[i + 1]!, m[i + 2]!)
  let sx = len(0)
  const sy = len(4)
  const sz = len(8)
  const det =
    m[0]! * (m[5]! * m[10]! - m[6]! * m[9]!) -
    m[4]! * (m[1]! * m[10]! - m[2]! * m[9]!) +
    m[8]! * (m[1]! * m[6]! - m[2]! * m[5]!)
  if (det < 0) sx = -sx
  const r11 = m[0]! / sx
  const r12 = m[4]! / sy
  const r13 = m[8]! / sz
  const r22 = m[5]! / sy
  const r23 = m[9]! / sz
  const r32 = m[6]! / sy
  const r33 = m[10]! / sz
  // three.js Euler.setFromRotationMatrix, order XYZ
  const y = Math.asin(Math.min(1, Math.max(-1, r13)))
  let x: number
  let z: number
  if (Math.abs(r13) < 0.9999999) {
    x = Math.atan2(-r23, r33)
    z = Math.atan2(-r12, r11)
  } else {
    x = Math.atan2(r32, r22)
    z = 0
  }
  return {
    position: [m[12]!, m[13]!, m[14]!],
    rotation: [x / DEG, y / DEG, z / DEG],
    scale: [sx, sy, sz],
  }
}

/** The matrix that takes the component's own frame to the world's, through its parents. */
function worldMatrix(doc: JsonObject, index: number): Mat4 {
  const list = components(doc)
  let m = compose(ownPose(list[index]))
  const seen = new Set<number>([index])
  for (let p = parentIndex(doc, index); p >= 0 && !seen.has(p); p = parentIndex(doc, p)) {
    seen.add(p)
    m = multiply(compose(ownPose(list[p])), m)
  }
  return m
}

/** The component's pose in the world's frame (through every parent). Pure. */
export function worldPose(doc: JsonObject, index: number): Pose {
  return decompose(worldMatrix(doc, index))
}

/** A point of the component's own frame (a pipe's point) in the world's frame. Pure. */
export function toWorld(doc: JsonObject, index: number, point: Xyz): Xyz {
  const m = worldMatrix(doc, index)
  const [x, y, z] = point
  return [0, 1, 2].map((r) => m[r]! * x + m[4 + r]! * y + m[8 + r]! * z + m[12 + r]!) as Xyz
}

const tidy = (n: number, step: number) => {
  const v = Math.round(n / step) * step
  // -0 and the float noise of the rounding read badly in a file
  return Number(v.toFixed(6)) + 0
}

/**
 * The edit that mounts the component at `index` on `parent` (undefined: on nothing, the world)
 * and keeps it where it is in the world: its position, rotation and scale are converted into the
 * new parent's frame (rounded to 0.1 mm and 0.01°; a scale of 1 stays unwritten). A parent
 * frame with shear (a non-uniform scale under a rotation) is kept as near as three numbers can.
 * Pure.
 */
export function mountCommand(
  doc: JsonObject,
  index: number,
  parent: string | undefined,
): EditCommand {
  const list = components(doc)
  const component = list[index]
  const world = worldMatrix(doc, index)
  const p = parent === undefined ? -1 : list.findIndex((c) => idOf(c) === parent)
  const local = p < 0 ? world : multiply(invert(worldMatrix(doc, p)), world)
  const pose = decompose(local)
  const path = ['components', index]
  const position = pose.position.map((v) => tidy(v, 0.0001))
  const rotation = pose.rotation.map((v) => tidy(v, 0.01))
  const scale = pose.scale.map((v) => tidy(v, 0.0001))
  const had = isJsonObject(component) ? component : {}
  const unit = scale.every((s) => s === 1)
  const uniform = scale.every((s) => s === scale[0])
  const commands: EditCommand[] = [
    { kind: 'set', path: [...path, 'parent'], value: parent },
    { kind: 'set', path: [...path, 'position'], value: position },
    {
      kind: 'set',
      path: [...path, 'rotation'],
      value: rotation.every((r) => r === 0) && had['rotation'] === undefined ? undefined : rotation,
    },
    {
      kind: 'set',
      path: [...path, 'scale'],
      value: unit && had['scale'] === undefined ? undefined : uniform ? scale[0]! : scale,
    },
  ]
  return { kind: 'batch', label: `mount ${idOf(component) ?? index}`, commands }
}
