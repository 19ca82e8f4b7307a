// @vitest-environment jsdom
// Scene-graph tests: every kind renders its look and follows its state, without WebGL.
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { extend } from '@react-three/fiber'
import * as THREE from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSceneUiStore } from '../../../src/state/sceneUiStore.ts'
import { createPartController } from '../../../src/view/scene/partController.ts'
import { Parts } from '../../../src/view/scene/Parts.tsx'
import { createTestAttempt, everyKindModel } from '../fixtures.ts'

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
})

async function renderScene() {
  const model = everyKindModel()
  const { store, clock } = createTestAttempt(model)
  const ui = createSceneUiStore()
  const renderer = await ReactThreeTestRenderer.create(
    <Parts
      model={model}
      store={store}
      ui={ui}
      controller={createPartController(model, store, ui)}
    />,
  )
  const object = (name: string) => {
    const found = renderer.scene.instance.getObjectByName(name)
    if (!found) throw new Error(`no object named ${name}`)
    return found
  }
  const act = async (action: string, target?: string, value?: string) => {
    clock.now += 100
    await ReactThreeTestRenderer.act(async () => store.getState().act(action, target, value))
  }
  return { renderer, object, act, store, ui }
}

describe('the parts of the scene', () => {
  it('draws every component, named by its id', async () => {
    const { object } = await renderScene()
    for (const id of [
      'btn',
      'iso',
      'sel',
      'vlv',
      'wheel',
      'brk',
      'guard',
      'glasses',
      'lamp',
      'gauge',
      'disp',
      'fan',
      'box',
    ]) {
      expect(object(`part:${id}`)).toBeDefined()
    }
  })

  it('turns the isolator handle, the selector knob, the valve lever and handwheel, the breaker toggle and the door with their states', async () => {
    const { object, act } = await renderScene()
    const angles = () => ({
      handle: object('part:iso').getObjectByName('handle')!.rotation.z,
      knob: object('part:sel').getObjectByName('knob')!.rotation.z,
      lever: object('part:vlv').getObjectByName('lever')!.rotation.z,
      wheel: object('part:wheel').getObjectByName('handwheel')!.rotation.z,
      toggle: object('part:brk').getObjectByName('toggle')!.rotation.x,
      leaf: object('part:guard').getObjectByName('leaf')!.rotation.y,
    })
    const before = angles()
    await act('set', 'iso', 'off')
    await act('set', 'sel', 'auto')
    await act('set', 'vlv', 'open')
    await act('set', 'wheel', 'half')
    await act('set', 'brk', 'on')
    await act('set', 'guard', 'open')
    const after = angles()
    for (const key of Object.keys(before) as (keyof typeof before)[])
      expect(after[key], key).not.toBeCloseTo(before[key], 3)
    expect(after.handle).toBeCloseTo(-Math.PI / 2, 6)
    expect(after.lever).toBeCloseTo(0, 6)
  })

  it('lights the lamp, moves the needle, shows the digits and runs the machine from the state', async () => {
    const { object, act } = await renderScene()
    expect(object('part:lamp').getObjectByName('lens-lit')).toBeDefined()
    expect(object('part:fan').getObjectByName('machine-stopped')).toBeDefined()
    const needle = object('part:gauge').getObjectByName('needle')!.rotation.z
    expect(object('part:disp').getObjectByName('screen')!.userData['text']).toBe('0.0 rpm')
    await act('press', 'btn')
    await act('set', 'iso', 'off')
    expect(object('part:lamp').getObjectByName('lens-dark')).toBeDefined()
    expect(object('part:fan').getObjectByName('machine-running')).toBeDefined()
    expect(object('part:gauge').getObjectByName('needle')!.rotation.z).toBeCloseTo(
      needle - 0.75 * Math.PI,
      6,
    )
    expect(object('part:disp').getObjectByName('screen')!.userData['text']).toBe('50.0 rpm')
  })

  it('moves a worn item off its rack, and shows the lock and tag on a locked, tagged part', async () => {
    const { object, act } = await renderScene()
    expect(object('part:glasses').getObjectByName('item-stored')).toBeDefined()
    await act('wear', 'glasses')
    expect(object('part:glasses').getObjectByName('item-worn')).toBeDefined()
    expect(object('part:iso').getObjectByName('padlock')).toBeUndefined()
    await act('lock', 'iso')
    await act('tag', 'iso')
    expect(object('part:iso').getObjectByName('padlock')).toBeDefined()
    expect(object('part:iso').getObjectByName('tag')).toBeDefined()
  })

  it('lights up the part under the pointer or with the keyboard focus', async () => {
    const { object, ui } = await renderScene()
    expect(object('part:iso').getObjectByName('highlight')).toBeUndefined()
    await ReactThreeTestRenderer.act(async () => ui.getState().set({ focused: 1 }))
    expect(object('part:iso').getObjectByName('highlight')).toBeDefined()
  })
})
