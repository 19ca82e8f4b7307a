import { useFrame, useThree } from '@react-three/fiber'
import { useContext, useEffect, useMemo, useRef, type RefObject } from 'react'
import {
  Box3,
  Color,
  Mesh,
  MeshBasicMaterial,
  MeshDepthMaterial,
  OrthographicCamera,
  PlaneGeometry,
  ShaderMaterial,
  Vector3,
  WebGLRenderTarget,
  type Group,
  type Scene,
  type WebGLRenderer,
} from 'three'
import { HorizontalBlurShader } from 'three/examples/jsm/shaders/HorizontalBlurShader.js'
import { VerticalBlurShader } from 'three/examples/jsm/shaders/VerticalBlurShader.js'
import type { SceneSource, SceneState } from '../../state/sceneSource.ts'
import { PieceBatchesContext } from './pieceContext.ts'

export interface ContactShadowProps {
  readonly store: SceneSource
  /** The parts whose shadows fall on the floor (the surroundings are on layer 1, not seen). */
  readonly parts: RefObject<Group | null>
  /** Pixels of the shadow's square texture. */
  readonly resolution?: number
  /** Height above the floor from which things no longer darken it, metres. */
  readonly far?: number
  readonly opacity?: number
}

/** Drawn frames a change of state keeps re-baking for, while a door or handle moves there. */
const SETTLING_FRAMES = 30
/** The floor's own paint and slabs (a few mm) cast nothing. */
const NEAR = 0.012
const LIFT = 0.002

/** Everything the shadow of a state depends on: what each part shows, and its locks and tags. */
const shadowKey = (s: SceneState) =>
  `${s.sim.comps.join('|')}#${s.sim.locked.join('')}#${s.sim.tagged.join('')}`

/** What the shadow is made with: its render targets, its cameras, its materials and its plane. */
type ShadowRig = ReturnType<typeof createShadowRig>

/**
 * The shadow's render targets (the depth as seen from below, and the blur's half-way texture), the
 * depth material that darkens what is near the floor, the two blur passes with their own square
 * and camera, the camera that looks up at the parts, and the plane that shows the shadow.
 */
function createShadowRig(resolution: number, far: number, opacity: number) {
  const target = new WebGLRenderTarget(resolution, resolution)
  const blurred = new WebGLRenderTarget(resolution, resolution)
  target.texture.generateMipmaps = blurred.texture.generateMipmaps = false
  const plane = new PlaneGeometry(1, 1).rotateX(Math.PI / 2)
  // the blur passes draw the whole texture through a square in front of a camera of their own
  const blurPlane = new Mesh(new PlaneGeometry(1, 1))
  blurPlane.position.z = -0.5
  blurPlane.updateMatrixWorld()
  const blurCamera = new OrthographicCamera(-0.5, 0.5, 0.5, -0.5, 0, 1)
  const depth = new MeshDepthMaterial()
  depth.depthTest = depth.depthWrite = false
  depth.onBeforeCompile = (shader) => {
    shader.fragmentShader = shader.fragmentShader.replace(
      'vec4( vec3( 1.0 - fragCoordZ ), opacity );',
      // dark where close to the floor, fading with height
      'vec4( vec3( 0.0 ), ( 1.0 - fragCoordZ ) );',
    )
  }
  const horizontal = new ShaderMaterial(HorizontalBlurShader)
  const vertical = new ShaderMaterial(VerticalBlurShader)
  horizontal.depthTest = vertical.depthTest = false
  const shadow = new MeshBasicMaterial({
    map: target.texture,
    transparent: true,
    opacity,
    depthWrite: false,
  })
  const camera = new OrthographicCamera(-0.5, 0.5, 0.5, -0.5, NEAR, far)
  const mesh = new Mesh(plane, shadow)
  mesh.rotation.set(-Math.PI / 2, 0, 0)
  mesh.raycast = () => undefined
  mesh.name = 'contact-shadow'
  return {
    target,
    blurred,
    plane,
    blurPlane,
    blurCamera,
    depth,
    horizontal,
    vertical,
    shadow,
    camera,
    mesh,
  }
}

/** Frees the rig's GPU objects. */
function disposeShadowRig(r: ShadowRig): void {
  for (const o of [
    r.target,
    r.blurred,
    r.plane,
    r.blurPlane.geometry,
    r.depth,
    r.horizontal,
    r.vertical,
    r.shadow,
  ])
    o.dispose()
}

/** How many more frames to bake for, and the batches' change count the last bake saw. */
interface Baking {
  frames: number
  changes: number
}

/**
 * Asks for bakes when the scene changes: a new state may move or hide things (a few frames, while
 * a door or handle moves), an edit may move anything (one), and a new rig has baked nothing yet.
 */
