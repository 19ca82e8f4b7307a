// @vitest-environment jsdom
// Scene-graph tests of the process looks: each look draws from instanced pieces within its
// triangle budget, and each state looks different the way an operator would see it: the lever
// along or across the pipe, the stem risen, the fan turning only while it runs, the filter bowl
// off, the sight glass full; and a pipe run follows its points.
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { extend } from '@react-three/fiber'
import * as THREE from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOOK_NAMES, type Model } from '../../../src/core/index.ts'
import { getPieceLook } from '../../../src/view/scene/pieceBatches.ts'
import { LOOK_FAMILY } from '../../../src/view/scene/looks/registry.ts'
import type { Detail } from '../../../src/view/scene/looks/types.ts'
import { looks } from '../../../src/view/scene/looks/process/index.ts'
import { GATE_STEM_RISE } from '../../../src/view/scene/looks/process/GateValve.tsx'
import { NEEDLE_RISE } from '../../../src/view/scene/looks/process/NeedleValve.tsx'
import { getTeePlaces } from '../../../src/view/scene/looks/process/Pipe.tsx'
import { SAFETY_LIFT } from '../../../src/view/scene/looks/process/SafetyValve.tsx'
import { getFill } from '../../../src/view/scene/looks/process/SightGlass.tsx'
import { getPipePath } from '../../../src/view/scene/looks/process/shapes.ts'
import { getOpening } from '../../../src/view/scene/looks/process/useOpening.ts'
import { loadTestModel, renderLook as renderLookOf } from './renderLook.tsx'

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
})

const PIPE_POINTS = [
  [0, 0, 0],
  [1, 0, 0],
  [1, 0.8, 0],
  [1, 0.8, -0.5],
]

const PROCESS_SCENARIO = {
  format: 'practica.scenario/1',
  id: 'process-looks',
  version: '1.0.0',
  title: { en: 'Process looks', 'zh-CN': '工艺设备外观' },
  locales: ['en', 'zh-CN'],
  competencies: [{ id: 'C', title: 'C' }],
  components: [
    {
      id: 'start',
      kind: 'button',
      label: 'Start',
      on: { press: [{ set: { run: '1', level: '50' } }] },
    },
    { id: 'gate', kind: 'valve', label: 'Gate valve', look: 'valve.gate' },
    {
      id: 'ball',
      kind: 'valve',
      label: 'Ball valve',
      look: 'valve.ball',
      states: ['closed', 'throttled', 'open'],
    },
    {
      id: 'ball_small',
      kind: 'valve',
      label: 'Small ball valve',
      look: 'valve.ball',
      params: { size: 0.02 },
    },
    { id: 'fly', kind: 'valve', label: 'Butterfly valve', look: 'valve.butterfly' },
    {
      id: 'fly_big',
      kind: 'valve',
      label: 'Large butterfly valve',
      look: 'valve.butterfly',
      params: { size: 0.3 },
    },
    {
      id: 'drain',
      kind: 'valve',
      label: 'Drain',
      look: 'valve.drain',
      states: ['closed', 'cracked', 'open'],
    },
    { id: 'needle', kind: 'valve', label: 'Needle valve', look: 'valve.needle' },
    { id: 'relief', kind: 'static', look: 'valve.safety' },
    { id: 'relief_test', kind: 'button', label: 'Test lever', look: 'valve.safety' },
    { id: 'relief_valve', kind: 'valve', label: 'Safety valve', look: 'valve.safety' },
    {
      id: 'pipe',
      kind: 'static',
      look: 'static.pipe',
      params: { points: PIPE_POINTS, size: 0.06, tees: [[0.4, 0, 0]] },
    },
    { id: 'pump', kind: 'machine', label: 'Pump', look: 'machine.pump', running: 'run > 0' },
    { id: 'motor', kind: 'machine', label: 'Motor', look: 'machine.motor', running: 'run > 0' },
    {
      id: 'compressor',
      kind: 'machine',
      label: 'Compressor',
      look: 'machine.compressor',
      running: 'run > 0',
    },
    { id: 'fan', kind: 'machine', label: 'Fan', look: 'machine.fan', running: 'run > 0' },
    {
      id: 'receiver',
      kind: 'static',
      look: 'static.receiver',
      params: { diameter: 0.5, height: 1.4 },
    },
    { id: 'tank', kind: 'static', look: 'static.tank' },
    { id: 'filter', kind: 'static', look: 'static.filter' },
    { id: 'filter_bowl', kind: 'door', label: 'Filter bowl', look: 'static.filter' },
    { id: 'strainer', kind: 'static', look: 'static.strainer' },
    {
      id: 'sight',
      kind: 'display',
      label: 'Sight glass',
      look: 'display.sight-glass',
      value: 'level',
    },
    {
      id: 'sight_lamp',
      kind: 'lamp',
      label: 'Flow glass',
      look: 'display.sight-glass',
      lit: 'run > 0',
    },
  ],
  variables: [
    { id: 'run', initial: 0, min: 0, max: 1 },
    { id: 'level', initial: 0, min: 0, max: 100 },
  ],
  steps: [{ id: 's1', title: 'Start', action: { action: 'press', target: 'start' } }],
}

