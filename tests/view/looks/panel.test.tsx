// @vitest-environment jsdom
// Scene-graph tests of the panel looks: each look draws, in both details, within its triangle
// budget, and each state of a component looks different in the way a learner would see it: the
// handle's angle, the toggle up or down, the lamp lit, the head pressed in, the door swung open.
import { extend } from '@react-three/fiber'
import * as THREE from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOOK_NAMES, type Model } from '../../../src/core/index.ts'
import { getPieceLook } from '../../../src/view/scene/pieceBatches.ts'
import { LOOK_FAMILY } from '../../../src/view/scene/looks/registry.ts'
import type { Detail } from '../../../src/view/scene/looks/types.ts'
import { looks } from '../../../src/view/scene/looks/panel/index.ts'
import { isLatched } from '../../../src/view/scene/looks/panel/buttons.tsx'
import {
  isOnState,
  positionAngles,
  stateMark,
} from '../../../src/view/scene/looks/panel/common.tsx'
import { sevenSegmentCells } from '../../../src/view/scene/looks/panel/sevenSegment.tsx'
import { PEDESTAL_DROP } from '../../../src/view/scene/looks/panel/controlStation.tsx'
import { getIsolatorAngle } from '../../../src/view/scene/looks/panel/isolator.tsx'
import { loadTestModel, renderLook as renderLookOf } from './renderLook.tsx'

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
})

const PANEL_SCENARIO = {
  format: 'practica.scenario/1',
  id: 'panel-looks',
  version: '1.0.0',
  title: { en: 'Panel looks', 'zh-CN': '面板外观' },
  locales: ['en', 'zh-CN'],
  competencies: [{ id: 'C', title: 'C' }],
  components: [
    { id: 'estop', kind: 'button', label: 'E-stop', look: 'button.emergency-stop' },
    {
      id: 'estop_sw',
      kind: 'switch',
      label: 'Latched E-stop',
      look: 'button.emergency-stop',
      states: ['released', 'pressed'],
    },
    {
      id: 'start',
      kind: 'button',
      label: 'Start',
      look: 'button.flush',
      color: '#2e7d32',
      on: { press: [{ set: { volts: '42.5' } }] },
    },
    {
      id: 'reset',
      kind: 'button',
      label: 'Reset',
      look: 'button.illuminated',
      color: '#1565c0',
      params: { lamp: 'run_lamp' },
    },
    { id: 'run_lamp', kind: 'lamp', label: 'Run', look: 'lamp.pilot', lit: "iso == 'on'" },
    { id: 'iso', kind: 'switch', label: 'Isolator', look: 'switch.rotary-isolator' },
    {
      id: 'iso_panel',
      kind: 'switch',
      label: 'Door isolator',
      look: 'switch.rotary-isolator',
      params: { enclosure: false },
    },
    { id: 'key', kind: 'switch', label: 'Key', look: 'switch.key' },
    {
      id: 'mode',
      kind: 'selector',
      label: 'Mode',
      look: 'selector.legend',
      states: ['hand', 'off', 'auto'],
      initial: 'off',
      stateLabels: { hand: { en: 'Hand', 'zh-CN': '手动' } },
    },
    {
      id: 'brake',
      kind: 'selector',
      label: 'Brake valve',
      look: 'selector.lever',
      states: ['release', 'lap', 'service', 'emergency'],
    },
    {
      id: 'mcb',
      kind: 'breaker',
      label: 'MCB',
      look: 'breaker.mcb',
      params: { poles: 3 },
    },
    {
      id: 'mccb',
      kind: 'breaker',
      label: 'MCCB',
      look: 'breaker.mccb',
      states: ['off', 'on', 'tripped'],
    },
    {
      id: 'meter',
      kind: 'display',
      label: 'Voltmeter',
      look: 'display.panel-meter',
      value: 'volts',
      unit: 'V',
      decimals: 1,
    },
    {
      id: 'seg',
      kind: 'display',
      label: 'Counter',
      look: 'display.seven-segment',
      value: 'volts',
      decimals: 1,
      unit: 'V',
      params: { digits: 4 },
    },
    {
      id: 'gauge',
      kind: 'gauge',
      label: 'Pressure',
      look: 'gauge.bourdon',
      value: 'volts',
      min: 0,
      max: 100,
      unit: 'bar',
      params: { diameter: 0.1 },
    },
    {
      id: 'station',
      kind: 'static',
      look: 'static.control-station',
      params: { pedestal: true },
    },
    { id: 'cabinet', kind: 'static', look: 'static.cabinet', params: { width: 0.6 } },
    {
      id: 'door',
      kind: 'door',
      label: 'Cabinet door',
      look: 'door.cabinet',
      parent: 'cabinet',
      params: { hinge: 'right', width: 0.6 },
    },
    {
      id: 'door_left',
      kind: 'door',
      label: 'Left door',
      look: 'door.cabinet',
    },
  ],
  variables: [{ id: 'volts', initial: 0, min: 0, max: 500 }],
  steps: [{ id: 's1', title: 'Isolate', action: { action: 'set', target: 'iso', value: 'off' } }],
}

