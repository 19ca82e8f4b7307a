// Geometries, materials and canvas textures shared by every part of a kind: one set for the
// whole scene, created on first use, so a panel of many parts costs few GPU objects.
import {
  BoxGeometry,
  CanvasTexture,
  CylinderGeometry,
  DoubleSide,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  RepeatWrapping,
  SphereGeometry,
  SRGBColorSpace,
  TorusGeometry,
  type BufferGeometry,
  type Material,
  type Texture,
} from 'three'

const geometries = new Map<string, BufferGeometry>()
const materials = new Map<string, Material>()
const textures = new Map<string, CanvasTexture | undefined>()

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key)
  if (v === undefined) map.set(key, (v = make()))
  return v
}

export const geo = {
  box: () => cached(geometries, 'box', () => new BoxGeometry(1, 1, 1)),
  /** A unit cylinder along y. */
  cylinder: () => cached(geometries, 'cylinder', () => new CylinderGeometry(0.5, 0.5, 1, 32)),
  /** A unit cylinder with 12 sides, for small parts. */
  cylinderLow: () => cached(geometries, 'cylinderLow', () => new CylinderGeometry(0.5, 0.5, 1, 12)),
  sphere: () => cached(geometries, 'sphere', () => new SphereGeometry(0.5, 24, 16)),
  /** The top half of a sphere, for mushroom heads and helmets. */
  dome: () =>
    cached(
      geometries,
      'dome',
      () => new SphereGeometry(0.5, 24, 12, 0, Math.PI * 2, 0, Math.PI / 2),
    ),
  ring: () => cached(geometries, 'ring', () => new TorusGeometry(0.5, 0.08, 8, 32)),
  plane: () => cached(geometries, 'plane', () => new PlaneGeometry(1, 1)),
  /** Half a torus, for padlock shackles. */
  shackle: () => cached(geometries, 'shackle', () => new TorusGeometry(0.5, 0.12, 6, 16, Math.PI)),
}

/** A standard material per colour and finish, shared by every part that uses it. */
export function mat(
  color: string,
  options: { metal?: boolean; emissive?: string; transparent?: number } = {},
): Material {
  const key = `${color}|${options.metal ? 1 : 0}|${options.emissive ?? ''}|${options.transparent ?? ''}`
  return cached(materials, key, () => {
    const m = new MeshStandardMaterial({
      color,
      roughness: options.metal ? 0.35 : 0.7,
      metalness: options.metal ? 0.6 : 0.05,
    })
    if (options.emissive) {
      m.emissive.set(options.emissive)
      m.emissiveIntensity = 1.6
    }
    if (options.transparent !== undefined) {
      m.transparent = true
      m.opacity = options.transparent
      m.depthWrite = false
      m.side = DoubleSide
    }
    return m
  })
}

/**
 * How a batched piece is finished; its colour comes per instance. `matte`, `metal` and `glow` are
 * the Simple look's; the others are physically based finishes of the Detailed looks: `painted`
 * steel (also safety yellow), `stainless` steel, black `rubber` and clear `glass`.
 */
export type Finish = 'matte' | 'metal' | 'glow' | 'painted' | 'stainless' | 'rubber' | 'glass'

const FINISHES: Record<Finish, { roughness: number; metalness: number }> = {
  matte: { roughness: 0.7, metalness: 0.05 },
  metal: { roughness: 0.35, metalness: 0.6 },
  glow: { roughness: 0.7, metalness: 0.05 },
  // powder-coated steel and safety yellow: a dielectric with a soft sheen
  painted: { roughness: 0.42, metalness: 0 },
  // brushed stainless: a metal, so its colour is all reflection
  stainless: { roughness: 0.3, metalness: 1 },
  rubber: { roughness: 0.88, metalness: 0 },
  glass: { roughness: 0.04, metalness: 0 },
}

/** The finishes that mirror their surroundings (the Detailed look gives them a room to mirror). */
const REFLECTIVE: ReadonlySet<Finish> = new Set(['metal', 'stainless', 'glass'])
const REFLECTION_STRENGTH: Partial<Record<Finish, number>> = { glass: 1.5 }
let reflections: Texture | null = null

/**
 * What the reflective finishes mirror: a prefiltered environment (Detailed), or nothing (Simple).
 * Only they sample it, so the pixels of matte paint, floors and walls stay cheap on any GPU.
 */
export function setReflections(texture: Texture | null): void {
  if (texture === reflections) return
  reflections = texture
  for (const finish of REFLECTIVE) {
    const m = materials.get(`finish|${finish}`) as MeshStandardMaterial | undefined
    if (m) applyReflections(m, finish)
  }
}

function applyReflections(m: MeshStandardMaterial, finish: Finish): void {
  m.envMap = reflections
  m.envMapIntensity = REFLECTION_STRENGTH[finish] ?? 1
  m.needsUpdate = true
}