function processModel(): Model {
  return loadTestModel(PROCESS_SCENARIO)
}

/** Draws one component with its look, alone, and gives ways to act on it and read it back. */
async function renderLook(id: string, detail: Detail = 'detailed') {
  const { model, object, act, pieces, pieceTriangles, renderer, part } = await renderLookOf(
    processModel(),
    looks,
    id,
    detail,
  )
  /** Where a point of `name`'s frame is in the part's frame. */
  const at = (name: string, point: THREE.Vector3Tuple = [0, 0, 0]) => {
    part.updateMatrixWorld(true)
    return part.worldToLocal(object(name).localToWorld(new THREE.Vector3(...point)))
  }
  return { model, object, act, pieces, triangles: pieceTriangles, at, renderer, part }
}

const PROCESS_LOOKS = LOOK_NAMES.filter((name) => LOOK_FAMILY[name] === 'process')
const IDS = PROCESS_SCENARIO.components.filter((c) => 'look' in c).map((c) => c.id)

describe('the process looks', () => {
  it('draws every look of the process family', () => {
    expect(Object.keys(looks).sort()).toEqual([...PROCESS_LOOKS].sort())
    const drawn = new Set(PROCESS_SCENARIO.components.map((c) => c.look))
    expect(PROCESS_LOOKS.filter((name) => !drawn.has(name))).toEqual([])
  })

  it('draws each look from instanced pieces within 4,000 triangles, fewer in Simple', async () => {
    for (const id of IDS) {
      const detailed = await renderLook(id, 'detailed')
      const simple = await renderLook(id, 'simple')
      expect(detailed.pieces().length, id).toBeGreaterThan(0)
      expect(simple.pieces().length, id).toBeLessThanOrEqual(detailed.pieces().length)
      expect(detailed.triangles(), id).toBeLessThan(4000)
      expect(simple.triangles(), id).toBeLessThan(detailed.triangles())
      // scenery is drawn by its look in Simple too: it leaves out the small details
      if (['relief', 'receiver', 'tank', 'filter'].includes(id))
        expect(simple.pieces().length, id).toBeLessThan(detailed.pieces().length)
      await detailed.renderer.unmount()
      await simple.renderer.unmount()
    }
  })

  it('shares one geometry between copies of a look', async () => {
    const a = await renderLook('gate')
    const b = await renderLook('gate')
    const uuids = (r: typeof a) => r.pieces().map((p) => p.geometry.uuid)
    expect(uuids(a)).toEqual(uuids(b))
  })
})