function panelModel(): Model {
  return loadTestModel(PANEL_SCENARIO)
}

/** Draws one component with its look, alone, and gives ways to act on it and read it back. */
async function renderLook(id: string, detail: Detail = 'detailed') {
  const { model, store, part, object, act, pieces, meshTriangles, renderer } = await renderLookOf(
    panelModel(),
    looks,
    id,
    detail,
  )
  /** The bounds of every piece, in the part's frame. */
  const bounds = () => {
    part.updateMatrixWorld(true)
    const box = new THREE.Box3()
    for (const p of pieces()) box.expandByObject(p)
    return box
  }
  return { model, store, object, act, pieces, triangles: meshTriangles, bounds, renderer }
}

const PANEL_LOOKS = LOOK_NAMES.filter((name) => LOOK_FAMILY[name] === 'panel')
const IDS = PANEL_SCENARIO.components.map((c) => c.id)

describe('the panel looks', () => {
  it('draws every look of the panel family', () => {
    expect(Object.keys(looks).sort()).toEqual([...PANEL_LOOKS].sort())
    const drawn = new Set(PANEL_SCENARIO.components.map((c) => c.look))
    expect(PANEL_LOOKS.filter((name) => !drawn.has(name))).toEqual([])
  })

  it('draws each look from instanced pieces, fewer in Simple, within 3,000 triangles', async () => {
    for (const id of IDS) {
      const detailed = await renderLook(id, 'detailed')
      const simple = await renderLook(id, 'simple')
      expect(detailed.pieces().length, id).toBeGreaterThan(0)
      expect(simple.pieces().length, id).toBeLessThanOrEqual(detailed.pieces().length)
      expect(detailed.triangles(), id).toBeLessThan(3000)
      await detailed.renderer.unmount()
      await simple.renderer.unmount()
    }
    // the small details are what Simple leaves out
    for (const id of ['estop', 'iso', 'mcb', 'mccb', 'gauge', 'cabinet', 'door']) {
      const detailed = await renderLook(id, 'detailed')
      const simple = await renderLook(id, 'simple')
      expect(simple.pieces().length, id).toBeLessThan(detailed.pieces().length)
    }
  })

  it('draws 22 mm devices at their real size, standing on the face at z = 0 toward +z', async () => {
    for (const id of ['start', 'reset', 'run_lamp', 'key', 'estop']) {
      const box = (await renderLook(id)).bounds()
      expect(box.min.z, id).toBeGreaterThanOrEqual(-0.002)
      expect(box.max.z, id).toBeGreaterThan(0.005)
      expect(box.max.z, id).toBeLessThan(0.06)
    }
    const flush = (await renderLook('start')).bounds()
    expect(flush.max.x - flush.min.x).toBeCloseTo(0.0298, 3)
    const estop = (await renderLook('estop')).bounds()
    // the yellow ring: 60 mm across
    expect(estop.max.x - estop.min.x).toBeCloseTo(0.06, 3)
  })
})

