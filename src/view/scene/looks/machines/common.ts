// What the machines looks share: reading a two-way state, the finishes of the Simple look, and the
// shared geometries they are built from (lathes, extrusions, tubes, merged boxes), each cached by
// a key that holds every number its shape depends on.
import {
  BoxGeometry,
  CatmullRomCurve3,
  CylinderGeometry,
  ExtrudeGeometry,
  LatheGeometry,
  Shape,
  TubeGeometry,
  Vector2,
  Vector3,
  type BufferGeometry,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { sharedGeometry, type Finish } from '../../resources.ts'
import { stateIndex } from '../../parts/types.ts'
import type { Detail, LookProps } from '../types.ts'

type Triple = readonly [number, number, number]

/** The orange of high-voltage cables and parts on electric vehicles. */
export const HV_ORANGE = '#ef6c00'

/**
 * Whether `state` is the second of a look's two appearances (plug out, flag displayed, hose
 * coupled): a state `yes` names is, one `no` names is not, and any other counts by its place in
 * the component's states (the first state shows the first appearance).
 */
export function isSecond(
  props: Pick<LookProps, 'model' | 'index'>,
  state: string,
  yes: RegExp,
  no: RegExp,
): boolean {
  if (yes.test(state)) return true
  if (no.test(state)) return false
  return stateIndex(props.model, props.index, state) > 0
}

/** A finish of the Detailed look, or the matte/metal one of the Simple look. */
export function finishFor(detail: Detail, finish: Finish): Finish {
  if (detail === 'detailed') return finish
  if (finish === 'stainless') return 'metal'
  if (finish === 'painted' || finish === 'rubber') return 'matte'
  return finish
}

/** A surface of revolution about y from [radius, y] points. */
export function lathe(key: string, points: readonly (readonly [number, number])[], segments = 24) {
  return sharedGeometry(`machines:lathe:${key}:${segments}`, () =>
    new LatheGeometry(
      points.map(([r, y]) => new Vector2(r, y)),
      segments,
    ).toNonIndexed(),
  )
}

/** A flat outline in x/y extruded `depth` along z, centred on z = 0; `bevel` rounds its edges. */
export function extrusion(
  key: string,
  outline: readonly (readonly [number, number])[],
  depth: number,
  bevel = 0,
  holes: readonly (readonly (readonly [number, number])[])[] = [],
) {
  return sharedGeometry(`machines:extrude:${key}:${depth}:${bevel}`, () => {
    const shape = new Shape(outline.map(([x, y]) => new Vector2(x, y)))
    for (const hole of holes) shape.holes.push(new Shape(hole.map(([x, y]) => new Vector2(x, y))))
    const g = new ExtrudeGeometry(shape, {
      depth: depth - 2 * bevel,
      bevelEnabled: bevel > 0,
      bevelThickness: bevel,
      bevelSize: bevel,
      bevelSegments: 2,
      curveSegments: 8,
    })
    g.translate(0, 0, -depth / 2 + bevel)
    if (bevel > 0) {
      // the bevel grows the outline by its size all round: shrink it back to the outline's extent
      const xs = outline.map((p) => p[0])
      const ys = outline.map((p) => p[1])
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
      const cx = (x0 + x1) / 2
      const cy = (y0 + y1) / 2
      g.translate(-cx, -cy, 0)
      g.scale((x1 - x0) / (x1 - x0 + 2 * bevel), (y1 - y0) / (y1 - y0 + 2 * bevel), 1)
      g.translate(cx, cy, 0)
    }
    g.computeVertexNormals()
    return g
  })
}

/** A round tube of `radius` through points (a cable, a hose, a spring). */
export function tube(
  key: string,
  points: readonly Triple[],
  radius: number,
  segments = 32,
  sides = 6,
) {
  return sharedGeometry(`machines:tube:${key}:${radius}:${segments}:${sides}`, () => {
    const curve = new CatmullRomCurve3(points.map(([x, y, z]) => new Vector3(x, y, z)))
    return new TubeGeometry(curve, segments, radius, sides, false)
  })
}

/** A coil spring along y, from y = 0 to `height`. */
export function spring(radius: number, wire: number, height: number, turns: number) {
  const steps = Math.round(turns * 10)
  const points: Triple[] = []
  for (let i = 0; i <= steps; i++) {
    const a = (i / steps) * turns * Math.PI * 2
    points.push([Math.cos(a) * radius, (i / steps) * height, Math.sin(a) * radius])
  }
  return tube(`spring:${radius}:${wire}:${height}:${turns}`, points, wire, steps, 5)
}

/** Boxes given as [centre, size], merged into one geometry (a mesh panel, a grille, fins). */
export function mergedBoxes(key: string, boxes: () => readonly (readonly [Triple, Triple])[]) {
  return sharedGeometry(`machines:boxes:${key}`, () => {
    const parts = boxes().map(([[x, y, z], [w, h, d]]) => {
      const g = new BoxGeometry(w, h, d)
      g.translate(x, y, z)
      return g
    })
    const merged = mergeGeometries(parts)
    for (const g of parts) g.dispose()
    return merged
  })
}

/** Part of a cylinder's mantle about z (a belt's turn round a pulley), open, radius 1, length 1. */
export function arcShell(segments: number, start: number, length: number): BufferGeometry {
  return sharedGeometry(`machines:arc:${segments}:${start}:${length}`, () => {
    const g = new CylinderGeometry(1, 1, 1, segments, 1, true, start, length)
    g.rotateX(Math.PI / 2)
    return g
  })
}

/** The number of triangles of a geometry. */
export function triangles(g: BufferGeometry): number {
  return (g.index ? g.index.count : g.getAttribute('position').count) / 3
}
