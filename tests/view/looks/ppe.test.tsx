// @vitest-environment jsdom
// Scene-graph tests of the PPE and tool looks: each look draws, in both details, within its
// triangle budget and at its real size; an item hangs on its hook while stored and leaves the hook
// empty for the row of worn items when worn; a tool shows its value (digits, LEDs, dial) and a
// press the way a learner would see it.
import { extend } from '@react-three/fiber'
import * as THREE from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOOK_NAMES, type Model } from '../../../src/core/index.ts'
import { getPieceLook } from '../../../src/view/scene/pieceBatches.ts'
import { LOOK_FAMILY } from '../../../src/view/scene/looks/registry.ts'
import type { Detail } from '../../../src/view/scene/looks/types.ts'
import { getWornPlace } from '../../../src/view/scene/looks/ppe/HangingItem.tsx'
import { looks } from '../../../src/view/scene/looks/ppe/index.ts'
import { getMeterMode } from '../../../src/view/scene/looks/ppe/Multimeter.tsx'
import { getGloveOutline } from '../../../src/view/scene/looks/ppe/ppeShapes.ts'
import { getLitLevels } from '../../../src/view/scene/looks/ppe/VoltageTester.tsx'
import { loadTestModel, renderLook as renderLookOf } from './renderLook.tsx'

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
})

const item = (id: string, look: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'item',
  label: id,
  look,
  ...extra,
})

const PPE_SCENARIO = {
  format: 'practica.scenario/1',
  id: 'ppe-looks',
  version: '1.0.0',
  title: { en: 'PPE looks', 'zh-CN': '防护用品外观' },
  locales: ['en', 'zh-CN'],
  competencies: [{ id: 'C', title: 'C' }],
  components: [
    item('glasses', 'item.safety-glasses'),
    item('gloves', 'item.work-gloves', { color: '#8d6e63' }),
    item('insulating', 'item.insulating-gloves'),
    item('shield', 'item.face-shield', { color: '#29b6f6' }),
    item('muffs', 'item.ear-defenders'),
    item('helmet', 'item.helmet', { color: '#f4f4f4' }),
    item('vest', 'item.hi-vis-vest', { color: '#ff9800' }),
    item('meter_item', 'item.multimeter'),
    item('tester_item', 'item.voltage-tester'),
    item('radio_item', 'item.radio'),
    {
      id: 'meter',
      kind: 'display',
      label: 'Multimeter',
      look: 'item.multimeter',
      value: 'volts',
      unit: 'V',
      decimals: 1,
    },
    {
      id: 'tester',
      kind: 'gauge',
      label: 'Voltage tester',
      look: 'item.voltage-tester',
      value: 'volts',
      min: 0,
      max: 1000,
      unit: 'V',
    },
    { id: 'tester_button', kind: 'button', label: 'Test', look: 'item.voltage-tester' },
    {
      id: 'radio',
      kind: 'button',
      label: 'Radio',
      look: 'item.radio',
      on: { press: [{ set: { volts: '230' } }] },
    },
    item('vest_on', 'item.hi-vis-vest', { initial: 'worn' }),
    { id: 'rack', kind: 'static', look: 'static.ppe-rack' },
    {
      id: 'radio_on_rack',
      kind: 'button',
      label: 'Radio on the rack',
      look: 'item.radio',
      parent: 'rack',
      position: [0, 0.1, 0.09],
    },
    { id: 'wide_rack', kind: 'static', look: 'static.ppe-rack', params: { width: 1, height: 1.2 } },
  ],
  variables: [{ id: 'volts', initial: 0, min: 0, max: 1000 }],
  steps: [{ id: 's1', title: 'Glasses', action: { action: 'wear', target: 'glasses' } }],
}

const ITEMS = PPE_SCENARIO.components
  .filter((c) => c.kind === 'item' && c.id !== 'vest_on')
  .map((c) => c.id)
const IDS = PPE_SCENARIO.components.map((c) => c.id)

function ppeModel(): Model {
  return loadTestModel(PPE_SCENARIO)
}

/** Draws one component with its look, alone, and gives ways to act on it and read it back. */
async function renderLook(id: string, detail: Detail = 'detailed') {
  const look = await renderLookOf(ppeModel(), looks, id, detail)
  const { model, store, scene, part, find, object, act, frames, pieces, renderer } = look
  /** The camera the scene is drawn with. */
  const camera = () =>
    (
      scene as unknown as { __r3f: { root: { getState: () => { camera: THREE.Camera } } } }
    ).__r3f.root.getState().camera
  const triangles = look.meshTriangles
  /** The bounds of the pieces under `root` (the whole part by default), in world space. */
  const bounds = (root: THREE.Object3D = part) => {
    part.updateMatrixWorld(true)
    const box = new THREE.Box3()
    root.traverse((o) => {
      if (getPieceLook(o)) box.expandByObject(o, true)
    })
    return box
  }
  return { model, store, find, object, act, frames, camera, pieces, triangles, bounds, renderer }
}

const PPE_LOOKS = LOOK_NAMES.filter((name) => LOOK_FAMILY[name] === 'ppe')

