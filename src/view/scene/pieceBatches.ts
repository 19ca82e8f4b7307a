// Draws the many small opaque pieces of the parts (button heads, switch plates, handles) with one
// InstancedMesh per geometry and finish, so a panel of hundreds of parts costs a few draw calls.
// Each piece keeps its own invisible Mesh in the scene graph, where its part places and turns it
// and where the raycaster still finds it; before a frame is drawn, `sync` copies the world matrix
// and colour of every shown piece into its batch. Plain three.js: no React, no store.
import {
  Color,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  type BufferGeometry,
  type Object3D,
} from 'three'
import { finishMaterial, type Finish } from './resources.ts'

/** How a piece looks: its colour, its finish and whether it is drawn at all. */
export interface PieceLook {
  readonly color: string
  readonly finish: Finish
  readonly shown: boolean
}

export interface PieceBatches {
  /** The group of instanced meshes; it must sit at the root of the scene, untransformed. */
  readonly root: Group
  /** How many times a piece was added, removed or changed its look: what baked shadows follow. */
  readonly changes: number
  /** Draws `mesh` (kept invisible) in the batch of its geometry and finish. */
  add(mesh: Object3D, geometry: BufferGeometry, look: PieceLook): void
  remove(mesh: Object3D): void
  /** Copies every shown piece's world matrix and colour into its batch; call once world matrices are current. */
  sync(): void
  dispose(): void
}

interface Entry {
  readonly mesh: Object3D
  /** The mesh's own raycast, given back when it leaves the batches. */
  readonly raycast: Object3D['raycast']
  readonly geometry: BufferGeometry
  readonly owner: Registry
  finish: Finish
  readonly color: Color
  shown: boolean
  batch: Batch
}

interface Batch {
  mesh: InstancedMesh
  readonly entries: Set<Entry>
}

interface Registry extends PieceBatches {
  attach(entry: Entry): void
  detach(entry: Entry): void
  readonly invalidate: () => void
}

const pieceEntries = new WeakMap<Object3D, Entry>()

/** Changes how a registered piece looks, and asks for a frame; does nothing to an unknown object. */
export function setPieceLook(mesh: Object3D, look: Partial<PieceLook>): void {
  const e = pieceEntries.get(mesh)
  if (!e) return
  const color = look.color === undefined ? undefined : new Color(look.color)
  const recolored = color !== undefined && !color.equals(e.color)
  const moved = look.finish !== undefined && look.finish !== e.finish
  const toggled = look.shown !== undefined && look.shown !== e.shown
  if (!recolored && !moved && !toggled) return
  if (color) e.color.copy(color)
  if (look.shown !== undefined) e.shown = look.shown
  if (moved) {
    e.owner.detach(e)
    e.finish = look.finish!
    e.owner.attach(e)
  }
  e.owner.invalidate()
}

/** The look a registered piece has now, or undefined. */
export function getPieceLook(mesh: Object3D): PieceLook | undefined {
  const e = pieceEntries.get(mesh)
  return e && { color: `#${e.color.getHexString()}`, finish: e.finish, shown: e.shown }
}

