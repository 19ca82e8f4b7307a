// @vitest-environment jsdom
// Scene-graph tests of the machines looks: each look draws, in both details, from instanced pieces
// within its triangle budget and at its real size; and each state looks plainly different: the
// guard swings open, the belt's cleats travel only while the conveyor runs, the inverter's display
// lights while it runs, the flag flies or lies furled, the service plug sits in its socket or
// beside it, the battery clamp sits on its post or lies aside in its boot, and the brake hoses are
// joined or hang on their dummies. None of it re-renders React.
import { extend } from '@react-three/fiber'
import * as THREE from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOOK_NAMES, type Model } from '../../../src/core/index.ts'
import { getPieceLook } from '../../../src/view/scene/pieceBatches.ts'
import { LOOK_FAMILY } from '../../../src/view/scene/looks/registry.ts'
import type { Detail } from '../../../src/view/scene/looks/types.ts'
import { beltPoint, BELT_SPEED } from '../../../src/view/scene/looks/machines/Conveyor.tsx'
import { GUARD_SWING } from '../../../src/view/scene/looks/machines/Guard.tsx'
import { looks } from '../../../src/view/scene/looks/machines/index.ts'
import { RAIL_TOP } from '../../../src/view/scene/looks/machines/railway.tsx'
import { loadTestModel, renderLook as renderLookOf } from './renderLook.tsx'

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
})

const part = (id: string, kind: string, look: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind,
  label: id,
  look,
  ...extra,
})

const MACHINES_SCENARIO = {
  format: 'practica.scenario/1',
  id: 'machines-looks',
  version: '1.0.0',
  title: { en: 'Machines looks', 'zh-CN': '机器外观' },
  locales: ['en', 'zh-CN'],
  competencies: [{ id: 'C', title: 'C' }],
  components: [
    { id: 'start', kind: 'button', label: 'Start', on: { press: [{ set: { speed: '1' } }] } },
    { id: 'stop', kind: 'button', label: 'Stop', on: { press: [{ set: { speed: '0' } }] } },
    part('conveyor', 'machine', 'machine.conveyor', {
      running: 'speed > 0',
      params: { length: 4, width: 0.5, height: 0.9 },
    }),
    part('idle_conveyor', 'static', 'machine.conveyor'),
    part('guard', 'door', 'door.guard', { params: { width: 0.6, height: 0.5 } }),
    part('inverter', 'machine', 'static.inverter', { running: 'speed > 0' }),
    part('inverter_box', 'static', 'static.inverter'),
    part('pv', 'static', 'static.pv-array', { params: { rows: 1, columns: 3, tilt: 30 } }),
    part('car', 'static', 'static.car', { color: '#607d8b' }),
    part('plug', 'switch', 'switch.service-plug', { states: ['installed', 'removed'] }),
    part('plug_on_off', 'switch', 'switch.service-plug'),
    part('battery', 'switch', 'switch.battery-terminal', {
      states: ['connected', 'disconnected'],
    }),
    part('bogie', 'static', 'static.bogie'),
    part('wagon', 'static', 'static.rail-vehicle', { params: { length: 8 } }),
    part('loco', 'static', 'static.rail-vehicle', { params: { type: 'locomotive' } }),
    part('track', 'static', 'static.track', { params: { length: 6 } }),
    part('flag', 'switch', 'switch.flag', { states: ['stowed', 'displayed'] }),
    part('hose', 'switch', 'switch.hose-coupling', { states: ['uncoupled', 'coupled'] }),
    part('bench', 'static', 'static.workbench'),
    part('wall', 'static', 'static.wall', { params: { width: 3, height: 2.4, depth: 0.1 } }),
    part('floor', 'static', 'static.floor', { params: { width: 8, depth: 7 } }),
    part('key_safe', 'static', 'static.key-safe'),
    part('trolley', 'static', 'static.trolley'),
  ],
  variables: [{ id: 'speed', initial: 0, min: 0, max: 1 }],
  steps: [{ id: 's1', title: 'Start', action: { action: 'press', target: 'start' } }],
}

const LOOKED = MACHINES_SCENARIO.components.filter((c) => 'look' in c).map((c) => c.id)
/** The big looks, allowed up to 10,000 triangles; every other stays under 3,000. */
const BIG = new Set(['conveyor', 'idle_conveyor', 'pv', 'car', 'bogie', 'wagon', 'loco', 'track'])

function machinesModel(): Model {
  return loadTestModel(MACHINES_SCENARIO)
}

