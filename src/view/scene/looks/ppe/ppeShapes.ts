// The shapes of the PPE and tool looks: curved lenses and visors, glove outlines, rounded tool
// bodies and their leads (the worn shells, rims and the vest are in wornShapes.ts). Each one is made once per set of
// dimensions through sharedGeometry, so every part that draws it shares one geometry (and one
// batch of instances). Plain three.js, no React.
import {
  BufferGeometry,
  CatmullRomCurve3,
  ExtrudeGeometry,
  Float32BufferAttribute,
  Shape,
  TubeGeometry,
  Vector2,
  Vector3,
} from 'three'
import { sharedGeometry } from '../../resources.ts'

export type Point2 = readonly [number, number]
type Point3 = readonly [number, number, number]

/**
 * A sheet bent round a vertical cylinder of `radius` (a wrap-around lens or visor), its middle at
 * z = 0 facing +z and its sides curving back. `top(u)` and `bottom(u)` give its edges in y for u
 * from -1 (left) to 1 (right); `arc` is its width measured along the curve.
 */
export function bentSheet(
  key: string,
  arc: number,
  radius: number,
  top: (u: number) => number,
  bottom: (u: number) => number,
  columns = 24,
  rows = 3,
): BufferGeometry {
  return sharedGeometry(`ppe.sheet|${key}|${arc}|${radius}|${columns}|${rows}`, () => {
    const positions: number[] = []
    const uvs: number[] = []
    const index: number[] = []
    for (let j = 0; j <= rows; j++)
      for (let i = 0; i <= columns; i++) {
        const u = -1 + (2 * i) / columns
        const angle = (u * arc) / 2 / radius
        const y = bottom(u) + ((top(u) - bottom(u)) * j) / rows
        positions.push(radius * Math.sin(angle), y, radius * (Math.cos(angle) - 1))
        uvs.push(i / columns, j / rows)
      }
    for (let j = 0; j < rows; j++)
      for (let i = 0; i < columns; i++) {
        const a = j * (columns + 1) + i
        const c = a + columns + 1
        index.push(a, a + 1, c + 1, a, c + 1, c)
      }
    const g = new BufferGeometry()
    g.setAttribute('position', new Float32BufferAttribute(positions, 3))
    g.setAttribute('uv', new Float32BufferAttribute(uvs, 2))
    g.setIndex(index)
    g.computeVertexNormals()
    return g
  })
}

/** A tube of `radius` through `points` (a lead, a strap, a brow bar), smooth between them. */
export function tubeThrough(
  key: string,
  points: readonly Point3[],
  radius: number,
  segments = 24,
  sides = 6,
): BufferGeometry {
  return sharedGeometry(`ppe.tube|${key}|${radius}|${segments}|${sides}`, () => {
    const curve = new CatmullRomCurve3(points.map((p) => new Vector3(...p)))
    return new TubeGeometry(curve, segments, radius, sides, false)
  })
}

interface Slab {
  /** Thickness of the flat middle, metres. */
  readonly depth: number
  /** How far the rounded edge reaches, metres. */
  readonly round: number
}

/** A flat outline given a thickness and soft, rounded edges, centred on z = 0. */
export function slab(outline: readonly Point2[], { depth, round }: Slab): BufferGeometry {
  const g = new ExtrudeGeometry(new Shape(outline.map(([x, y]) => new Vector2(x, y))), {
    depth,
    steps: 1,
    bevelEnabled: true,
    bevelThickness: round,
    bevelSize: round,
    bevelOffset: -round,
    bevelSegments: 2,
  })
  g.translate(0, 0, -depth / 2)
  g.computeVertexNormals()
  return g
}

/** A rounded rectangle of `width` × `height` × `depth`, centred (tool bodies, holsters). */
export function roundedBox(width: number, height: number, depth: number, corner: number) {
  return sharedGeometry(`ppe.roundbox|${width}|${height}|${depth}|${corner}`, () => {
    const w = width / 2
    const h = height / 2
    const r = Math.min(corner, w, h)
    const outline: Point2[] = []
    const corners: [number, number, number][] = [
      [w - r, -h + r, -Math.PI / 2],
      [w - r, h - r, 0],
      [-w + r, h - r, Math.PI / 2],
      [-w + r, -h + r, Math.PI],
    ]
    for (const [cx, cy, a0] of corners)
      for (let k = 0; k <= 4; k++) {
        const a = a0 + (k / 4) * (Math.PI / 2)
        outline.push([cx + r * Math.cos(a), cy + r * Math.sin(a)])
      }
    const round = Math.min(depth / 3, r * 0.8)
    return slab(outline, { depth: depth - 2 * round, round })
  })
}

