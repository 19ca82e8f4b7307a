// Where each part's label goes on the screen: next to its part, never over another label nor over
// another part's point, moved away with a leader line when the place next to it is taken, hidden
// when there is no room. Pure: screen points and box sizes in, boxes and lines out.

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Box {
  /** Left edge. */
  readonly x: number
  /** Top edge. */
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface Segment {
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
}

export interface LabelRequest {
  /** Who the label belongs to (a component index). */
  readonly key: number
  /** The part's point on the screen. */
  readonly anchor: Point
  readonly width: number
  readonly height: number
  /** How far from the anchor the label keeps at least, so it does not hide its own part. */
  readonly clearance: number
  /** Hovered, focused or needed by the current step: placed first, and shown even without room. */
  readonly priority: boolean
}

export interface LabelPlacement {
  readonly key: number
  /** Null: no room, the label is hidden. */
  readonly box: Box | null
  /** From the part's point to the label, when the label had to move away from its part. */
  readonly leader: Segment | null
  /** Which candidate place was taken (-1 for none); give it back as `previous` to keep it. */
  readonly slot: number
}

export interface LayoutOptions {
  /** The canvas. */
  readonly width: number
  readonly height: number
  /** Points of parts that no label may cover (a label may sit over its own key's point only). */
  readonly points?: readonly (Point & { readonly key: number })[]
  /** The slot each label had last time: kept while it is free and no nearer place is, so labels do not jump between frames. */
  readonly previous?: ReadonlyMap<number, number>
}

/** Space kept between two labels, and between a label and the canvas edge. */
export const LABEL_GAP = 3
/** How close to another part's point a label may come. */
export const POINT_CLEARANCE = 7
/** How much further than "next to the part" each ring of candidate places lies, in px. */
const RINGS = [0, 16, 34, 56, 84, 118] as const
// right, below, left, above, then the diagonals; further out, the directions in between as well
const NEAR_DIRECTIONS = [0, 90, 180, 270, 45, 135, 225, 315]
const FAR_DIRECTIONS = [...NEAR_DIRECTIONS, 22.5, 67.5, 112.5, 157.5, 202.5, 247.5, 292.5, 337.5]

interface Candidate {
  readonly ring: number
  readonly dx: number
  readonly dy: number
}

const CANDIDATES: readonly Candidate[] = RINGS.flatMap((ring, i) =>
  (i < 2 ? NEAR_DIRECTIONS : FAR_DIRECTIONS).map((deg) => ({
    ring,
    dx: round6(Math.cos((deg * Math.PI) / 180)),
    dy: round6(Math.sin((deg * Math.PI) / 180)),
  })),
)

/** How many candidate places a label has (slots 0 … SLOTS − 1). */
export const SLOTS = CANDIDATES.length

/** The slots of each ring, nearest ring first. */
const RING_SLOTS: readonly (readonly number[])[] = RINGS.map((ring) =>
  [...CANDIDATES.keys()].filter((slot) => CANDIDATES[slot]!.ring === ring),
)

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6
}

/**
 * Places every label it can, the priority ones first, then in the order given. A label takes the
 * first free candidate place (or the one it had before, among equally near ones): next to its part
 * first (right, below, left, above, diagonals), then on rings further away, joined to its part by
 * a leader line. A place is free when it lies in the
 * canvas, overlaps no placed label nor leader, and covers no other part's point; its own leader
 * may cross no placed label. A label with no free place is hidden, unless it is a priority one:
 * it then takes its first place in the canvas, and the others keep clear of it.
 */
export function layoutLabels(
  labels: readonly LabelRequest[],
  options: LayoutOptions,
): LabelPlacement[] {
  const order = [...labels.keys()].sort(
    (a, b) => Number(labels[b]!.priority) - Number(labels[a]!.priority) || a - b,
  )
  const placed: Box[] = []
  const leaders: Segment[] = []
  const result = new Array<LabelPlacement>(labels.length)
  for (const i of order) {
    const label = labels[i]!
    const previous = options.previous?.get(label.key)
    let chosen: LabelPlacement | undefined
    let fallback: LabelPlacement | undefined
    // the nearest ring with a free place; in it, the place the label had before if it is free
    for (const slots of RING_SLOTS) {
      for (const slot of slots) {
        const place = candidatePlace(label, slot)
        if (!inCanvas(place.box!, options)) continue
        fallback ??= place
        if (!isFree(label, place, placed, leaders, options)) continue
        if (!chosen || slot === previous) chosen = place
        if (slot === previous) break
      }
      if (chosen) break
    }
    chosen ??= label.priority ? fallback : undefined
    if (chosen) {
      placed.push(chosen.box!)
      if (chosen.leader) leaders.push(chosen.leader)
      result[i] = chosen
    } else result[i] = { key: label.key, box: null, leader: null, slot: -1 }
  }
  return result
}

