import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import {
  Matrix4,
  Raycaster,
  Vector2,
  Vector3,
  type Intersection,
  type Material,
  type Mesh,
  type Object3D,
  type PerspectiveCamera,
} from 'three'
import { KINDS, type Model } from '../../core/index.ts'
import { OCCLUSION_PROBES, partCentre } from './HitVolume.tsx'
import { layoutLabels, type LabelRequest } from './labelLayout.ts'
import type { SceneBridge, ScreenPoint } from './sceneBridge.ts'

export interface ProjectionSyncProps {
  readonly model: Model
  readonly bridge: SceneBridge
}

const point = new Vector3()
const world = new Vector3()
const up = new Vector3()
const eye = new Vector3()
const direction = new Vector3()
const ndc = new Vector2()
const probe = new Raycaster()
OCCLUSION_PROBES.add(probe)
const picker = new Raycaster()

/** How much nearer than a part's middle something must be to hide the part, in metres. */
const OCCLUSION_MARGIN = 0.03
/** While the camera stands still, how often what hides the parts is looked for again, in ms. */
const OCCLUSION_MS = 300
/** The least and most room a label keeps around its part's point, in px. */
const CLEARANCE = [8, 34] as const

/** Where a part is on the screen, and how big (its radius in px). */
interface Projected extends ScreenPoint {
  readonly radius: number
}

/**
 * Keeps the DOM overlay on the parts: on every drawn frame, projects each part to the screen, hides
 * the labels of parts behind other things, and lays the labels out so that none overlaps another.
 */
export function ProjectionSync({ model, bridge }: ProjectionSyncProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const size = useThree((s) => s.size)
  const invalidate = useThree((s) => s.invalidate)
  const scene = useThree((s) => s.scene)
  const gl = useThree((s) => s.gl)
  const get = useThree((s) => s.get)
  const slots = useRef(new Map<number, number>())
  const sight = useRef<Occlusion>({
    hidden: new Map(),
    camera: new Matrix4(),
    seenFrom: new Matrix4(),
    at: -Infinity,
    timer: undefined,
  })
  useEffect(() => () => clearTimeout(sight.current.timer), [])

  useEffect(() => {
    bridge.project = (index) => {
      const p = projectPart({ model, scene, camera, size }, index)
      return p && { x: p.x, y: p.y, visible: p.visible }
    }
    bridge.pickAt = (x, y) => {
      ndc.set((x / size.width) * 2 - 1, 1 - (y / size.height) * 2)
      picker.setFromCamera(ndc, camera)
      // as R3F does for a click: every object with handlers, its hits nearest first, and the
      // nearest of those objects above the first hit takes the click (its part stops the event)
      const hits = get()
        .internal.interaction.flatMap((o) => picker.intersectObject(o, true))
        .sort((a, b) => a.distance - b.distance)
      for (const hit of hits) {
        for (let o: Object3D | null = hit.object; o; o = o.parent) {
          const handled = (o as { __r3f?: { eventCount?: number } }).__r3f?.eventCount
          if (handled && o.name.startsWith('part:')) return o.name.slice(5)
          if (handled) return undefined
        }
      }
      return undefined
    }
    bridge.renderInfo = () => {
      const { calls, triangles, frame } = gl.info.render
      return { calls, triangles, frames: frame }
    }
    invalidate()
    return () => {
      bridge.pickAt = () => undefined
    }
  }, [bridge, camera, get, gl, invalidate, model, scene, size])

  useFrame(() => {
    const look = { model, scene, camera, size }
    const hidden = lookForHidden(sight.current, look, bridge, invalidate)
    // the labels' parts, each projected once per frame
    const projected = new Map<number, (Projected & { readonly hidden: boolean }) | undefined>()
    const project = (index: number) => {
      if (!projected.has(index)) {
        const p = projectPart(look, index)
        projected.set(index, p && { ...p, hidden: hidden.get(index) === true })
      }
      return projected.get(index)
    }
    for (const [index, elements] of bridge.followers) {
      const p = bridge.project(index)
      for (const el of elements) {
        el.style.transform = p
          ? `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)`
          : 'translate(-9999px, 0)'
        el.dataset['offscreen'] = p?.visible ? 'false' : 'true'
      }
    }
    placeLabels(bridge, model, project, size, slots.current)
  })

  return null
}

