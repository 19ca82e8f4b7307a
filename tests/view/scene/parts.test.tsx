// @vitest-environment jsdom
// Scene-graph tests: every kind renders its look and follows its state, without WebGL; the opaque
// pieces of all parts are drawn as a few instanced meshes, yet each part is still picked by the ray.
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { extend } from '@react-three/fiber'
import { Profiler } from 'react'
import * as THREE from 'three'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSceneUiStore } from '../../../src/state/sceneUiStore.ts'
import { BatchedPieces } from '../../../src/view/scene/BatchedPieces.tsx'
import { createPartController } from '../../../src/view/scene/partController.ts'
import { Parts } from '../../../src/view/scene/Parts.tsx'
import { getPieceLook } from '../../../src/view/scene/pieceBatches.ts'
import { COLORS } from '../../../src/view/scene/resources.ts'
import { createTestAttempt, everyKindModel } from '../fixtures.ts'

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
})

async function renderScene() {
  const model = everyKindModel()
  const { store, clock } = createTestAttempt(model)
  const ui = createSceneUiStore()
  const commits: string[] = []
  const renderer = await ReactThreeTestRenderer.create(
    <Profiler id="scene" onRender={(_id, phase) => commits.push(phase)}>
      <BatchedPieces>
        <Parts
          model={model}
          store={store}
          ui={ui}
          controller={createPartController(model, store, ui)}
        />
      </BatchedPieces>
    </Profiler>,
  )
  const scene = renderer.scene.instance as THREE.Scene
  const object = (name: string) => {
    const found = scene.getObjectByName(name)
    if (!found) throw new Error(`no object named ${name}`)
    return found
  }
  const act = async (action: string, target?: string, value?: string) => {
    clock.now += 100
    await ReactThreeTestRenderer.act(async () => store.getState().act(action, target, value))
  }
  /** What the renderer does before it draws: world matrices, then the scene's own hook. */
  const drawFrame = () => {
    scene.updateMatrixWorld()
    const none = undefined as never
    scene.onBeforeRender(none, scene, none, none, none, none)
    return scene.getObjectByName('piece-batches')!.children as THREE.InstancedMesh[]
  }
  return { renderer, scene, object, act, store, ui, commits, drawFrame }
}