describe('the ppe looks', () => {
  it('draws every look of the ppe family', () => {
    expect(Object.keys(looks).sort()).toEqual([...PPE_LOOKS].sort())
    const drawn = new Set(PPE_SCENARIO.components.map((c) => c.look))
    expect(PPE_LOOKS.filter((name) => !drawn.has(name))).toEqual([])
  })

  it('draws each look from instanced pieces, fewer in Simple, within 3,000 triangles', async () => {
    for (const id of IDS) {
      const detailed = await renderLook(id, 'detailed')
      const simple = await renderLook(id, 'simple')
      expect(detailed.pieces().length, id).toBeGreaterThan(0)
      expect(simple.pieces().length, id).toBeLessThan(detailed.pieces().length)
      expect(detailed.triangles(), id).toBeLessThan(3000)
      await detailed.renderer.unmount()
      await simple.renderer.unmount()
    }
  })

  it('hangs each item below its hook, at its real size', async () => {
    // the largest extent of each item, metres, within a few centimetres
    const sizes: Record<string, number> = {
      glasses: 0.15,
      gloves: 0.26,
      insulating: 0.4,
      shield: 0.26,
      muffs: 0.23,
      helmet: 0.28,
      vest: 0.56,
      meter_item: 0.25,
      tester_item: 0.3,
      radio_item: 0.19,
    }
    for (const id of ITEMS) {
      const look = await renderLook(id)
      const hook = look.object('hook')
      expect(hook.position.toArray(), id).toEqual([0, 0, 0])
      const box = look.bounds(look.object('item-stored'))
      const size = box.getSize(new THREE.Vector3())
      expect(Math.max(size.x, size.y, size.z), id).toBeCloseTo(sizes[id]!, 1)
      // hanging: most of it below the hook, and off the board the hook is screwed to
      expect(box.min.y, id).toBeLessThan(-0.04)
      expect(box.min.y + box.max.y, id).toBeLessThan(0)
      expect(box.max.y, id).toBeLessThan(0.1)
      expect(box.min.z, id).toBeGreaterThan(-0.072)
      await look.renderer.unmount()
    }
  })

  it('draws the PPE station at its width and height, the wall at z = 0', async () => {
    const narrow = (await renderLook('rack')).bounds()
    const wide = (await renderLook('wide_rack')).bounds()
    expect(narrow.max.x - narrow.min.x).toBeCloseTo(0.4, 2)
    expect(narrow.max.y - narrow.min.y).toBeCloseTo(0.7, 1)
    expect(wide.max.x - wide.min.x).toBeCloseTo(1, 2)
    expect(wide.max.y - wide.min.y).toBeCloseTo(1.2, 1)
    expect(narrow.min.z).toBeCloseTo(0, 3)
    expect(narrow.max.z).toBeGreaterThan(0.1)
  })
})

describe('stored and worn look different', () => {
  it('takes a worn item off its hook to the row of worn items, and back when removed', async () => {
    for (const id of ITEMS) {
      const look = await renderLook(id)
      const stored = look.object('item-stored')
      const hook = look.object('hook')
      const onHook = stored.getWorldPosition(new THREE.Vector3())
      expect(look.find('item-worn'), id).toBeUndefined()
      // a camera up and to the side, looking at the rack
      const view = look.camera()
      view.position.set(1, 1.5, 2)
      view.lookAt(0, 0, 0)
      view.updateMatrixWorld()
      await look.act('wear', id)
      expect(look.find('item-worn'), id).toBe(stored)
      expect(look.find('item-stored'), id).toBeUndefined()
      await look.frames(60)
      const worn = stored.getWorldPosition(new THREE.Vector3())
      // gone from the hook, which stays where it was, empty
      expect(worn.distanceTo(onHook), id).toBeGreaterThan(0.5)
      expect(hook.position.toArray(), id).toEqual([0, 0, 0])
      expect(getPieceLook(hook.children[0]!)!.shown, id).toBe(true)
      // held small, in front of the camera, facing the learner
      expect(stored.scale.x, id).toBeLessThan(0.4)
      const camera = look.camera()
      const seen = camera.worldToLocal(worn.clone())
      expect(seen.z, id).toBeLessThan(-0.2)
      expect(seen.y, id).toBeLessThan(0)
      const facing = stored.getWorldQuaternion(new THREE.Quaternion())
      expect(facing.angleTo(camera.getWorldQuaternion(new THREE.Quaternion())), id).toBeLessThan(
        0.01,
      )
      await look.act('remove', id)
      expect(look.find('item-stored'), id).toBe(stored)
      await look.frames(60)
      expect(stored.getWorldPosition(new THREE.Vector3()).distanceTo(onHook), id).toBeLessThan(
        0.002,
      )
      expect(stored.scale.x, id).toBeCloseTo(1, 2)
      await look.renderer.unmount()
    }
  })

  it('shows an item worn from the start at once in its worn place, not flying from the hook', async () => {
    const look = await renderLook('vest_on')
    const vest = look.object('item-worn')
    const seen = look.camera().worldToLocal(vest.getWorldPosition(new THREE.Vector3()))
    expect(seen.z).toBeLessThan(-0.2)
    expect(seen.y).toBeLessThan(0)
    // and then stays there, following the camera
    await look.frames(2)
    const view = look.camera()
    view.position.set(-1, 1, 3)
    view.lookAt(0, 0, 0)
    view.updateMatrixWorld()
    await look.frames(1)
    const after = view.worldToLocal(vest.getWorldPosition(new THREE.Vector3()))
    expect(after.distanceTo(seen)).toBeLessThan(0.001)
  })

  it('holds worn items in a row along the bottom of any view, each clear of the last', () => {
    const camera = new THREE.PerspectiveCamera(50, 16 / 9)
    const first = getWornPlace(camera, 0, new THREE.Vector3())
    const second = getWornPlace(camera, 1, new THREE.Vector3())
    // in front of the camera, nearer than equipment it stands close to, beyond its near plane
    expect(first.z).toBeLessThan(-0.2)
    expect(first.z).toBeGreaterThan(-0.6)
    const half = -first.z * Math.tan((25 * Math.PI) / 180)
    expect(first.y).toBeLessThan(-half / 2)
    expect(first.y).toBeGreaterThan(-half)
    expect(first.x).toBeGreaterThan((half * (16 / 9)) / 2)
    expect(first.x).toBeLessThan(half * (16 / 9))
    expect((first.x - second.x) / -first.z).toBeGreaterThan(0.12)
    // a narrower field of view brings the row in with its edges
    const narrow = getWornPlace(new THREE.PerspectiveCamera(30, 16 / 9), 0, new THREE.Vector3())
    expect(narrow.y).toBeGreaterThan(first.y)
  })

  it('draws a tool of another kind where it stands, with nothing to wear, on a hook only on a PPE station', async () => {
    for (const id of ['meter', 'tester', 'radio', 'radio_on_rack']) {
      const look = await renderLook(id)
      expect(look.find('hook') === undefined, id).toBe(id !== 'radio_on_rack')
      expect(look.find('item-stored'), id).toBeUndefined()
      await look.renderer.unmount()
    }
  })
})

