// The harness the scene-graph tests of the looks share: load a test scenario into a model, and
// draw one of its components with its look, alone, inside the batches, with ways to act on it and
// read its pieces back. Each family's test file adds what is specific to it (bounds, places…).
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { Profiler } from 'react'
import type * as THREE from 'three'
import { loadScenario, type LookName, type Model } from '../../../src/core/index.ts'
import { BatchedPieces } from '../../../src/view/scene/BatchedPieces.tsx'
import { getPieceLook } from '../../../src/view/scene/pieceBatches.ts'
import type { Detail, LookFamily } from '../../../src/view/scene/looks/types.ts'
import { createTestAttempt } from '../fixtures.ts'

/** Loads a scenario object into a model, throwing with its problems if it does not load. */
export function loadTestModel(scenario: object): Model {
  const loaded = loadScenario(JSON.stringify(scenario))
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return loaded.value
}

/** The triangles a mesh's geometry draws. */
function trianglesOf(mesh: THREE.Mesh): number {
  const g = mesh.geometry
  return (g.index ? g.index.count : g.attributes['position']!.count) / 3
}

export interface RenderLookOptions {
  /** Wrap the look in a React Profiler and record each commit's phase in `commits`. */
  profile?: boolean
}

/**
 * Draws component `id` of a fresh attempt at `model` with its look from `looks`, alone, in a
 * group named "part" inside <BatchedPieces>, and gives ways to act on it and read it back.
 */
export async function renderLook(
  model: Model,
  looks: LookFamily,
  id: string,
  detail: Detail = 'detailed',
  options: RenderLookOptions = {},
) {
  const { store, clock } = createTestAttempt(model)
  const index = model.componentIndex.get(id)!
  const look = model.components[index]!.source.look as LookName
  const Look = looks[look]!
  const commits: string[] = []
  const drawn = (
    <BatchedPieces>
      <group name="part">
        <Look model={model} index={index} store={store} look={look} detail={detail} />
      </group>
    </BatchedPieces>
  )
  const renderer = await ReactThreeTestRenderer.create(
    options.profile ? (
      <Profiler id="look" onRender={(_id, phase) => commits.push(phase)}>
        {drawn}
      </Profiler>
    ) : (
      drawn
    ),
  )
  const scene = renderer.scene.instance as THREE.Scene
  const part = scene.getObjectByName('part')!
  const find = (name: string) => part.getObjectByName(name)
  const object = (name: string) => {
    const found = find(name)
    if (!found) throw new Error(`no object named ${name} in ${id}`)
    return found
  }
  const act = async (action: string, target: string, value?: string) => {
    clock.now += 100
    await ReactThreeTestRenderer.act(async () => store.getState().act(action, target, value))
  }
  const frames = async (n: number) => {
    await ReactThreeTestRenderer.act(async () => renderer.advanceFrames(n, 1 / 60))
  }
  /** The pieces (batched meshes) of the part. */
  const pieces = () => {
    const found: THREE.Mesh[] = []
    part.traverse((o) => {
      if (getPieceLook(o)) found.push(o as THREE.Mesh)
    })
    return found
  }
  /** The triangles the part's pieces draw. */
  const pieceTriangles = () => pieces().reduce((n, mesh) => n + trianglesOf(mesh), 0)
  /** The triangles every mesh of the part draws, pieces or not. */
  const meshTriangles = () => {
    let n = 0
    part.traverse((o) => {
      const mesh = o as THREE.Mesh
      if (mesh.isMesh) n += trianglesOf(mesh)
    })
    return n
  }
  return {
    model,
    store,
    clock,
    renderer,
    scene,
    part,
    commits,
    find,
    object,
    act,
    frames,
    pieces,
    pieceTriangles,
    meshTriangles,
  }
}