describe('the parts of the scene', () => {
  it('draws every component, named by its id', async () => {
    const { scene } = await renderScene()
    const parts: string[] = []
    scene.traverse((o) => {
      if (o.name.startsWith('part:')) parts.push(o.name)
    })
    expect(parts.sort()).toEqual(
      ['btn', 'iso', 'sel', 'vlv', 'wheel', 'brk', 'guard', 'glasses', 'lamp', 'gauge', 'disp']
        .concat(['fan', 'box'])
        .map((id) => `part:${id}`)
        .sort(),
    )
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

  it('dips the button head while the last act pressed it', async () => {
    const { object, act } = await renderScene()
    const head = () => object('part:btn').getObjectByName('head')!.position.z
    const up = head()
    await act('press', 'btn')
    expect(head()).toBeLessThan(up)
    await act('set', 'iso', 'off')
    expect(head()).toBe(up)
  })

  it('lights the lamp, moves the needle, shows the digits and runs the machine from the state', async () => {
    const { object, act } = await renderScene()
    const lens = object('part:lamp').getObjectByName('lens-lit')!
    expect(getPieceLook(lens)).toMatchObject({ finish: 'glow', color: COLORS.green })
    const machine = () =>
      object('part:fan').getObjectByName('machine-stopped') ??
      object('part:fan').getObjectByName('machine-running')
    expect(machine()?.name).toBe('machine-stopped')
    const needle = object('part:gauge').getObjectByName('needle')!.rotation.z
    expect(object('part:disp').getObjectByName('screen')!.userData['text']).toBe('0.0 rpm')
    await act('press', 'btn')
    await act('set', 'iso', 'off')
    expect(object('part:lamp').getObjectByName('lens-dark')).toBe(lens)
    expect(getPieceLook(lens)).toMatchObject({ finish: 'matte' })
    expect(machine()?.name).toBe('machine-running')
    expect(object('part:gauge').getObjectByName('needle')!.rotation.z).toBeCloseTo(
      needle - 0.75 * Math.PI,
      6,
    )
    expect(object('part:disp').getObjectByName('screen')!.userData['text']).toBe('50.0 rpm')
  })

  it('moves a worn item off its rack, and shows the lock and tag on a locked, tagged part', async () => {
    const { object, act } = await renderScene()
    const item = object('part:glasses').getObjectByName('item-stored')!
    await act('wear', 'glasses')
    expect(item.name).toBe('item-worn')
    await act('remove', 'glasses')
    expect(item.name).toBe('item-stored')
    expect(object('part:iso').getObjectByName('padlock')!.visible).toBe(false)
    expect(object('part:iso').getObjectByName('tag')!.visible).toBe(false)
    await act('lock', 'iso')
    await act('tag', 'iso')
    expect(object('part:iso').getObjectByName('padlock')!.visible).toBe(true)
    expect(object('part:iso').getObjectByName('tag')!.visible).toBe(true)
    // only parts that can be locked carry a padlock at all
    expect(object('part:sel').getObjectByName('padlock')).toBeUndefined()
  })

  it('lights up the part under the pointer or with the keyboard focus', async () => {
    const { object, ui } = await renderScene()
    expect(object('part:iso').getObjectByName('highlight')!.visible).toBe(false)
    await ReactThreeTestRenderer.act(async () => ui.getState().set({ focused: 1 }))
    expect(object('part:iso').getObjectByName('highlight')!.visible).toBe(true)
    expect(object('part:sel').getObjectByName('highlight')!.visible).toBe(false)
  })

  it('re-renders no part when the learner acts, points or locks: the scene changes in place', async () => {
    const { act, ui, commits } = await renderScene()
    commits.length = 0
    await act('press', 'btn')
    await act('set', 'iso', 'off')
    await act('wear', 'glasses')
    await act('lock', 'iso')
    await ReactThreeTestRenderer.act(async () => ui.getState().set({ hovered: 2, focused: 3 }))
    expect(commits).toEqual([])
  })

  it('draws the opaque pieces of all parts as one instanced mesh per geometry and finish', async () => {
    const { scene, drawFrame } = await renderScene()
    const pieces: THREE.Mesh[] = []
    scene.traverse((o) => {
      if (getPieceLook(o)) pieces.push(o as THREE.Mesh)
    })
    const batches = drawFrame()
    const kinds = new Set(pieces.map((p) => `${p.geometry.uuid}|${getPieceLook(p)!.finish}`))
    expect(batches).toHaveLength(kinds.size)
    expect(batches.length).toBeLessThan(pieces.length / 4)
    // every piece is invisible itself; the shown ones are instances
    expect(pieces.every((p) => !p.visible)).toBe(true)
    const shown = pieces.filter((p) => {
      if (!getPieceLook(p)!.shown) return false
      for (let o = p.parent; o; o = o.parent) if (!o.visible) return false
      return true
    })
    expect(batches.reduce((n, b) => n + b.count, 0)).toBe(shown.length)
  })

  it('copies a moved piece into its instance, with its colour', async () => {
    const { object, act, drawFrame } = await renderScene()
    drawFrame()
    await act('set', 'brk', 'on')
    const toggle = object('part:brk').getObjectByName('toggle')!.children[0] as THREE.Mesh
    const batches = drawFrame()
    const found = batches.some((b) => {
      const m = new THREE.Matrix4()
      for (let i = 0; i < b.count; i++) {
        b.getMatrixAt(i, m)
        // the instance buffers hold 32-bit floats
        if (m.elements.every((v, k) => Math.abs(v - toggle.matrixWorld.elements[k]!) < 1e-6))
          return true
      }
      return false
    })
    expect(found).toBe(true)
    const flag = object('part:brk').getObjectByName('flag')!
    expect(getPieceLook(flag)!.color).toBe(COLORS.red)
  })

  it('picks a part through its invisible pieces, and not through a hidden padlock', async () => {
    const { object, act, scene } = await renderScene()
    scene.updateMatrixWorld()
    const cast = (target: THREE.Object3D, from: THREE.Vector3) => {
      const at = target.getWorldPosition(new THREE.Vector3())
      const ray = new THREE.Raycaster(from, at.clone().sub(from).normalize())
      return ray.intersectObject(object('part:iso'), true)
    }
    const handle = object('part:iso').getObjectByName('handle')!
    expect(cast(handle, new THREE.Vector3(0, 0, 5)).length).toBeGreaterThan(0)
    const padlock = object('part:iso').getObjectByName('padlock')!
    const body = padlock.children[0]!
    const hitsPadlock = () =>
      cast(body, new THREE.Vector3(0, 0, 5)).some((h) => h.object.parent === padlock)
    expect(hitsPadlock()).toBe(false)
    await act('lock', 'iso')
    scene.updateMatrixWorld()
    expect(hitsPadlock()).toBe(true)
  })
})