describe('each valve state looks different', () => {
  it('raises the gate valve stem through its turned handwheel as it opens', async () => {
    const { object, act } = await renderLook('gate')
    const closed = { stem: object('stem').position.y, wheel: object('handwheel').rotation.y }
    await act('set', 'gate', 'open')
    expect(object('stem').position.y - closed.stem).toBeCloseTo(GATE_STEM_RISE, 6)
    // turned, and not by a whole third: the three spokes stand elsewhere
    const turned = Math.abs(object('handwheel').rotation.y - closed.wheel) % ((Math.PI * 2) / 3)
    expect(turned).toBeGreaterThan(0.3)
  })

  it('lays the ball valve lever along the pipe when open, across it when closed, and between', async () => {
    const { object, act } = await renderLook('ball')
    const pointing = () => new THREE.Vector3(1, 0, 0).applyEuler(object('lever').rotation)
    expect(pointing().z).toBeCloseTo(1, 6)
    await act('set', 'ball', 'throttled')
    expect(pointing().x).toBeCloseTo(Math.SQRT1_2, 6)
    expect(pointing().z).toBeCloseTo(Math.SQRT1_2, 6)
    await act('set', 'ball', 'open')
    expect(pointing().x).toBeCloseTo(1, 6)
  })

  it('gives small ball valves threaded ends and large ones flanges', async () => {
    const small = await renderLook('ball_small')
    const large = await renderLook('ball')
    const body = (r: typeof small) => r.pieces()[0]!.geometry
    expect(body(small).uuid).not.toBe(body(large).uuid)
    body(small).computeBoundingBox()
    body(large).computeBoundingBox()
    // a flange stands out 1.1 diameters from the axis; a hex end 0.75
    expect(body(large).boundingBox!.min.y).toBeLessThan(-1.05)
    expect(body(small).boundingBox!.min.y).toBeGreaterThan(-0.9)
  })

  it('turns the butterfly disc and lever, or the gearbox arrow and wheel, with the state', async () => {
    const lever = await renderLook('fly')
    const before = [lever.object('disc').rotation.y, lever.object('lever').rotation.y]
    await lever.act('set', 'fly', 'open')
    expect(lever.object('disc').rotation.y - before[0]!).toBeCloseTo(Math.PI / 2, 6)
    expect(lever.object('lever').rotation.y).toBeCloseTo(0, 6)
    expect(before[1]).toBeCloseTo(-Math.PI / 2, 6)
    const geared = await renderLook('fly_big')
    expect(geared.part.getObjectByName('lever')).toBeUndefined()
    const arrow = geared.object('indicator').rotation.y
    const wheel = geared.object('handwheel').rotation.z
    await geared.act('set', 'fly_big', 'open')
    expect(geared.object('indicator').rotation.y).not.toBeCloseTo(arrow, 3)
    expect(geared.object('handwheel').rotation.z).not.toBeCloseTo(wheel, 3)
  })

  it('turns the drain lever part way when cracked, and raises and turns the needle valve handle', async () => {
    const drain = await renderLook('drain')
    const angles = [drain.object('lever').rotation.y]
    await drain.act('set', 'drain', 'cracked')
    angles.push(drain.object('lever').rotation.y)
    await drain.act('set', 'drain', 'open')
    angles.push(drain.object('lever').rotation.y)
    expect(angles[0]).toBeCloseTo(-Math.PI / 2, 6)
    expect(angles[1]).toBeCloseTo(-Math.PI / 4, 6)
    expect(angles[2]).toBeCloseTo(0, 6)
    const needle = await renderLook('needle')
    const closed = needle.at('stem', [1, 0, 0])
    await needle.act('set', 'needle', 'open')
    const open = needle.at('stem', [1, 0, 0])
    expect(open.y - closed.y).toBeCloseTo(NEEDLE_RISE * 0.015, 6)
    // the T-bar ends up square to where it was
    expect(Math.abs(open.x) + Math.abs(closed.z)).toBeLessThan(1e-6)
  })

  it('lifts the safety valve test lever while tested: open as a valve, pressed as a button', async () => {
    const valve = await renderLook('relief_valve')
    expect(valve.object('lever').rotation.z).toBe(0)
    await valve.act('set', 'relief_valve', 'open')
    expect(valve.object('lever').rotation.z).toBeCloseTo(SAFETY_LIFT, 6)
    expect(valve.object('spindle').position.y).toBeGreaterThan(0)
    const button = await renderLook('relief_test')
    await button.act('press', 'relief_test')
    expect(button.object('lever').rotation.z).toBeCloseTo(SAFETY_LIFT, 6)
    await button.act('press', 'start')
    expect(button.object('lever').rotation.z).toBe(0)
    const still = await renderLook('relief')
    expect(still.object('lever').rotation.z).toBe(0)
  })
})