describe('each state looks different', () => {
  it('latches the emergency stop in when pressed, hiding its green band; a button one dips', async () => {
    const sw = await renderLook('estop_sw')
    const head = sw.object('head')
    const band = sw.object('released-band')
    expect(head.position.z).toBe(0)
    expect(getPieceLook(band)!.shown).toBe(true)
    await sw.act('set', 'estop_sw', 'pressed')
    expect(head.position.z).toBeLessThan(-0.004)
    expect(getPieceLook(band)!.shown).toBe(false)
    await sw.act('set', 'estop_sw', 'released')
    expect(head.position.z).toBe(0)

    const button = await renderLook('estop')
    const z = button.object('head').position.z
    await button.act('press', 'estop')
    expect(button.object('head').position.z).toBeLessThan(z)
  })

  it('dips the flush button while it was pressed last', async () => {
    const { object, act } = await renderLook('start')
    const up = object('head').position.z
    await act('press', 'start')
    expect(object('head').position.z).toBeLessThan(up)
    await act('set', 'iso', 'off')
    expect(object('head').position.z).toBe(up)
  })

  it('lights the pilot lamp and the illuminated button from the lamp, dull when not lit', async () => {
    for (const id of ['run_lamp', 'reset']) {
      const { object, act } = await renderLook(id)
      const lens = object('lens-dark')
      const dark = getPieceLook(lens)!
      await act('set', 'iso', 'on')
      expect(object('lens-lit'), id).toBe(lens)
      const lit = getPieceLook(lens)!
      expect(lit.finish, id).toBe('glow')
      expect(dark.finish, id).not.toBe('glow')
      // the unlit lens keeps its hue, darker
      const [a, b] = [new THREE.Color(dark.color), new THREE.Color(lit.color)]
      expect(a.getHSL({ h: 0, s: 0, l: 0 }).l).toBeLessThan(b.getHSL({ h: 0, s: 0, l: 0 }).l)
      await act('set', 'iso', 'off')
      expect(object('lens-dark'), id).toBe(lens)
      expect(getPieceLook(lens)!.finish).not.toBe('glow')
    }
  })

  it("turns the isolator's handle from 9 o'clock (off) to 12 (on), in its box or on a panel", async () => {
    for (const id of ['iso', 'iso_panel']) {
      const { object, act } = await renderLook(id)
      await act('set', id, 'off')
      expect(object('handle').rotation.z).toBeCloseTo(Math.PI / 2, 6)
      await act('set', id, 'on')
      expect(object('handle').rotation.z).toBeCloseTo(0, 6)
    }
    const boxed = (await renderLook('iso')).bounds()
    const bare = (await renderLook('iso_panel')).bounds()
    // the enclosure stands the handle 75 mm off the wall
    expect(boxed.max.z - bare.max.z).toBeCloseTo(0.075, 3)
  })

  it('turns the key, the selector knob and the brake lever to each position, first on the left', async () => {
    const cases: [string, string, readonly string[]][] = [
      ['key', 'key', ['off', 'on']],
      ['mode', 'knob', ['hand', 'off', 'auto']],
      ['brake', 'lever', ['release', 'lap', 'service', 'emergency']],
    ]
    for (const [id, name, states] of cases) {
      const { object, act } = await renderLook(id)
      const angles: number[] = []
      for (const s of states) {
        await act('set', id, s)
        angles.push(object(name).rotation.z)
      }
      expect(new Set(angles.map((a) => a.toFixed(3))).size, id).toBe(states.length)
      // anticlockwise is positive: the first position is left of the last
      expect(angles[0]!, id).toBeGreaterThan(angles[angles.length - 1]!)
    }
  })

  it('flips the breaker toggles up for on and down for off, the MCCB to the middle when tripped, and shows the flag', async () => {
    const mcb = await renderLook('mcb')
    expect(mcb.object('toggle').rotation.x).toBeGreaterThan(0)
    const flags = () => {
      const found: string[] = []
      mcb.object('toggle').parent!.traverse((o) => {
        if (o.name === 'flag') found.push(getPieceLook(o)!.color)
      })
      return found
    }
    expect(flags()).toHaveLength(3)
    const off = flags()
    await mcb.act('set', 'mcb', 'on')
    expect(mcb.object('toggle').rotation.x).toBeLessThan(0)
    expect(flags()[0]).not.toBe(off[0])
    expect(new Set(flags()).size).toBe(1)

    const mccb = await renderLook('mccb')
    await mccb.act('set', 'mccb', 'on')
    expect(mccb.object('toggle').rotation.x).toBeLessThan(0)
    const on = getPieceLook(mccb.object('flag'))!.color
    await mccb.act('set', 'mccb', 'tripped')
    expect(mccb.object('toggle').rotation.x).toBe(0)
    expect(getPieceLook(mccb.object('flag'))!.color).not.toBe(on)
  })

  it('shows the value on the panel meter and in lit segments, and turns the gauge needle', async () => {
    const meter = await renderLook('meter')
    expect(meter.object('screen').userData['text']).toBe('0.0')
    await meter.act('press', 'start')
    expect(meter.object('screen').userData['text']).toBe('42.5')

    const seg = await renderLook('seg')
    const lit = () => {
      let n = 0
      seg.object('digits').traverse((o) => {
        if (getPieceLook(o)?.finish === 'glow') n++
      })
      return n
    }
    // "0.0": 6 + point + 6 segments; "42.5": 4 + 5 + point + 5
    expect(lit()).toBe(13)
    await seg.act('press', 'start')
    expect(seg.object('digits').userData['text']).toBe('42.5')
    expect(lit()).toBe(15)

    const gauge = await renderLook('gauge')
    const zero = gauge.object('needle').rotation.z
    expect(zero).toBeCloseTo(0.75 * Math.PI, 6)
    await gauge.act('press', 'start')
    expect(gauge.object('needle').rotation.z).toBeCloseTo((0.75 - 1.5 * 0.425) * Math.PI, 6)
  })

  it('swings the cabinet door open toward the viewer about its hinge side', async () => {
    for (const [id, sign] of [
      ['door', 1],
      ['door_left', -1],
    ] as const) {
      const { object, act, bounds } = await renderLook(id)
      const closed = bounds()
      expect(object('leaf').rotation.y).toBeCloseTo(0, 9)
      await act('set', id, 'open')
      expect(Math.sign(object('leaf').rotation.y), id).toBe(sign)
      const open = bounds()
      // the free edge comes out toward the viewer, the door no longer covers the opening
      expect(open.max.z, id).toBeGreaterThan(closed.max.z + 0.3)
      expect(open.max.x - open.min.x, id).toBeLessThan(closed.max.x - closed.min.x)
    }
  })

  it('sizes the cabinet and the station from their parameters, the station on a pedestal to the floor', async () => {
    const cabinet = (await renderLook('cabinet')).bounds()
    expect(cabinet.max.x - cabinet.min.x).toBeCloseTo(0.6, 3)
    expect(cabinet.max.z).toBeCloseTo(0, 3)
    expect(cabinet.min.z).toBeCloseTo(-0.4, 3)
    // the plinth stands below the body
    expect(cabinet.min.y).toBeCloseTo(-0.9 - 0.1, 3)
    const station = (await renderLook('station')).bounds()
    expect(station.min.y).toBeCloseTo(-PEDESTAL_DROP, 3)
    expect(station.max.y).toBeCloseTo(0.225, 3)
  })
})