function useBakeOnChange(store: SceneSource, bake: RefObject<Baking>, r: ShadowRig): void {
  const invalidate = useThree((s) => s.invalidate)
  // a new state may move or hide things: bake again (the parts ask for the frames they need)
  useEffect(() => {
    let key = shadowKey(store.getState())
    return store.subscribe((s, prev) => {
      // an edit in the editor (a new model) may have moved anything
      if (s.model !== prev.model) bake.current.frames = Math.max(bake.current.frames, 1)
      const next = shadowKey(s)
      if (next === key) return
      key = next
      bake.current.frames = SETTLING_FRAMES
    })
  }, [store, bake])
  useEffect(() => {
    bake.current.frames = Math.max(bake.current.frames, 1)
    invalidate()
  }, [invalidate, r, bake])
}

/** Blurs the baked depth by `amount`: horizontally into the half-way texture, vertically back. */
function blur(gl: WebGLRenderer, r: ShadowRig, amount: number): void {
  r.blurPlane.visible = true
  r.blurPlane.material = r.horizontal
  r.horizontal.uniforms['tDiffuse']!.value = r.target.texture
  r.horizontal.uniforms['h']!.value = amount / 256
  gl.setRenderTarget(r.blurred)
  gl.render(r.blurPlane, r.blurCamera)
  r.blurPlane.material = r.vertical
  r.vertical.uniforms['tDiffuse']!.value = r.blurred.texture
  r.vertical.uniforms['v']!.value = amount / 256
  gl.setRenderTarget(r.target)
  gl.render(r.blurPlane, r.blurCamera)
  r.blurPlane.visible = false
}

/**
 * Places the shadow under the parts and fits the camera to them, with a margin for the blur:
 * the side of the square it covers, or undefined where there are no parts.
 */
function fitUnder(
  r: ShadowRig,
  holder: Group,
  content: Group,
  box: Box3,
  size: Vector3,
): number | undefined {
  box.setFromObject(content)
  if (box.isEmpty()) return undefined
  box.getSize(size)
  const side = Math.min(60, Math.max(size.x, size.z) + 1.5)
  const centre = box.getCenter(size)
  holder.position.set(centre.x, LIFT, centre.z)
  r.mesh.scale.set(side, -1, side)
  holder.updateMatrixWorld()
  r.camera.left = r.camera.bottom = -side / 2
  r.camera.right = r.camera.top = side / 2
  r.camera.updateProjectionMatrix()
  return side
}

/**
 * Draws the scene as depth from below into the shadow's texture and blurs it, the shadow itself
 * hidden and the scene's background and clear colour put back after.
 */
function bakeShadow(
  gl: WebGLRenderer,
  scene: Scene,
  r: ShadowRig,
  holder: Group,
  side: number,
  clearColor: Color,
): void {
  const background = scene.background
  const override = scene.overrideMaterial
  holder.visible = false
  scene.background = null
  scene.overrideMaterial = r.depth
  gl.getClearColor(clearColor)
  const clearAlpha = gl.getClearAlpha()
  gl.setRenderTarget(r.target)
  gl.setClearColor(clearColor, 0)
  gl.clear()
  gl.render(scene, r.camera)
  // about 5 cm of softness on the floor, whatever the size of the scene
  const soft = Math.min(3, Math.max(0.5, 12.8 / side))
  blur(gl, r, soft)
  blur(gl, r, soft * 0.4)
  gl.setRenderTarget(null)
  gl.setClearColor(clearColor, clearAlpha)
  holder.visible = true
  scene.overrideMaterial = override
  scene.background = background
}

/**
 * A soft shadow under the equipment, as a photo studio's contact shadow: the parts seen from below
 * by an orthographic camera, as depth, blurred, on a plane just above the floor. It is baked once
 * and again only when the scene changes (a look arrives, a part is re-drawn, or a state changes
 * and for a few frames after), never on every frame: orbiting the camera re-bakes nothing.
 */
export function ContactShadow({
  store,
  parts,
  resolution = 512,
  far = 2.5,
  opacity = 0.7,
}: ContactShadowProps) {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const batches = useContext(PieceBatchesContext)
  const holder = useRef<Group>(null)
  const bake = useRef<Baking>({ frames: 1, changes: -1 })
  const r = useMemo(() => createShadowRig(resolution, far, opacity), [far, opacity, resolution])
  useEffect(() => () => disposeShadowRig(r), [r])
  useBakeOnChange(store, bake, r)

  const clearColor = useMemo(() => new Color(), [])
  const box = useMemo(() => new Box3(), [])
  const size = useMemo(() => new Vector3(), [])
  useFrame(() => {
    const g = holder.current
    const content = parts.current
    if (!g || !content) return
    const changes = batches?.changes ?? 0
    if (changes !== bake.current.changes) {
      // a look arrived, a part was drawn anew or changed its pieces
      bake.current.changes = changes
      bake.current.frames = Math.max(bake.current.frames, 1)
    }
    if (bake.current.frames <= 0) return
    bake.current.frames--
    const side = fitUnder(r, g, content, box, size)
    if (side !== undefined) bakeShadow(gl, scene, r, g, side, clearColor)
  }, -2)

  return (
    <group ref={holder}>
      <group rotation-x={Math.PI / 2}>
        <primitive object={r.mesh} />
        <primitive object={r.camera} />
      </group>
    </group>
  )
}