interface Sight {
  readonly model: Model
  readonly scene: Object3D
  readonly camera: PerspectiveCamera
  readonly size: { readonly width: number; readonly height: number }
}

/** What hides the parts' middles from the camera, and when it was last looked for. */
interface Occlusion {
  /** Component index → hidden behind something else. */
  readonly hidden: Map<number, boolean>
  /** The camera at the frame before. */
  readonly camera: Matrix4
  /** The camera when `hidden` was worked out. */
  readonly seenFrom: Matrix4
  at: number
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * Which labelled parts are hidden behind something else: looked for again (one ray per part) on
 * a drawn frame where the camera stands still, once it has moved or after OCCLUSION_MS; while it
 * moves, the last answer holds and one more frame is asked for once it stops.
 */
function lookForHidden(
  o: Occlusion,
  sight: Sight,
  bridge: SceneBridge,
  invalidate: () => void,
): ReadonlyMap<number, boolean> {
  const { camera } = sight
  camera.updateMatrixWorld()
  const moving = !o.camera.equals(camera.matrixWorld)
  o.camera.copy(camera.matrixWorld)
  clearTimeout(o.timer)
  o.timer = undefined
  if (moving) {
    invalidate()
    return o.hidden
  }
  const now = performance.now()
  if (o.seenFrom.equals(camera.matrixWorld) && now - o.at < OCCLUSION_MS) {
    // something else moved (a door, a needle): look again a little later
    o.timer = setTimeout(invalidate, OCCLUSION_MS - (now - o.at))
    return o.hidden
  }
  o.seenFrom.copy(camera.matrixWorld)
  o.at = now
  o.hidden.clear()
  for (const index of bridge.labels.keys()) {
    const c = sight.model.components[index]
    const group = c && findPart(sight.scene, c.id)
    if (!group) continue
    // the middle of a big part may lie behind its plinth: it is hidden when its upper half is too
    const radius = partCentre(group, world)
    let hidden = isHidden(sight.scene, camera, group, world)
    if (hidden && radius > 0) {
      up.setFromMatrixColumn(camera.matrixWorld, 1).multiplyScalar(radius * 0.5)
      hidden = isHidden(sight.scene, camera, group, world.add(up))
    }
    o.hidden.set(index, hidden)
  }
  return o.hidden
}

/** Part `index` on the screen: the middle of its shape, in front of the camera and in the canvas. */
function projectPart({ model, scene, camera, size }: Sight, index: number): Projected | undefined {
  const c = model.components[index]
  if (!c) return undefined
  // the part's group, so a worn item or a moved model is found where it is drawn
  const group = findPart(scene, c.id)
  let radius = 0
  if (group) radius = partCentre(group, point)
  else point.set(...((c.source.position ?? [0, 0, 0]) as [number, number, number]))
  const depth = -eye.copy(point).applyMatrix4(camera.matrixWorldInverse).z
  point.project(camera)
  const x = ((point.x + 1) / 2) * size.width
  const y = ((1 - point.y) / 2) * size.height
  const focal = size.height / 2 / Math.tan((camera.fov * Math.PI) / 360)
  const inSight = point.z < 1 && x >= 0 && y >= 0 && x <= size.width && y <= size.height
  return {
    x,
    y,
    visible: inSight,
    radius: depth > 0 ? (radius * focal) / depth : 0,
  }
}

const partGroups = new WeakMap<Object3D, Map<string, Object3D>>()

/** The group of part `id` in `scene`, looked up again only once the one found has left it. */
function findPart(scene: Object3D, id: string): Object3D | undefined {
  let known = partGroups.get(scene)
  if (!known) partGroups.set(scene, (known = new Map()))
  const cached = known.get(id)
  if (cached && rootOf(cached) === scene && cached.name === `part:${id}`) return cached
  const found = scene.getObjectByName(`part:${id}`)
  if (found) known.set(id, found)
  else known.delete(id)
  return found
}

function rootOf(o: Object3D): Object3D {
  let top = o
  while (top.parent) top = top.parent
  return top
}

/** Whether something other than the part itself lies between the camera and the part's middle. */
function isHidden(
  scene: Object3D,
  camera: PerspectiveCamera,
  group: Object3D,
  at: Vector3,
): boolean {
  camera.getWorldPosition(eye)
  direction.copy(at).sub(eye)
  const distance = direction.length()
  probe.set(eye, direction.normalize())
  probe.near = camera.near
  probe.far = Math.max(probe.near, distance - OCCLUSION_MARGIN)
  const hits: Intersection[] = probe.intersectObject(scene, true)
  return hits.some((hit) => !isWithin(hit.object, group) && isOpaque(hit.object))
}

function isWithin(o: Object3D, group: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (p === group) return true
  return false
}

function isOpaque(o: Object3D): boolean {
  const material = (o as Mesh).material as Material | Material[] | undefined
  if (!material) return true
  return !(Array.isArray(material) ? material : [material]).every((m) => m.transparent)
}

/** Lays out the labels of the parts in sight and writes each one's place and leader line. */
function placeLabels(
  bridge: SceneBridge,
  model: Model,
  project: (index: number) => (Projected & { readonly hidden: boolean }) | undefined,
  size: { width: number; height: number },
  slots: Map<number, number>,
): void {
  const priority = new Set(bridge.priorityLabels)
  const requests: LabelRequest[] = []
  const points: { key: number; x: number; y: number }[] = []
  for (const index of bridge.labels.keys()) {
    const p = project(index)
    if (!p?.visible || p.hidden || !KINDS[model.components[index]!.kind].interactive) continue
    points.push({ key: index, x: p.x, y: p.y })
  }
  for (const [index, entry] of bridge.labels) {
    const p = project(index)
    const first = priority.has(index)
    // a part behind something else has no label, unless it is pointed at or focused
    if (!p?.visible || (p.hidden && !first) || entry.width === 0) continue
    if (!bridge.showAllLabels && !first) continue
    requests.push({
      key: index,
      anchor: { x: p.x, y: p.y },
      width: entry.width,
      height: entry.height,
      clearance: Math.min(CLEARANCE[1], Math.max(CLEARANCE[0], p.radius * 0.6)),
      priority: first,
    })
  }
  const placements = layoutLabels(requests, { ...size, points, previous: slots })
  const placed = new Map(placements.map((p) => [p.key, p]))
  slots.clear()
  for (const [index, entry] of bridge.labels) {
    const place = placed.get(index)
    const box = place?.box
    if (!box) {
      entry.el.dataset['placed'] = 'false'
      entry.leader.dataset['placed'] = 'false'
      continue
    }
    slots.set(index, place.slot)
    entry.el.dataset['placed'] = 'true'
    entry.el.style.transform = `translate(${box.x.toFixed(1)}px, ${box.y.toFixed(1)}px)`
    const line = place.leader
    entry.leader.dataset['placed'] = line ? 'true' : 'false'
    if (line) {
      const length = Math.hypot(line.x2 - line.x1, line.y2 - line.y1)
      const angle = Math.atan2(line.y2 - line.y1, line.x2 - line.x1)
      entry.leader.style.width = `${length.toFixed(1)}px`
      entry.leader.style.transform = `translate(${line.x1.toFixed(1)}px, ${line.y1.toFixed(1)}px) rotate(${angle.toFixed(4)}rad)`
    }
  }
}