/** Pushes the points of an arc round (cx, cy) from angle a0 to a1 (radians, either way). */
function arcPoints(
  out: Point2[],
  cx: number,
  cy: number,
  r: number,
  a0: number,
  a1: number,
  n: number,
) {
  for (let k = 0; k <= n; k++) {
    const a = a0 + ((a1 - a0) * k) / n
    out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)])
  }
}

export interface GloveSize {
  /** 1 for a work glove's hand; larger for a rubber glove. */
  readonly hand: number
  /** Length of the cuff below the wrist (0: the hand alone, cut straight at the wrist). */
  readonly cuff: number
  /** Width of the cuff's open end. */
  readonly flare: number
  /** Thickness of the glove. */
  readonly depth: number
}

/**
 * The outline of a glove seen flat, fingers up, palm towards +z, with its thumb towards +x for the
 * right hand (`side` 1) and -x for the left (-1). The wrist is at y = 0. Pure.
 */
export function getGloveOutline(side: 1 | -1, size: GloveSize): Point2[] {
  const k = size.hand
  const pts: Point2[] = []
  if (size.cuff > 0) {
    pts.push([-size.flare / 2, -size.cuff], [size.flare / 2, -size.cuff])
  } else pts.push([-0.037 * k, -0.004], [0.037 * k, -0.004])
  pts.push([0.038 * k, 0], [0.045 * k, 0.022 * k])
  // the thumb, out from the palm's side at 40°
  const d: Point2 = [Math.sin(0.7), Math.cos(0.7)]
  const n: Point2 = [d[1], -d[0]]
  const w = 0.0125 * k
  const base: Point2 = [0.034 * k, 0.036 * k]
  const length = 0.052 * k
  const tip: Point2 = [base[0] + d[0] * length, base[1] + d[1] * length]
  pts.push([base[0] + n[0] * w, base[1] + n[1] * w])
  const na = Math.atan2(n[1], n[0])
  arcPoints(pts, tip[0], tip[1], w, na, na + Math.PI, 5)
  pts.push([0.037 * k, 0.07 * k])
  // four fingers, index to little
  const r = 0.0094 * k
  const fingers: [number, number, number, number][] = [
    // centre x, base y on its right, base y on its left, length
    [0.0315, 0.084, 0.096, 0.068],
    [0.0105, 0.096, 0.096, 0.077],
    [-0.0105, 0.096, 0.094, 0.071],
    [-0.0315, 0.092, 0.078, 0.056],
  ]
  for (const [cx, right, left, len] of fingers) {
    pts.push([(cx + 0.0094) * k, right * k])
    arcPoints(pts, cx * k, (Math.max(right, left) + len) * k - r, r, 0, Math.PI, 4)
    pts.push([(cx - 0.0094) * k, left * k])
  }
  pts.push([-0.046 * k, 0.05 * k], [-0.044 * k, 0.02 * k], [-0.038 * k, 0])
  return side === 1 ? pts : pts.map(([x, y]) => [-x, y] as const).reverse()
}

/** A glove (see getGloveOutline) as a soft slab. */
export function glove(side: 1 | -1, size: GloveSize): BufferGeometry {
  const key = `ppe.glove|${side}|${size.hand}|${size.cuff}|${size.flare}|${size.depth}`
  return sharedGeometry(key, () =>
    slab(getGloveOutline(side, size), { depth: size.depth * 0.4, round: size.depth * 0.3 }),
  )
}

/** A glove's cuff from the wrist (y = 0, `wrist` wide) down to its open end, as a soft slab. */
export function cuff(wrist: number, length: number, flare: number, depth: number) {
  return sharedGeometry(`ppe.cuff|${wrist}|${length}|${flare}|${depth}`, () =>
    slab(
      [
        [-flare / 2, -length],
        [flare / 2, -length],
        [wrist / 2, 0.004],
        [-wrist / 2, 0.004],
      ],
      { depth: depth * 0.4, round: depth * 0.3 },
    ),
  )
}
