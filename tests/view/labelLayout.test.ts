// The label layout: labels next to their parts, never over each other nor over another part's
// point, moved away with a leader line when crowded, hidden when there is no room (priority ones
// stay), and stable between frames.
import { describe, expect, it } from 'vitest'
import {
  boxesOverlap,
  layoutLabels,
  nearestOnBox,
  segmentHitsBox,
  segmentsCross,
  type Box,
  type LabelPlacement,
  type LabelRequest,
} from '../../src/view/scene/labelLayout.ts'

const CANVAS = { width: 1280, height: 720 }

function label(key: number, x: number, y: number, extra: Partial<LabelRequest> = {}): LabelRequest {
  return { key, anchor: { x, y }, width: 120, height: 18, clearance: 10, priority: false, ...extra }
}

function shown(placements: readonly LabelPlacement[]): LabelPlacement[] {
  return placements.filter((p) => p.box !== null)
}

function expectNoOverlap(placements: readonly LabelPlacement[]) {
  const boxes = shown(placements).map((p) => p.box!)
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false)
}

function distance(box: Box, p: { x: number; y: number }): number {
  const n = nearestOnBox(box, p)
  return Math.hypot(n.x - p.x, n.y - p.y)
}

describe('layoutLabels', () => {
  it('puts a lone label right next to its part, clear of it, with no leader', () => {
    const [p] = layoutLabels([label(0, 400, 300)], CANVAS)
    expect(p!.box).not.toBeNull()
    expect(p!.leader).toBeNull()
    const d = distance(p!.box!, { x: 400, y: 300 })
    expect(d).toBeGreaterThanOrEqual(10)
    expect(d).toBeLessThan(12)
  })

  it('keeps labels of parts side by side apart, each near its part or joined to it by a line', () => {
    // a row of five buttons 30 px apart: the labels cannot all sit beside their parts
    const labels = [0, 1, 2, 3, 4].map((i) => label(i, 500 + i * 30, 360))
    const points = labels.map((l) => ({ key: l.key, ...l.anchor }))
    const placements = layoutLabels(labels, { ...CANVAS, points })
    expect(shown(placements)).toHaveLength(5)
    expectNoOverlap(placements)
    for (const p of placements) {
      const anchor = labels[p.key]!.anchor
      if (p.leader) {
        expect([p.leader.x1, p.leader.y1]).toEqual([anchor.x, anchor.y])
        const end = nearestOnBox(p.box!, anchor)
        expect([p.leader.x2, p.leader.y2]).toEqual([end.x, end.y])
      } else expect(distance(p.box!, anchor)).toBeLessThan(12)
    }
    expect(placements.some((p) => p.leader)).toBe(true)
  })

  it('never covers another part’s point, and no leader crosses a label or another leader', () => {
    const labels = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
      label(i, 600 + (i % 4) * 40, 340 + Math.floor(i / 4) * 30),
    )
    const points = labels.map((l) => ({ key: l.key, ...l.anchor }))
    const placements = layoutLabels(labels, { ...CANVAS, points })
    expectNoOverlap(placements)
    const visible = shown(placements)
    expect(visible.length).toBeGreaterThan(4)
    for (const p of visible) {
      for (const q of points) {
        if (q.key === p.key) continue
        const b = p.box!
        const inside = q.x > b.x && q.x < b.x + b.width && q.y > b.y && q.y < b.y + b.height
        expect(inside).toBe(false)
      }
      for (const q of visible) {
        if (q === p || !p.leader) continue
        expect(segmentHitsBox(p.leader, q.box!)).toBe(false)
        if (q.leader) expect(segmentsCross(p.leader, q.leader)).toBe(false)
      }
    }
  })

  it('hides what has no room, but a priority label always shows and the others keep clear of it', () => {
    // forty parts on one spot: far more labels than the space around it holds
    const labels = Array.from({ length: 40 }, (_, i) =>
      label(i, 640, 360, { priority: i === 39, width: 200, height: 30 }),
    )
    const placements = layoutLabels(labels, CANVAS)
    const visible = shown(placements)
    expect(visible.length).toBeLessThan(40)
    expect(visible.length).toBeGreaterThan(3)
    expect(placements[39]!.box).not.toBeNull()
    // the priority label took the best place: right next to the part
    expect(placements[39]!.leader).toBeNull()
    expectNoOverlap(placements)
  })

  it('keeps every label inside the canvas, moving it to the free side at an edge', () => {
    const placements = layoutLabels(
      [label(0, 1275, 5), label(1, 2, 715), label(2, 1278, 716)],
      CANVAS,
    )
    for (const p of shown(placements)) {
      const b = p.box!
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.y).toBeGreaterThanOrEqual(0)
      expect(b.x + b.width).toBeLessThanOrEqual(1280)
      expect(b.y + b.height).toBeLessThanOrEqual(720)
    }
    expect(shown(placements)).toHaveLength(3)
  })

  it('keeps the place a label had while it is free, among equally near ones', () => {
    const labels = [label(0, 400, 300)]
    const first = layoutLabels(labels, CANVAS)[0]!
    expect(first.slot).toBe(0)
    // below (slot 1) was taken last time: it stays there rather than jump to the right
    const again = layoutLabels(labels, { ...CANVAS, previous: new Map([[0, 1]]) })[0]!
    expect(again.slot).toBe(1)
    expect(again.box!.y).toBeGreaterThan(300)
    // but a place further out does not stick when one next to the part is free
    const far = layoutLabels(labels, { ...CANVAS, previous: new Map([[0, 40]]) })[0]!
    expect(far.slot).toBe(0)
  })

  it('is the same for the same input (no hidden state)', () => {
    const labels = [0, 1, 2, 3].map((i) => label(i, 300 + i * 20, 200 + i * 10))
    expect(layoutLabels(labels, CANVAS)).toEqual(layoutLabels(labels, CANVAS))
  })
})

describe('geometry helpers', () => {
  it('segmentHitsBox and segmentsCross', () => {
    const box = { x: 10, y: 10, width: 10, height: 10 }
    expect(segmentHitsBox({ x1: 0, y1: 15, x2: 30, y2: 15 }, box)).toBe(true)
    expect(segmentHitsBox({ x1: 0, y1: 0, x2: 30, y2: 5 }, box)).toBe(false)
    expect(segmentHitsBox({ x1: 0, y1: 0, x2: 5, y2: 5 }, box)).toBe(false)
    expect(segmentsCross({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 0, y1: 10, x2: 10, y2: 0 })).toBe(
      true,
    )
    expect(segmentsCross({ x1: 0, y1: 0, x2: 10, y2: 0 }, { x1: 0, y1: 5, x2: 10, y2: 5 })).toBe(
      false,
    )
  })
})