/** The white material of every batched piece of a finish, coloured per instance. */
export function finishMaterial(finish: Finish): Material {
  return cached(materials, `finish|${finish}`, () => {
    const m = new MeshStandardMaterial({ color: '#ffffff', ...FINISHES[finish] })
    if (REFLECTIVE.has(finish) && reflections) applyReflections(m, finish)
    if (finish === 'glass') {
      m.transparent = true
      m.opacity = 0.25
      m.depthWrite = false
    }
    if (finish === 'glow') {
      m.emissive.set('#ffffff')
      m.emissiveIntensity = 1.6
      // three tints only the diffuse colour by the instance's: the glow takes it too
      m.onBeforeCompile = (shader) => {
        shader.fragmentShader = shader.fragmentShader.replace(
          '#include <color_fragment>',
          '#include <color_fragment>\n#if defined( USE_COLOR ) || defined( USE_COLOR_ALPHA )\n\ttotalEmissiveRadiance *= vColor.rgb;\n#endif',
        )
      }
      m.customProgramCacheKey = () => 'practica-glow'
    }
    return m
  })
}

/**
 * A geometry made once per key and shared by every part that asks for it (a look's lathe,
 * extrusion or tube): put every parameter the shape depends on into the key.
 */
export function sharedGeometry(key: string, make: () => BufferGeometry): BufferGeometry {
  return cached(geometries, key, make)
}

export const COLORS = {
  panel: '#d8dadc',
  dark: '#2b2f33',
  steel: '#8a9199',
  brass: '#b08d3c',
  red: '#c62828',
  yellow: '#f2c200',
  orange: '#ef6c00',
  green: '#2e7d32',
  white: '#f4f4f4',
  highlight: '#29b6f6',
  next: '#ffb300',
}

/** A texture drawn on a 2D canvas, or undefined where there is no DOM (scene-graph tests). */
export function drawTexture(
  width: number,
  height: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
): CanvasTexture | undefined {
  if (typeof document === 'undefined') return undefined
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) return undefined
  draw(ctx)
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  texture.anisotropy = 4
  return texture
}

/**
 * A printed face (a danger tag, a dial, a tool's legend, a sign) drawn once on a canvas through
 * drawTexture and shared by every part that shows it. `key` names the drawing: put every value
 * it depends on into it. Undefined where there is no canvas, as drawTexture.
 */
export function printedTexture(
  key: string,
  width: number,
  height: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
): CanvasTexture | undefined {
  if (!textures.has(key)) textures.set(key, drawTexture(width, height, draw))
  return textures.get(key)
}

/** The moving stripes of a conveyor belt, shared by every belt. */
export function beltTexture(): CanvasTexture | undefined {
  return cached(textures, 'belt', () => {
    const t = drawTexture(64, 64, (ctx) => {
      ctx.fillStyle = '#33373b'
      ctx.fillRect(0, 0, 64, 64)
      ctx.fillStyle = '#4a4f55'
      ctx.fillRect(0, 0, 64, 14)
    })
    if (t) {
      t.wrapS = t.wrapT = RepeatWrapping
      t.repeat.set(1, 8)
    }
    return t
  })
}

/** A gauge dial with its scale, numbers and unit; one per distinct range. */
export function dialTexture(min: number, max: number, unit: string): CanvasTexture | undefined {
  return printedTexture(`dial|${min}|${max}|${unit}`, 256, 256, (ctx) => {
    ctx.fillStyle = '#fbfbf7'
    ctx.beginPath()
    ctx.arc(128, 128, 126, 0, Math.PI * 2)
    ctx.fill()
    ctx.strokeStyle = '#222'
    ctx.fillStyle = '#222'
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.font = 'bold 22px sans-serif'
    const majors = 5
    for (let i = 0; i <= majors * 5; i++) {
      const a = (-225 + (270 * i) / (majors * 5)) * (Math.PI / 180)
      const major = i % 5 === 0
      const r1 = major ? 92 : 102
      ctx.lineWidth = major ? 4 : 2
      ctx.beginPath()
      ctx.moveTo(128 + Math.cos(a) * r1, 128 + Math.sin(a) * r1)
      ctx.lineTo(128 + Math.cos(a) * 116, 128 + Math.sin(a) * 116)
      ctx.stroke()
      if (major) {
        const v = min + ((max - min) * i) / (majors * 5)
        ctx.fillText(formatTick(v), 128 + Math.cos(a) * 70, 128 + Math.sin(a) * 70)
      }
    }
    ctx.font = 'bold 26px sans-serif'
    ctx.fillText(unit, 128, 190)
  })
}

function formatTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

/** An unlit material showing a texture (dials, screens), one per texture. */
export function faceMaterial(texture: CanvasTexture | undefined, fallback = '#fbfbf7'): Material {
  const key = texture ? `face|${texture.uuid}` : `face|${fallback}`
  return cached(
    materials,
    key,
    () =>
      new MeshBasicMaterial(texture ? { map: texture, transparent: true } : { color: fallback }),
  )
}
