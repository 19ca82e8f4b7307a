// @vitest-environment jsdom
// Mounted parts: a part with a `parent` is drawn in its parent's frame and moves with it, keeps
// its own controls, and a part with a look is drawn by that look (or its kind's default part).
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { extend } from '@react-three/fiber'
import * as THREE from 'three'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { JsonValue, Model } from '../../../src/core/index.ts'
import { createLookSheet } from '../../../src/state/lookSheet.ts'
import { createSceneUiStore } from '../../../src/state/sceneUiStore.ts'
import { BatchedPieces } from '../../../src/view/scene/BatchedPieces.tsx'
import type { PartController } from '../../../src/view/scene/partController.ts'
import { getPartTree, Parts } from '../../../src/view/scene/Parts.tsx'
import type { SceneSource } from '../../../src/state/sceneSource.ts'

// the pilot lamp's module draws no lamp here: the lamp falls back to its kind's default part
vi.mock('../../../src/view/scene/looks/panel/pilotLamp.tsx', async (actual) => ({
  ...(await actual<object>()),
  PilotLamp: undefined,
}))

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
})

const controller = (clicks: number[]): PartController => ({
  primary: (i) => void clicks.push(i),
  openMenu: () => undefined,
  stateKey: () => undefined,
  perform: () => undefined,
})

function sheetOf(components: unknown[]): { model: Model; scene: SceneSource } {
  const sheet = createLookSheet({
    format: 'practica.scenario/1',
    id: 'mounting',
    version: '1.0.0',
    title: 'Mounting',
    competencies: [],
    components,
    steps: [{ id: 's', title: 'S', state: 'true' }],
  } as JsonValue)
  if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems))
  return sheet.value
}

async function render(model: Model, scene: SceneSource, clicks: number[] = []) {
  const renderer = await ReactThreeTestRenderer.create(
    <BatchedPieces>
      <Parts
        model={model}
        store={scene}
        ui={createSceneUiStore()}
        controller={controller(clicks)}
      />
    </BatchedPieces>,
  )
  const root = renderer.scene.instance as THREE.Scene
  root.updateMatrixWorld(true)
  return { renderer, root, part: (id: string) => root.getObjectByName(`part:${id}`)! }
}

const STATION = {
  kind: 'static',
  id: 'station',
  shape: 'box',
  size: [0.3, 0.4, 0.2],
  position: [1, 1, 0],
  rotation: [0, 90, 0],
}
const BUTTON = {
  kind: 'button',
  id: 'start',
  label: 'Start',
  parent: 'station',
  position: [0, 0.1, 0.1],
}

describe('mounted parts', () => {
  it('draws a part in its parent frame, inside its parent group', async () => {
    const { model, scene } = sheetOf([BUTTON, STATION])
    const { part } = await render(model, scene)
    expect(part('start').parent).toBe(part('station'))
    const world = part('start').getWorldPosition(new THREE.Vector3())
    // turned 90° about y, the station's +z is the world's +x
    expect(world.x).toBeCloseTo(1.1)
    expect(world.y).toBeCloseTo(1.1)
    expect(world.z).toBeCloseTo(0)
  })

  it('gives a mounted part its own clicks, not its parent', async () => {
    const knob = {
      kind: 'switch',
      id: 'knob',
      label: 'Knob',
      parent: 'start',
      position: [0, 0, 0.05],
    }
    const { model, scene } = sheetOf([STATION, BUTTON, knob])
    const clicks: number[] = []
    const { renderer } = await render(model, scene, clicks)
    const shell = renderer.scene.find((n) => n.props['name'] === 'part:knob')
    await renderer.fireEvent(shell, 'click', { delta: 0, stopPropagation: () => undefined })
    expect(clicks).toEqual([model.componentIndex.get('knob')])
  })

  it('draws at the root a part whose parents form a cycle', () => {
    const { model } = sheetOf([STATION, BUTTON])
    const looped = {
      ...model,
      components: model.components.map((c) =>
        c.id === 'station' ? { ...c, source: { ...c.source, parent: 'start' } } : c,
      ),
    } as Model
    expect(getPartTree(looped).roots.length).toBeGreaterThan(0)
  })

  it('redraws a parent subtree when a part mounted on it changes', () => {
    const { model } = sheetOf([STATION, BUTTON])
    const moved = {
      ...model,
      components: model.components.map((c) =>
        c.id === 'start' ? { ...c, source: { ...c.source, position: [0, 0.2, 0.1] } } : c,
      ),
    } as Model
    const before = getPartTree(model)
    const after = getPartTree(moved)
    const station = model.componentIndex.get('station')!
    expect(after.own[station]).toBe(before.own[station])
    expect(after.fingerprints[station]).not.toBe(before.fingerprints[station])
  })

  it('shows the kind default part where the module does not draw a look, and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const lamp = { kind: 'lamp', id: 'lamp', label: 'Lamp', lit: 'true', look: 'lamp.pilot' }
    const { model, scene } = sheetOf([lamp, { ...lamp, id: 'lamp2' }])
    const { renderer, part } = await render(model, scene)
    await ReactThreeTestRenderer.act(async () => {
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(part('lamp').getObjectByName('lens-lit')).toBeDefined()
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('lamp.pilot'))).toHaveLength(1)
    await renderer.unmount()
    warn.mockRestore()
  })
})