/** The label's box and leader at candidate `slot`. */
export function candidatePlace(label: LabelRequest, slot: number): LabelPlacement {
  const { ring, dx, dy } = CANDIDATES[slot]!
  const { anchor, width, height, clearance } = label
  // the shortest way out along (dx, dy) until the box clears the anchor by `clearance`
  const out = Math.min(
    dx === 0 ? Infinity : (width / 2 + clearance) / Math.abs(dx),
    dy === 0 ? Infinity : (height / 2 + clearance) / Math.abs(dy),
  )
  const cx = anchor.x + dx * (out + ring)
  const cy = anchor.y + dy * (out + ring)
  const box = { x: cx - width / 2, y: cy - height / 2, width, height }
  if (ring === 0) return { key: label.key, box, leader: null, slot }
  const end = nearestOnBox(box, anchor)
  return {
    key: label.key,
    box,
    leader: { x1: anchor.x, y1: anchor.y, x2: end.x, y2: end.y },
    slot,
  }
}

function inCanvas(b: Box, o: LayoutOptions): boolean {
  return (
    b.x >= LABEL_GAP &&
    b.y >= LABEL_GAP &&
    b.x + b.width <= o.width - LABEL_GAP &&
    b.y + b.height <= o.height - LABEL_GAP
  )
}

function isFree(
  label: LabelRequest,
  place: LabelPlacement,
  placed: readonly Box[],
  leaders: readonly Segment[],
  o: LayoutOptions,
): boolean {
  const box = place.box!
  for (const other of placed) if (boxesOverlap(box, other, LABEL_GAP)) return false
  for (const p of o.points ?? []) {
    if (p.key !== label.key && pointInBox(p, box, POINT_CLEARANCE)) return false
  }
  for (const line of leaders) if (segmentHitsBox(line, box, 1)) return false
  const leader = place.leader
  if (leader) {
    for (const other of placed) if (segmentHitsBox(leader, other, 1)) return false
    for (const line of leaders) if (segmentsCross(leader, line)) return false
  }
  return true
}

/** Whether two boxes, each grown by `gap` / 2, overlap. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  )
}

function pointInBox(p: Point, b: Box, grow: number): boolean {
  return (
    p.x > b.x - grow &&
    p.x < b.x + b.width + grow &&
    p.y > b.y - grow &&
    p.y < b.y + b.height + grow
  )
}

/** The point of box `b` nearest to `p`. */
export function nearestOnBox(b: Box, p: Point): Point {
  return {
    x: Math.min(b.x + b.width, Math.max(b.x, p.x)),
    y: Math.min(b.y + b.height, Math.max(b.y, p.y)),
  }
}

/** Whether segment `s` passes through box `b` grown by `grow` (Liang–Barsky clipping). */
export function segmentHitsBox(s: Segment, b: Box, grow = 0): boolean {
  const dx = s.x2 - s.x1
  const dy = s.y2 - s.y1
  let t0 = 0
  let t1 = 1
  const edges: [number, number][] = [
    [-dx, s.x1 - (b.x - grow)],
    [dx, b.x + b.width + grow - s.x1],
    [-dy, s.y1 - (b.y - grow)],
    [dy, b.y + b.height + grow - s.y1],
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false
    } else {
      const r = q / p
      if (p < 0) t0 = Math.max(t0, r)
      else t1 = Math.min(t1, r)
      if (t0 > t1) return false
    }
  }
  return true
}

/** Whether two segments cross (touching ends do not count). */
export function segmentsCross(a: Segment, b: Segment): boolean {
  const d1 = cross(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)
  const d2 = cross(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
  const d3 = cross(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)
  const d4 = cross(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)
  return d1 * d2 < 0 && d3 * d4 < 0
}

function cross(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax)
}