describe('the tools show their values and presses', () => {
  it("shows the multimeter's reading in digits, and turns its dial to the unit (OFF as an item)", async () => {
    const meter = await renderLook('meter')
    const screen = meter.object('screen')
    expect(screen.userData['text']).toBe('0.0 V')
    await meter.act('press', 'radio')
    expect(screen.userData['text']).toBe('230.0 V')
    const off = await renderLook('meter_item')
    expect(off.object('screen').userData['text']).toBe('')
    expect(off.object('dial').rotation.z).not.toBeCloseTo(meter.object('dial').rotation.z, 3)
    const model = ppeModel()
    expect(getMeterMode(model, model.componentIndex.get('meter')!)).toBe('V~')
    expect(getMeterMode(model, model.componentIndex.get('meter_item')!)).toBe('OFF')
  })

  it("lights the tester's LEDs up to the voltage and shows it in digits", async () => {
    const tester = await renderLook('tester')
    const lit = () =>
      [12, 24, 50, 120, 230, 400, 690].filter(
        (v) => getPieceLook(tester.object(`led-${v}`))!.finish === 'glow',
      )
    expect(lit()).toEqual([])
    expect(tester.object('screen').userData['text']).toBe('0 V')
    await tester.act('press', 'radio')
    expect(lit()).toEqual([12, 24, 50, 120, 230])
    expect(tester.object('screen').userData['text']).toBe('230 V')
    expect(getLitLevels(-400)).toBe(6)
    expect(getLitLevels(5)).toBe(0)
  })

  it("dips the tester's buttons and keys the radio while pressed, lighting its transmit lamp", async () => {
    const tester = await renderLook('tester_button')
    const button = tester.object('test-button')
    const out = button.position.z
    await tester.act('press', 'tester_button')
    expect(button.position.z).toBeLessThan(out)
    await tester.act('press', 'radio')
    expect(button.position.z).toBe(out)

    const radio = await renderLook('radio')
    const ptt = radio.object('ptt')
    const led = radio.object('tx-led')
    const rest = ptt.position.x
    expect(getPieceLook(led)!.finish).not.toBe('glow')
    await radio.act('press', 'radio')
    expect(ptt.position.x).toBeGreaterThan(rest)
    expect(getPieceLook(led)!.finish).toBe('glow')
    await radio.act('press', 'tester_button')
    expect(ptt.position.x).toBe(rest)
    expect(getPieceLook(led)!.finish).not.toBe('glow')
  })

  it('draws a pair of gloves: the left one is the right one mirrored', () => {
    const size = { hand: 1, cuff: 0.06, flare: 0.09, depth: 0.02 }
    const right = getGloveOutline(1, size)
    const left = getGloveOutline(-1, size)
    expect(left.map(([x, y]) => [-x, y]).reverse()).toEqual(right)
    // the thumb sticks out on its own side
    expect(Math.max(...right.map(([x]) => x))).toBeGreaterThan(0.06)
    expect(Math.min(...left.map(([x]) => x))).toBeLessThan(-0.06)
  })
})