describe('machines turn only while they run', () => {
  const turning = { pump: 'rotor', motor: 'rotor', compressor: 'flywheel', fan: 'rotor' }
  for (const [id, name] of Object.entries(turning)) {
    it(`turns the ${id}'s ${name} while running, and not while stopped`, async () => {
      const { object, act, renderer, part } = await renderLook(id)
      const angle = () => {
        const r = object(name).rotation
        return r.x + r.y + r.z
      }
      const state = () =>
        part.getObjectByName('machine-running') ?? part.getObjectByName('machine-stopped')
      const still = angle()
      await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(5, 1 / 60))
      expect(angle()).toBe(still)
      expect(state()!.name).toBe('machine-stopped')
      await act('press', 'start')
      expect(state()!.name).toBe('machine-running')
      await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(5, 1 / 60))
      const moved = angle()
      expect(Math.abs(moved - still)).toBeGreaterThan(0.1)
      await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(5, 1 / 60))
      expect(Math.abs(angle() - moved)).toBeGreaterThan(0.1)
    })
  }
})

describe('vessels, filters and sight glasses', () => {
  it('takes the filter bowl off while its door is open, leaving the element', async () => {
    const { object, act, pieces } = await renderLook('filter_bowl')
    expect(object('bowl').visible).toBe(true)
    const shown = pieces().length
    await act('set', 'filter_bowl', 'open')
    expect(object('bowl').visible).toBe(false)
    // the head and the element stay
    expect(shown).toBeGreaterThan(object('bowl').children.length + 2)
    await act('set', 'filter_bowl', 'closed')
    expect(object('bowl').visible).toBe(true)
    expect((await renderLook('filter')).object('bowl').visible).toBe(true)
  })

  it('fills the sight glass to the level in percent, or full while a lamp kind is lit', async () => {
    const display = await renderLook('sight')
    const liquid = display.object('liquid')
    expect(getPieceLook(liquid)!.shown).toBe(false)
    await display.act('press', 'start')
    expect(getPieceLook(liquid)!.shown).toBe(true)
    expect(liquid.userData['fill']).toBeCloseTo(0.5, 6)
    const lamp = await renderLook('sight_lamp')
    expect(getPieceLook(lamp.object('liquid'))!.shown).toBe(false)
    await lamp.act('press', 'start')
    expect(lamp.object('liquid').userData['fill']).toBe(1)
    expect(getPieceLook(lamp.object('liquid'))!.shown).toBe(true)
  })

  it('reads how full a glass is and how open a valve is from their values', () => {
    expect([getFill(true), getFill(false), getFill(undefined)]).toEqual([1, 0, 0])
    expect([getFill(0), getFill(12.5), getFill(230), getFill(-4)]).toEqual([0, 0.125, 1, 0])
    expect([getFill('water'), getFill('empty'), getFill('')]).toEqual([1, 0, 0])
    expect(getOpening(['closed', 'open'], 'open')).toBe(1)
    expect(getOpening(['closed', 'open'], 'closed')).toBe(0)
    expect(getOpening(['closed', 'throttled', 'half', 'open'], 'half')).toBeCloseTo(2 / 3, 9)
    expect(getOpening(['open', 'half', 'shut'], 'half')).toBe(0.5)
  })

  it('stands the receiver and the tank on the floor at their size', async () => {
    const receiver = await renderLook('receiver')
    const box = new THREE.Box3()
    receiver.part.updateMatrixWorld(true)
    for (const p of receiver.pieces()) box.expandByObject(p)
    expect(box.min.y).toBeCloseTo(0, 2)
    // the top nozzle stands 8 cm above the head
    expect(box.max.y).toBeCloseTo(1.48, 2)
    expect(box.max.x - box.min.x).toBeGreaterThan(0.5)
    // the tank's shell stands upright: as wide at its top as at its foot
    const tank = await renderLook('tank')
    const shell = tank.pieces()[0]!.geometry
    const p = shell.getAttribute('position')
    const v = new THREE.Vector3()
    const low = new THREE.Box3()
    const high = new THREE.Box3()
    for (let i = 0; i < p.count; i++) {
      v.fromBufferAttribute(p, i)
      if (v.y > 0.07 && v.y < 0.09) low.expandByPoint(v)
      if (v.y > 1.37 && v.y < 1.39) high.expandByPoint(v)
    }
    expect(low.min.x).toBeCloseTo(-0.3, 2)
    expect(high.min.x).toBeCloseTo(-0.3, 2)
    expect(high.max.z).toBeCloseTo(0.3, 2)
  })
})