/** The batches of one scene; `invalidate` asks the renderer for a frame after a change. */
export function createPieceBatches(onChange: () => void): PieceBatches {
  let changes = 0
  const invalidate = () => {
    changes++
    onChange()
  }
  const root = new Group()
  root.name = 'piece-batches'
  const batches = new Map<string, Batch>()

  const makeMesh = (geometry: BufferGeometry, finish: Finish, capacity: number) => {
    const mesh = new InstancedMesh(geometry, finishMaterial(finish), capacity)
    mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3), 3)
    mesh.count = 0
    mesh.visible = false
    // instances move with their parts: bounds computed once would cull them wrongly
    mesh.frustumCulled = false
    // parts are picked through their own pieces; a hit here would belong to no part
    mesh.raycast = () => undefined
    return mesh
  }

  const registry: Registry = {
    root,
    get changes() {
      return changes
    },
    invalidate,
    attach(e) {
      const key = `${e.geometry.uuid}|${e.finish}`
      let batch = batches.get(key)
      if (!batch) {
        batch = { mesh: makeMesh(e.geometry, e.finish, 16), entries: new Set() }
        batches.set(key, batch)
        root.add(batch.mesh)
      }
      batch.entries.add(e)
      if (batch.entries.size > batch.mesh.instanceMatrix.count) {
        // full: a new mesh with twice the room (sync fills it in)
        const bigger = makeMesh(e.geometry, e.finish, batch.mesh.instanceMatrix.count * 2)
        root.remove(batch.mesh)
        batch.mesh.dispose()
        root.add(bigger)
        batch.mesh = bigger
      }
      e.batch = batch
    },
    detach(e) {
      e.batch.entries.delete(e)
    },
    add(mesh, geometry, look) {
      pieceEntries.get(mesh)?.owner.remove(mesh)
      mesh.visible = false
      const e = {
        mesh,
        raycast: mesh.raycast,
        geometry,
        owner: registry,
        finish: look.finish,
        color: new Color(look.color),
        shown: look.shown,
      } as Entry
      pieceEntries.set(mesh, e)
      // the ray finds the piece where it is drawn: not while it, or a group above it, is hidden
      mesh.raycast = (raycaster, intersects) => {
        if (isDrawn(e)) e.raycast.call(mesh, raycaster, intersects)
      }
      registry.attach(e)
      invalidate()
    },
    remove(mesh) {
      const e = pieceEntries.get(mesh)
      if (!e || e.owner !== registry) return
      registry.detach(e)
      pieceEntries.delete(mesh)
      mesh.raycast = e.raycast
      invalidate()
    },
    sync() {
      for (const batch of batches.values()) syncBatch(batch)
    },
    dispose() {
      for (const batch of batches.values()) {
        for (const e of batch.entries) {
          pieceEntries.delete(e.mesh)
          e.mesh.raycast = e.raycast
        }
        root.remove(batch.mesh)
        batch.mesh.dispose()
      }
      batches.clear()
    },
  }
  return registry
}

function syncBatch(batch: Batch): void {
  const mesh = batch.mesh
  const matrices = mesh.instanceMatrix.array
  const colors = mesh.instanceColor!.array
  let n = 0
  let moved = false
  let recolored = false
  for (const e of batch.entries) {
    if (!isDrawn(e)) continue
    // compare before copying: a frame where only the camera moved uploads nothing
    const world = e.mesh.matrixWorld.elements
    const at = n * 16
    for (let k = 0; k < 16; k++) {
      // the buffers hold 32-bit floats
      const v = Math.fround(world[k]!)
      if (matrices[at + k] !== v) {
        matrices[at + k] = v
        moved = true
      }
    }
    const c = n * 3
    const { r, g, b } = e.color
    if (
      colors[c] !== Math.fround(r) ||
      colors[c + 1] !== Math.fround(g) ||
      colors[c + 2] !== Math.fround(b)
    ) {
      e.color.toArray(colors, c)
      recolored = true
    }
    n++
  }
  if (n !== mesh.count) {
    mesh.count = n
    // an empty batch (every piece of it hidden, or moved to another finish) is skipped whole
    mesh.visible = n > 0
    moved = true
  }
  if (moved) mesh.instanceMatrix.needsUpdate = true
  if (recolored) mesh.instanceColor!.needsUpdate = true
}

/** Shown, in the scene, and under no hidden group (a suspended part, a closed branch). */
function isDrawn(e: Entry): boolean {
  if (!e.shown) return false
  let top: Object3D = e.mesh
  for (let o = e.mesh.parent; o; o = o.parent) {
    if (!o.visible) return false
    top = o
  }
  return (top as { isScene?: boolean }).isScene === true
}