describe('what the panel looks read from a state', () => {
  it('reads on and off from common names, else from the order', () => {
    expect(isOnState(['off', 'on'], 'on')).toBe(true)
    expect(isOnState(['on', 'off'], 'off')).toBe(false)
    expect(isOnState(['open', 'closed'], 'closed')).toBe(true)
    expect(isOnState(['a', 'b'], 'b')).toBe(true)
    expect(isOnState(['a', 'b'], 'a')).toBe(false)
    expect(isLatched(['released', 'pressed'], 'pressed')).toBe(true)
    expect(isLatched(['off', 'on'], 'off')).toBe(false)
    expect(isLatched(['x', 'y'], 'y')).toBe(true)
  })

  it('marks positions 0 and I, a name that fits the plate, or a first letter', () => {
    const model = panelModel()
    const mode = model.componentIndex.get('mode')!
    const brake = model.componentIndex.get('brake')!
    expect(stateMark(model, mode, 'off')).toBe('0')
    expect(stateMark(model, mode, 'hand')).toBe('HAND')
    expect(stateMark(model, mode, 'auto')).toBe('AUTO')
    // four positions leave room for a letter each
    expect(stateMark(model, brake, 'emergency')).toBe('E')
    expect(stateMark(model, brake, 'lap')).toBe('L')
    const estop = model.componentIndex.get('estop_sw')!
    expect(stateMark(model, estop, 'pressed')).toBe('P')
    expect(stateMark(model, model.componentIndex.get('key')!, 'on')).toBe('I')
  })

  it('spreads positions evenly, symmetric about straight up', () => {
    expect(positionAngles(2)).toEqual([Math.PI / 4, -Math.PI / 4])
    const four = positionAngles(4)
    expect(four[0]).toBeCloseTo(-four[3]!, 9)
    expect(getIsolatorAngle(['off', 'on'], 'on')).toBe(0)
    expect(getIsolatorAngle(['a', 'b', 'c'], 'b')).toBeCloseTo(Math.PI / 4, 9)
  })

  it('lays a value out on 7-segment digits, right-aligned, with points and overflow', () => {
    expect(sevenSegmentCells('42.5', 4).map((c) => c.segments)).toEqual([
      '',
      'bcfg',
      'abdeg',
      'acdfg',
    ])
    expect(sevenSegmentCells('42.5', 4).map((c) => c.point)).toEqual([false, false, true, false])
    expect(sevenSegmentCells('123456', 4).every((c) => c.segments === 'g')).toBe(true)
  })
})
