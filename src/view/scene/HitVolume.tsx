import { useMemo } from 'react'
import {
  Box3,
  Matrix4,
  Vector3,
  type Intersection,
  type Mesh,
  type Object3D,
  type Raycaster,
} from 'three'
import { KINDS, type Model } from '../../core/index.ts'

// Where a part is, for the pointer, the labels and the tests: the middle of its drawn shape (not
// its origin, which may be a hinge or a foot), and an invisible box around that middle that a
// click hits as the part itself, so a small part is a target big enough to hit.

export interface HitVolumeProps {
  readonly model: Model
  readonly index: number
}

/** Half the side the invisible box grows to, in metres, when no neighbour is close. */
export const HIT_REACH = 0.09
/** A big part's box reaches this share of its radius: a frame's middle may be empty space. */
const SIZE_SHARE = 0.2
/**
 * The box reaches at most this share of the way to the nearest interactive part's middle, along
 * the axis where they are furthest apart: two parts' boxes never overlap.
 */
const NEIGHBOUR_SHARE = 0.45
/** How long the neighbours' places are kept before they are looked up again, in ms. */
const NEIGHBOURS_TTL = 500

/** Raycasters that look for what hides a part (labels): they see through every hit volume. */
export const OCCLUSION_PROBES = new WeakSet<Raycaster>()

/** Objects that are not the part's shape: its highlight, its padlock and tag, its hit volume. */
const NOT_SHAPE = new Set(['highlight', 'padlock', 'tag', 'hit-volume', 'item-worn'])

interface Bounds {
  /** How many meshes the bounds were taken from: a look that loads later changes it. */
  readonly meshes: number
  /** The middle of the shape, in the part group's frame. */
  readonly centre: Vector3
  /** Half the diagonal of the shape's box, in the part group's frame. */
  readonly radius: number
}

const bounds = new WeakMap<Object3D, Bounds>()
const box = new Box3()
const meshBox = new Box3()
const toLocal = new Matrix4()
const meshToLocal = new Matrix4()
const scale = new Vector3()

/** The meshes of a part's own shape: not its helpers, nor the parts mounted on it. */
function shapeMeshes(group: Object3D): Mesh[] {
  const found: Mesh[] = []
  const visit = (o: Object3D) => {
    for (const child of o.children) {
      if (NOT_SHAPE.has(child.name) || child.name.startsWith('part:')) continue
      const mesh = child as Mesh
      if (mesh.isMesh && mesh.geometry) found.push(mesh)
      visit(child)
    }
  }
  visit(group)
  return found
}

function getBounds(group: Object3D): Bounds {
  const meshes = shapeMeshes(group)
  const known = bounds.get(group)
  if (known && known.meshes === meshes.length) return known
  group.updateWorldMatrix(true, true)
  toLocal.copy(group.matrixWorld).invert()
  box.makeEmpty()
  for (const mesh of meshes) {
    const geometry = mesh.geometry
    if (!geometry.boundingBox) geometry.computeBoundingBox()
    meshToLocal.multiplyMatrices(toLocal, mesh.matrixWorld)
    box.union(meshBox.copy(geometry.boundingBox!).applyMatrix4(meshToLocal))
  }
  const made: Bounds = box.isEmpty()
    ? { meshes: meshes.length, centre: new Vector3(), radius: 0 }
    : {
        meshes: meshes.length,
        centre: box.getCenter(new Vector3()),
        radius: box.getSize(new Vector3()).length() / 2,
      }
  bounds.set(group, made)
  return made
}

/**
 * The world point of a part: the middle of its shape, or where a worn item is drawn. Writes it into
 * `target` and returns the part's radius in world units (0 before its shape is drawn).
 */
export function partCentre(group: Object3D, target: Vector3): number {
  const worn = group.getObjectByName('item-worn')
  if (worn) {
    worn.getWorldPosition(target)
    return HIT_REACH
  }
  const b = getBounds(group)
  group.updateWorldMatrix(true, false)
  target.copy(b.centre).applyMatrix4(group.matrixWorld)
  scale.setFromMatrixScale(group.matrixWorld)
  return b.radius * Math.max(scale.x, scale.y, scale.z)
}

interface Neighbours {
  readonly at: number
  /** The middle of every interactive part, by component index. */
  readonly centres: Map<number, Vector3>
}

const neighbours = new WeakMap<Object3D, Neighbours>()

function getNeighbours(root: Object3D, model: Model): Neighbours {
  const known = neighbours.get(root)
  const now = performance.now()
  if (known && now - known.at < NEIGHBOURS_TTL) return known
  const centres = new Map<number, Vector3>()
  root.traverse((o) => {
    if (!o.name.startsWith('part:')) return
    const index = model.componentIndex.get(o.name.slice(5))
    if (index === undefined || !KINDS[model.components[index]!.kind].interactive) return
    const centre = new Vector3()
    partCentre(o, centre)
    centres.set(index, centre)
  })
  const made = { at: now, centres }
  neighbours.set(root, made)
  return made
}

/**
 * Half the side of a part's hit box: HIT_REACH, or a share of a big part's radius, less where an
 * interactive neighbour is close.
 */
export function hitReach(
  root: Object3D,
  model: Model,
  index: number,
  centre: Vector3,
  radius: number,
): number {
  let reach = Math.max(HIT_REACH, radius * SIZE_SHARE)
  for (const [other, at] of getNeighbours(root, model).centres) {
    if (other === index) continue
    const apart = Math.max(
      Math.abs(at.x - centre.x),
      Math.abs(at.y - centre.y),
      Math.abs(at.z - centre.z),
    )
    reach = Math.min(reach, apart * NEIGHBOUR_SHARE)
  }
  return reach
}

const centre = new Vector3()
const hitBox = new Box3()
const point = new Vector3()

/**
 * An invisible box around the middle of a part (square to the world's axes) that the pointer's
 * ray hits as the part: as big as the way to its nearest interactive neighbour allows, so it never
 * takes a click from that neighbour. Inside the part's group (PartShell).
 */
export function HitVolume({ model, index }: HitVolumeProps) {
  const raycast = useMemo(
    () =>
      function (this: Object3D, raycaster: Raycaster, intersects: Intersection[]) {
        const part = this.parent
        if (!part || OCCLUSION_PROBES.has(raycaster)) return
        // a worn item is hit where it is drawn, by its own shape
        if (part.getObjectByName('item-worn')) return
        let root: Object3D = part
        while (root.parent) root = root.parent
        const radius = partCentre(part, centre)
        const reach = hitReach(root, model, index, centre, radius)
        if (reach <= 0) return
        hitBox.min.set(centre.x - reach, centre.y - reach, centre.z - reach)
        hitBox.max.set(centre.x + reach, centre.y + reach, centre.z + reach)
        if (!raycaster.ray.intersectBox(hitBox, point)) return
        const distance = raycaster.ray.origin.distanceTo(point)
        if (distance < raycaster.near || distance > raycaster.far) return
        intersects.push({ distance, point: point.clone(), object: this })
      },
    [model, index],
  )
  return <group name="hit-volume" raycast={raycast} />
}