describe('a pipe run', () => {
  it('follows its points, with an elbow at each corner, flanges at its ends and its tee', async () => {
    const { pieces, object, part } = await renderLook('pipe')
    const run = object('pipe-run') as THREE.Mesh
    run.geometry.computeBoundingBox()
    const box = run.geometry.boundingBox!
    // from the first point to the last, a pipe radius around them
    expect(box.min.x).toBeCloseTo(0, 3)
    expect(box.min.y).toBeCloseTo(-0.03, 3)
    expect(box.max.x).toBeCloseTo(1.03, 2)
    expect(box.max.y).toBeCloseTo(0.83, 2)
    expect(box.min.z).toBeCloseTo(-0.5, 2)
    // its wall lies a pipe radius from the centre line, its closed ends within it
    const path = getPipePath(PIPE_POINTS as [number, number, number][], 0.09, 8)
    const p = run.geometry.getAttribute('position')
    const v = new THREE.Vector3()
    const segment = new THREE.Line3()
    const closest = new THREE.Vector3()
    let wall = 0
    for (let i = 0; i < p.count; i++) {
      v.fromBufferAttribute(p, i)
      let d = Infinity
      for (let k = 0; k < path.length - 1; k++) {
        segment.set(path[k]!.at, path[k + 1]!.at)
        d = Math.min(d, segment.closestPointToPoint(v, true, closest).distanceTo(v))
      }
      expect(d).toBeLessThan(0.031)
      if (d > 0.024) wall++
    }
    expect(wall / p.count).toBeGreaterThan(0.8)
    // the corner is bent round, not cut: no vertex reaches past the outside of the bend
    expect(path.length).toBeGreaterThan(PIPE_POINTS.length)
    part.updateMatrixWorld(true)
    const flanges = pieces().filter((m) => m.name === 'flange')
    expect(flanges.map((f) => f.position.toArray().map((n) => Math.round(n * 100) / 100))).toEqual([
      [0.01, 0, 0],
      [1, 0.8, -0.49],
    ])
    const tee = pieces().find((m) => m.name === 'tee')!
    expect(tee.position.toArray()).toEqual([0.4, 0, 0])
    // its branch leaves upwards from a horizontal run
    expect(new THREE.Vector3(0, 1, 0).applyEuler(tee.rotation).y).toBeCloseTo(1, 6)
  })

  it('makes one geometry per run: another run of other points gets its own', async () => {
    const a = await renderLook('pipe')
    const b = await renderLook('pipe')
    expect(a.object('pipe-run')).not.toBe(b.object('pipe-run'))
    expect((a.object('pipe-run') as THREE.Mesh).geometry).toBe(
      (b.object('pipe-run') as THREE.Mesh).geometry,
    )
  })

  it('sends a tee off the run towards its point when the point lies off it', () => {
    const [on, off] = getTeePlaces(
      [
        [0, 0, 0],
        [2, 0, 0],
      ],
      [
        [0.5, 0, 0],
        [1.5, -0.4, 0],
      ],
      0.05,
    )
    expect(on!.at.toArray()).toEqual([0.5, 0, 0])
    expect(on!.end).toBeUndefined()
    expect(off!.at.toArray()).toEqual([1.5, 0, 0])
    expect(off!.branch.toArray()).toEqual([0, -1, 0])
    expect(off!.end!.toArray()).toEqual([1.5, -0.4, 0])
  })
})