/** Draws one component with its look, alone, and gives ways to act on it and read it back. */
async function renderLook(id: string, detail: Detail = 'detailed') {
  const look = await renderLookOf(machinesModel(), looks, id, detail, { profile: true })
  const { part: root, object, find, act, frames, pieces, renderer, commits } = look
  /** The bounds of the shown pieces under `under` (the whole look by default), in world space. */
  const bounds = (under: THREE.Object3D = root) => {
    root.updateMatrixWorld(true)
    const box = new THREE.Box3()
    under.traverse((o) => {
      if (getPieceLook(o)?.shown) box.expandByObject(o, true)
    })
    return box
  }
  const world = (name: string) => {
    root.updateMatrixWorld(true)
    return object(name).getWorldPosition(new THREE.Vector3())
  }
  const triangles = look.pieceTriangles
  return { object, find, act, frames, pieces, triangles, bounds, world, renderer, commits }
}

const MACHINES_LOOKS = LOOK_NAMES.filter((name) => LOOK_FAMILY[name] === 'machines')

describe('the machines looks', () => {
  it('draws every look of the machines family', () => {
    expect(Object.keys(looks).sort()).toEqual([...MACHINES_LOOKS].sort())
    const drawn = new Set(MACHINES_SCENARIO.components.map((c) => ('look' in c ? c.look : '')))
    expect(MACHINES_LOOKS.filter((name) => !drawn.has(name))).toEqual([])
  })

  it('draws each look from instanced pieces, no more in Simple, within its triangle budget', async () => {
    let fewer = 0
    for (const id of LOOKED) {
      const detailed = await renderLook(id, 'detailed')
      const simple = await renderLook(id, 'simple')
      const n = detailed.pieces().length
      expect(n, id).toBeGreaterThan(0)
      expect(simple.pieces().length, id).toBeLessThanOrEqual(n)
      if (simple.pieces().length < n) fewer++
      expect(detailed.triangles(), id).toBeLessThan(BIG.has(id) ? 10_000 : 3000)
      // every piece's mesh is invisible: the batches draw it
      expect(
        detailed.pieces().every((p) => !p.visible),
        id,
      ).toBe(true)
      await detailed.renderer.unmount()
      await simple.renderer.unmount()
    }
    // all but the looks with nothing to spare draw fewer pieces in Simple
    expect(fewer).toBeGreaterThanOrEqual(LOOKED.length - 3)
  })

  it('draws things at their real size, standing on their origin', async () => {
    const size = async (id: string) => {
      const look = await renderLook(id)
      const box = look.bounds()
      await look.renderer.unmount()
      return { box, size: box.getSize(new THREE.Vector3()) }
    }
    const conveyor = await size('conveyor')
    expect(conveyor.size.x).toBeCloseTo(4, 1)
    expect(conveyor.box.min.y).toBeCloseTo(0, 2)
    const belt = await renderLook('conveyor')
    // the belt's top at the given height
    expect(belt.bounds(belt.object('belt-top')).max.y).toBeCloseTo(0.9, 3)
    await belt.renderer.unmount()
    const car = await size('car')
    expect(car.size.x).toBeGreaterThan(4.1)
    expect(car.size.x).toBeLessThan(4.4)
    expect(car.size.y).toBeCloseTo(1.55, 1)
    expect(car.box.min.y).toBeCloseTo(0, 2)
    const bogie = await size('bogie')
    // treads on the rail plane; only the flanges reach below it, inside the rails
    expect(bogie.box.min.y).toBeLessThan(0)
    expect(bogie.box.min.y).toBeGreaterThan(-0.04)
    expect(bogie.size.x).toBeGreaterThan(2.6)
    const track = await size('track')
    expect(track.size.x).toBeCloseTo(6, 1)
    expect(track.box.max.y).toBeCloseTo(RAIL_TOP, 2)
    const wall = await size('wall')
    expect(wall.size.y).toBeCloseTo(2.4, 2)
    expect(wall.size.x).toBeCloseTo(3, 2)
    const floor = await size('floor')
    // the floor's top is at its origin: things stand on it at y = 0
    expect(floor.box.max.y).toBeLessThan(0.01)
    expect(floor.box.max.y).toBeGreaterThan(0)
    expect(floor.size.x).toBeCloseTo(8, 2)
    // a wall-mounted inverter: its back on the wall at z = 0, its front towards the viewer
    const inverter = await size('inverter_box')
    expect(inverter.box.min.z).toBeCloseTo(0, 2)
    expect(inverter.box.max.z).toBeGreaterThan(0.19)
    const keySafe = await size('key_safe')
    expect(keySafe.box.min.z).toBeCloseTo(0, 2)
    expect(Math.max(keySafe.size.x, keySafe.size.y)).toBeLessThan(0.3)
  })

  it('swings the guard open about its hinge towards the viewer, and back shut', async () => {
    const look = await renderLook('guard')
    const leaf = look.object('leaf')
    expect(leaf.rotation.y).toBe(-0)
    const shut = look.bounds(leaf)
    await look.act('set', 'guard', 'open')
    expect(leaf.rotation.y).toBeCloseTo(-GUARD_SWING, 6)
    const open = look.bounds(leaf)
    // swung out towards the viewer (+z), its free edge no longer across the opening
    expect(open.max.z).toBeGreaterThan(shut.max.z + 0.4)
    expect(open.max.x).toBeLessThan(shut.max.x - 0.4)
    await look.act('set', 'guard', 'closed')
    expect(leaf.rotation.y).toBeCloseTo(0, 6)
    expect(look.commits).toEqual(['mount'])
  })

  it('moves the belt only while the conveyor runs, at its belt speed', async () => {
    const look = await renderLook('conveyor')
    const cleat = look.object('cleat')
    const at = () => cleat.position.clone()
    expect(look.object('machine-stopped')).toBeDefined()
    const still = at()
    await look.frames(30)
    expect(at().toArray()).toEqual(still.toArray())
    await look.act('press', 'start')
    expect(look.find('machine-running')).toBeDefined()
    await look.frames(30)
    const moved = at()
    // half a second on the top run: the cleat travels towards the head (+x) at the belt's speed
    expect(moved.x - still.x).toBeCloseTo(BELT_SPEED * 0.5, 2)
    expect(moved.y).toBeCloseTo(still.y, 6)
    await look.act('press', 'stop')
    expect(look.find('machine-stopped')).toBeDefined()
    await look.frames(30)
    expect(at().toArray()).toEqual(moved.toArray())
    expect(look.commits).toEqual(['mount'])
  })

  it('never runs a conveyor drawn as a static installation', async () => {
    const look = await renderLook('idle_conveyor')
    const cleat = look.object('cleat')
    const still = cleat.position.toArray()
    await look.frames(30)
    expect(cleat.position.toArray()).toEqual(still)
    expect(look.find('machine-stopped')).toBeDefined()
  })

  it('takes the belt round a closed loop over both pulleys', () => {
    const run = 3
    const radius = 0.1
    const loop = 2 * run + 2 * Math.PI * radius
    for (let s = 0; s < loop; s += 0.01) {
      const [x0, y0] = beltPoint(s, run, radius, 0.5)
      const [x1, y1] = beltPoint(s + 0.01, run, radius, 0.5)
      // no jumps: each centimetre along the belt moves a centimetre or less
      expect(Math.hypot(x1 - x0, y1 - y0)).toBeLessThan(0.0101)
    }
    expect(beltPoint(0, run, radius, 0.5)).toEqual(beltPoint(loop, run, radius, 0.5))
    // the top run carries towards the head, the return run comes back under it
    expect(beltPoint(1, run, radius, 0.5)).toEqual([-0.5, 0.6, 0])
    expect(beltPoint(run + Math.PI * radius + 1, run, radius, 0.5)[1]).toBeCloseTo(0.4, 6)
  })

  it("lights the inverter's display and green LED while it runs, and never as a static one", async () => {
    const look = await renderLook('inverter')
    const screen = look.object('screen-off')
    const led = look.object('led-run')
    expect(getPieceLook(screen)!.finish).not.toBe('glow')
    expect(getPieceLook(led)!.finish).not.toBe('glow')
    await look.act('press', 'start')
    expect(screen.name).toBe('screen-on')
    expect(getPieceLook(screen)!.finish).toBe('glow')
    expect(getPieceLook(led)).toMatchObject({ finish: 'glow', color: '#17b13a' })
    await look.act('press', 'stop')
    expect(getPieceLook(screen)!.finish).not.toBe('glow')
    const box = await renderLook('inverter_box')
    expect(box.find('screen-off')).toBeDefined()
    expect(getPieceLook(box.object('led-run'))!.finish).not.toBe('glow')
  })

  it('flies the blue flag at the top of its post when displayed, furled at its foot when stowed', async () => {
    const look = await renderLook('flag')
    const flag = look.object('flag-stowed')
    expect(getPieceLook(look.object('cloth'))!.shown).toBe(false)
    expect(getPieceLook(look.object('furled'))!.shown).toBe(true)
    const low = look.world('furled').y
    await look.act('set', 'flag', 'displayed')
    expect(flag.name).toBe('flag-displayed')
    expect(getPieceLook(look.object('cloth'))!.shown).toBe(true)
    expect(getPieceLook(look.object('furled'))!.shown).toBe(false)
    const cloth = look.bounds(look.object('cloth'))
    expect(cloth.min.y).toBeGreaterThan(low + 0.6)
    // the flag stands out from its post
    expect(cloth.max.x).toBeGreaterThan(0.5)
    await look.act('set', 'flag', 'stowed')
    expect(flag.name).toBe('flag-stowed')
    expect(look.world('furled').y).toBeCloseTo(low, 6)
  })

  it('seats the service plug in its socket when installed and lays it beside when removed', async () => {
    const look = await renderLook('plug')
    const plug = look.object('plug-installed')
    const seated = look.bounds(plug)
    // in the socket: over it, and no further out than the socket's flange
    expect(Math.abs(seated.getCenter(new THREE.Vector3()).x)).toBeLessThan(0.01)
    expect(seated.max.y).toBeGreaterThan(0.12)
    await look.act('set', 'plug', 'removed')
    expect(plug.name).toBe('plug-removed')
    const beside = look.bounds(plug)
    expect(beside.min.x).toBeGreaterThan(0.075)
    expect(beside.max.y).toBeLessThan(0.11)
    // a switch with plain on/off states: off is the plug pulled, on the plug in place
    const onOff = await renderLook('plug_on_off')
    expect(onOff.find('plug-removed')).toBeDefined()
    await onOff.act('set', 'plug_on_off', 'on')
    expect(onOff.find('plug-installed')).toBeDefined()
  })

  it('lifts the negative clamp off its post and insulates it when the 12 V battery is disconnected', async () => {
    const look = await renderLook('battery')
    const clamp = look.object('clamp-on')
    const on = look.world('clamp-on')
    expect(getPieceLook(look.object('boot'))!.shown).toBe(false)
    await look.act('set', 'battery', 'disconnected')
    expect(clamp.name).toBe('clamp-off')
    const off = look.world('clamp-off')
    expect(on.distanceTo(off)).toBeGreaterThan(0.1)
    expect(off.y).toBeGreaterThan(on.y)
    expect(getPieceLook(look.object('boot'))!.shown).toBe(true)
    await look.act('set', 'battery', 'connected')
    expect(clamp.name).toBe('clamp-on')
    expect(getPieceLook(look.object('boot'))!.shown).toBe(false)
  })

  it('joins the brake hoses between the vehicles when coupled and hangs them on their dummies when not', async () => {
    const look = await renderLook('hose')
    const heads = () => {
      const found: THREE.Object3D[] = []
      look.renderer.scene.instance.traverse((o) => {
        if (o.name.startsWith('head-')) found.push(o)
      })
      return found
    }
    expect(heads()).toHaveLength(2)
    for (const h of heads()) {
      expect(h.name).toBe('head-uncoupled')
      expect(Math.abs(h.position.x)).toBeGreaterThan(0.4)
    }
    await look.act('set', 'hose', 'coupled')
    for (const h of heads()) {
      expect(h.name).toBe('head-coupled')
      expect(Math.abs(h.position.x)).toBeLessThan(0.1)
    }
    const shown = look.pieces().filter((p) => getPieceLook(p)!.shown).length
    await look.act('set', 'hose', 'uncoupled')
    // one hose shape per side is drawn at a time
    expect(look.pieces().filter((p) => getPieceLook(p)!.shown).length).toBe(shown)
    expect(look.commits).toEqual(['mount'])
  })

  it('shows the car as an electric one: orange HV cables and a battery pack under the floor', async () => {
    const look = await renderLook('car')
    const cables = look.pieces().filter((p) => p.name === 'hv-cable')
    expect(cables.length).toBeGreaterThanOrEqual(2)
    for (const c of cables) expect(getPieceLook(c)!.color).toBe('#ef6c00')
    const pack = look.bounds(look.object('hv-battery'))
    expect(pack.max.y).toBeLessThan(0.35)
    expect(pack.getSize(new THREE.Vector3()).x).toBeGreaterThan(1.8)
    // the body takes the component's colour
    expect(look.pieces().some((p) => getPieceLook(p)!.color === '#607d8b')).toBe(true)
  })
})
