// The shapes of the worn PPE: lathed shells and cups (a helmet, ear defenders), torus arcs (rims,
// headbands, straps), the vest, and flat plates (a helmet's peak). Apart from ppeShapes.ts so that
// a scenario whose items are glasses, gloves and tools does not download them. Each one is made
// once per set of dimensions through sharedGeometry. Plain three.js, no React.
import {
  ExtrudeGeometry,
  LatheGeometry,
  Shape,
  TorusGeometry,
  Vector2,
  type BufferGeometry,
} from 'three'
import { sharedGeometry } from '../../resources.ts'
import { slab, type Point2 } from './ppeShapes.ts'

/** A lathed shell round the y axis through `profile` ([radius, y] from the rim to the crown). */
export function lathe(key: string, profile: readonly Point2[], sides = 24): BufferGeometry {
  return sharedGeometry(`ppe.lathe|${key}|${sides}`, () => {
    // three turns a profile drawn from the bottom up to face outwards
    const g = new LatheGeometry(
      profile.map(([r, y]) => new Vector2(r, y)),
      sides,
    )
    g.computeVertexNormals()
    return g
  })
}

/** Part of a torus in the xy plane, from angle 0 counter-clockwise by `arc`. */
export function torusArc(
  key: string,
  radius: number,
  tube: number,
  arc: number,
  sides = 6,
  segments = 20,
): BufferGeometry {
  return sharedGeometry(
    `ppe.torus|${key}|${radius}|${tube}|${arc}|${sides}|${segments}`,
    () => new TorusGeometry(radius, tube, sides, segments, arc),
  )
}

/**
 * The outline of a vest seen from the front, hanging from its shoulders at y = `top`: a V neck
 * down the middle, shoulder straps, armholes and the body down to the hem. Pure.
 */
export function getVestOutline(width: number, height: number, top: number): Point2[] {
  const w = width / 2
  const hem = top - height
  const right: Point2[] = [
    [0.006, top - height * 0.42],
    [0.07, top + 0.004],
    [0.125, top - 0.01],
  ]
  // the armhole, curving in and down to the side seam
  for (let k = 1; k <= 5; k++) {
    const t = k / 5
    const x = 0.125 + (w - 0.01 - 0.125) * t * t - 0.02 * Math.sin(Math.PI * t)
    right.push([x, top - 0.01 - height * 0.36 * t])
  }
  right.push([w, top - height * 0.4], [w, hem], [0.006, hem])
  const left = right.map(([x, y]) => [-x, y] as const).reverse()
  return [...right, ...left]
}

/** A hanging vest (see getVestOutline) as a thin soft slab. */
export function vest(width: number, height: number, top: number): BufferGeometry {
  return sharedGeometry(`ppe.vest|${width}|${height}|${top}`, () =>
    slab(getVestOutline(width, height, top), { depth: 0.006, round: 0.004 }),
  )
}

/** A thin flat outline (a label, a peak) given a thickness, without rounded edges. */
export function plate(key: string, outline: readonly Point2[], depth: number): BufferGeometry {
  return sharedGeometry(`ppe.plate|${key}|${depth}`, () => {
    const g = new ExtrudeGeometry(new Shape(outline.map(([x, y]) => new Vector2(x, y))), {
      depth,
      bevelEnabled: false,
    })
    g.translate(0, 0, -depth / 2)
    return g
  })
}

/** The points of half an ellipse's rim (a helmet's peak), from +x round the front to -x. Pure. */
export function getHalfEllipse(rx: number, rz: number, n: number): Point2[] {
  const out: Point2[] = []
  for (let k = 0; k <= n; k++) {
    const a = (Math.PI * k) / n
    out.push([rx * Math.cos(a), rz * Math.sin(a)])
  }
  return out
}
