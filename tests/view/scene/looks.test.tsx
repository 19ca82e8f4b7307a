// @vitest-environment jsdom
// Every look of the catalogue, drawn once per state by the look sheet: each state must draw
// differently (where its pieces are, their colours and finishes, what is shown, what its canvas
// faces say), and every look must have its drawing in its family's module.
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { extend } from '@react-three/fiber'
import * as THREE from 'three'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOOK_NAMES, type JsonValue, type LookName } from '../../../src/core/index.ts'
import { createLookSheet } from '../../../src/state/lookSheet.ts'
import { createSceneUiStore } from '../../../src/state/sceneUiStore.ts'
import { BatchedPieces } from '../../../src/view/scene/BatchedPieces.tsx'
import {
  getDrawnLooks,
  LOOK_FAMILY,
  LOOK_MODULES,
  loadFamily,
  loadLook,
} from '../../../src/view/scene/looks/registry.ts'
import {
  getSheetEntries,
  getSheetId,
  LOCKED,
  lookSheetScenario,
} from '../../../src/view/scene/looks/sheet.ts'
import type { PartController } from '../../../src/view/scene/partController.ts'
import { Parts } from '../../../src/view/scene/Parts.tsx'
import { getPieceLook } from '../../../src/view/scene/pieceBatches.ts'

const NO_ACTS: PartController = {
  primary: () => undefined,
  openMenu: () => undefined,
  stateKey: () => undefined,
  perform: () => undefined,
}

// jsdom has no 2D canvas: a context that records what is drawn, so a dial's or a screen's face
// is part of what a state draws
const drawn = new WeakMap<HTMLCanvasElement, string[]>()
const getContext = HTMLCanvasElement.prototype.getContext
function recordingContext(canvas: HTMLCanvasElement): unknown {
  const log: string[] = []
  drawn.set(canvas, log)
  const state: Record<string | symbol, unknown> = {}
  return new Proxy(state, {
    get(target, key) {
      if (key === 'canvas') return canvas
      if (key in target) return target[key]
      if (key === 'measureText')
        return (s: string) => ({
          width: String(s).length * 10,
          actualBoundingBoxAscent: 8,
          actualBoundingBoxDescent: 2,
        })
      if (
        key === 'createLinearGradient' ||
        key === 'createRadialGradient' ||
        key === 'createPattern'
      )
        return () => ({ addColorStop: () => undefined })
      if (key === 'getImageData' || key === 'createImageData')
        return (...a: number[]) => ({
          data: new Uint8ClampedArray(4 * (a[2] ?? 1) * (a[3] ?? 1)),
          width: a[2] ?? 1,
          height: a[3] ?? 1,
        })
      return (...args: unknown[]) => void log.push(`${String(key)}${JSON.stringify(args)}`)
    },
    set(target, key, value) {
      log.push(`${String(key)}=${String(value)}`)
      target[key] = value
      return true
    },
  })
}

beforeAll(() => {
  extend(THREE as unknown as Parameters<typeof extend>[0])
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string) {
    return kind === '2d' ? recordingContext(this) : null
  } as typeof HTMLCanvasElement.prototype.getContext
})
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = getContext
})

/** Objects of a part that are not its drawing: its helpers, and the parts mounted on it. */
const NOT_DRAWING = /^(highlight|hit-volume|padlock|tag|part:.*)$/
const round = (n: number) => (Math.abs(n) < 5e-4 ? 0 : Math.round(n * 1000) / 1000)

/** What a part draws, in its own frame: every piece's place, look and visibility, and its faces. */
function fingerprint(part: THREE.Object3D): string {
  part.updateWorldMatrix(true, true)
  const toPart = part.matrixWorld.clone().invert()
  const lines: string[] = []
  const visit = (o: THREE.Object3D, shown: boolean) => {
    for (const child of o.children) {
      if (NOT_DRAWING.test(child.name)) continue
      const mesh = child as THREE.Mesh
      const piece = mesh.isMesh ? getPieceLook(mesh) : undefined
      const visible = shown && (piece ? piece.shown : child.visible)
      if (mesh.isMesh) {
        const place = new THREE.Matrix4().multiplyMatrices(toPart, mesh.matrixWorld)
        const look = piece ? `${piece.color}/${piece.finish}` : materialPrint(mesh.material)
        lines.push(`${visible ? 1 : 0} ${look} ${place.elements.map(round).join(',')}`)
      }
      visit(child, shown && child.visible)
    }
  }
  visit(part, true)
  return lines.sort().join('\n')
}

function materialPrint(material: THREE.Material | THREE.Material[]): string {
  const m = (Array.isArray(material) ? material[0] : material) as THREE.MeshStandardMaterial
  const face = m.map?.image instanceof HTMLCanvasElement ? drawn.get(m.map.image)?.join(';') : ''
  return [m.color?.getHexString(), m.emissive?.getHexString(), m.opacity, face].join('/')
}

