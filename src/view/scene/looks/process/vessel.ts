// The shapes vessels share: a shell with 2:1 dished ends, and the nozzles on it.
import type { Detail } from '../types.ts'
import { cylinder, flangeSolids, lathe, sides, type Solid, type Triple } from './shapes.ts'

/**
 * The profile of a vertical shell of `radius` from `bottom` to `top`, each end dished to `depth`
 * (an ellipse, as a 2:1 head is; 0 for a flat end), for a lathe. Pure.
 */
export function getShellProfile(
  radius: number,
  bottom: number,
  top: number,
  depths: readonly [number, number],
  steps: number,
): [number, number][] {
  const out: [number, number][] = []
  const [low, high] = depths
  if (low > 0) {
    for (let k = 0; k <= steps; k++) {
      const a = (k / steps) * (Math.PI / 2)
      out.push([Math.max(1e-4, Math.sin(a) * radius), bottom + low - Math.cos(a) * low])
    }
  } else out.push([1e-4, bottom], [radius, bottom])
  if (high > 0) {
    for (let k = 0; k <= steps; k++) {
      const a = (k / steps) * (Math.PI / 2)
      out.push([Math.max(1e-4, Math.cos(a) * radius), top - high + Math.sin(a) * high])
    }
  } else out.push([radius, top], [1e-4, top])
  return out
}

/** A vertical shell with dished (or flat) ends, as one lathe solid. */
export function shellSolid(
  radius: number,
  bottom: number,
  top: number,
  depths: readonly [number, number],
  detail: Detail,
): Solid {
  return {
    geometry: lathe(
      getShellProfile(radius, bottom, top, depths, detail === 'simple' ? 4 : 8),
      sides(detail, 32),
    ),
  }
}

/**
 * A flanged nozzle of pipe diameter `size` standing out of a shell, from `from` out along the
 * horizontal direction at `angle` about y (0 = +x), `reach` long, or straight up or down.
 */
export function nozzleSolids(
  from: Triple,
  direction: 'up' | 'down' | number,
  reach: number,
  size: number,
  detail: Detail,
): Solid[] {
  const seg = sides(detail, 16)
  const out = (d: number): Triple => {
    if (direction === 'up') return [from[0], from[1] + d, from[2]]
    if (direction === 'down') return [from[0], from[1] - d, from[2]]
    return [from[0] + Math.cos(direction) * d, from[1], from[2] - Math.sin(direction) * d]
  }
  // a pipe along y, turned to the nozzle's direction
  const rotation: Triple =
    direction === 'up' || direction === 'down' ? [0, 0, 0] : [0, direction, -Math.PI / 2]
  const flange = flangeSolids([0, 0, 0], detail, 4).map((s) => ({
    ...s,
    at: out(reach - 0.11 * size),
    rotation: direction === 'up' || direction === 'down' ? ([0, 0, 0] as const) : rotation,
    scale: size,
  }))
  return [
    { geometry: cylinder(size / 2, reach, seg), at: out(reach / 2), rotation },
    // a flange has its hub first: keep the disc, the hub and no bolts at this size
    ...flange.slice(0, 2),
  ]
}