async function drawSheet(look: LookName) {
  const sheet = createLookSheet(lookSheetScenario([look]) as JsonValue)
  if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems))
  const { model, scene } = sheet.value
  const renderer = await ReactThreeTestRenderer.create(
    <BatchedPieces>
      <Parts model={model} store={scene} ui={createSceneUiStore()} controller={NO_ACTS} />
    </BatchedPieces>,
  )
  // the look's module arrives, then the look replaces the kind's default part
  await ReactThreeTestRenderer.act(async () => {
    await loadFamily(LOOK_FAMILY[look])
    await new Promise((r) => setTimeout(r, 0))
  })
  await ReactThreeTestRenderer.act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
  // looks that follow the camera or turn (a worn item, a running fan) do so over frames
  await renderer.advanceFrames(3, 0.05)
  const root = renderer.scene.instance as THREE.Scene
  const part = (copy: number) => root.getObjectByName(`part:${getSheetId(look, copy)}`)!
  return { renderer, part }
}

const drawnLooks = new Set<LookName>()
beforeAll(async () => {
  for (const family of new Set(Object.values(LOOK_FAMILY))) {
    const { looks } = await loadFamily(family)
    for (const name of Object.keys(looks)) drawnLooks.add(name as LookName)
  }
})

describe('the looks of the catalogue', () => {
  const stateful = LOOK_NAMES.filter((look) => getSheetEntries(look).length > 1)

  it.each(stateful)('%s draws each of its states differently', async (look) => {
    // a look not drawn yet shows its kind's default part: the next test names it
    if (!drawnLooks.has(look)) return
    const { renderer, part } = await drawSheet(look)
    // the locked copy differs by its padlock and tag only (LockTag's, not the look's)
    const states = getSheetEntries(look)
      .map((e) => e.state)
      .filter((s) => s !== LOCKED)
    const prints = states.map((_, copy) => fingerprint(part(copy)))
    for (const [i, print] of prints.entries()) expect(print, `${look}: ${states[i]}`).not.toBe('')
    for (let a = 0; a < prints.length; a++)
      for (let b = a + 1; b < prints.length; b++)
        expect(prints[a], `${look}: ${states[a]} and ${states[b]} look the same`).not.toBe(
          prints[b],
        )
    await renderer.unmount()
  })

  it('draws two copies of one state alike, so a difference is the state', async () => {
    const sheet = createLookSheet(lookSheetScenario(['valve.gate', 'valve.gate']) as JsonValue)
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems))
    const renderer = await ReactThreeTestRenderer.create(
      <BatchedPieces>
        <Parts
          model={sheet.value.model}
          store={sheet.value.scene}
          ui={createSceneUiStore()}
          controller={NO_ACTS}
        />
      </BatchedPieces>,
    )
    await ReactThreeTestRenderer.act(async () => {
      await loadFamily('process')
      await new Promise((r) => setTimeout(r, 0))
    })
    const root = renderer.scene.instance as THREE.Scene
    const print = (copy: number) =>
      fingerprint(root.getObjectByName(`part:${getSheetId('valve.gate', copy)}`)!)
    // copies 0 and 3 are closed, 1 and 4 open (2 and 5 locked)
    expect(print(0)).toBe(print(3))
    expect(print(1)).toBe(print(4))
    expect(print(0)).not.toBe(print(1))
    await renderer.unmount()
  })

  it('has a drawing for every look in its own module', () => {
    const missing = LOOK_NAMES.filter((look) => !drawnLooks.has(look))
    expect(missing).toEqual([])
  })

  it("loads each look from its own module, the drawing its family's index names", async () => {
    const indexes = {
      panel: (await import('../../../src/view/scene/looks/panel/index.ts')).looks,
      process: (await import('../../../src/view/scene/looks/process/index.ts')).looks,
      machines: (await import('../../../src/view/scene/looks/machines/index.ts')).looks,
      ppe: (await import('../../../src/view/scene/looks/ppe/index.ts')).looks,
    }
    for (const look of LOOK_NAMES) {
      expect(LOOK_MODULES[look][0].startsWith(`${LOOK_FAMILY[look]}/`), look).toBe(true)
      expect(await loadLook(look), look).toBe(indexes[LOOK_FAMILY[look]][look])
    }
  })

  it('names the looks a scenario draws, and preloads each module once', () => {
    const sheet = createLookSheet(
      lookSheetScenario(['valve.gate', 'valve.gate', 'lamp.pilot']) as JsonValue,
    )
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems))
    expect(getDrawnLooks(sheet.value.model, 'detailed').sort()).toEqual([
      'lamp.pilot',
      'valve.gate',
    ])
    // Simple draws the kinds' default parts: no look's module is needed
    expect(getDrawnLooks(sheet.value.model, 'simple')).toEqual([])
    expect(loadLook('valve.gate')).toBe(loadLook('valve.gate'))
  })
})
