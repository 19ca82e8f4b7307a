import { useLayoutEffect, useMemo, useRef } from 'react'
import {
  BackSide,
  BufferAttribute,
  CanvasTexture,
  Color,
  CylinderGeometry,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  RepeatWrapping,
  SphereGeometry,
  type Group,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import type { Scene } from '../../core/index.ts'
import type { Detail } from './looks/types.ts'
import { Piece } from './Piece.tsx'
import { COLORS, drawTexture, geo, sharedGeometry } from './resources.ts'

type Environment = NonNullable<Scene['environment']>

export interface SurroundingsProps {
  readonly environment: Environment
  readonly detail: Detail
}

/** The layer the surroundings are on: seen by the view's camera, not by the contact shadow's. */
export const SURROUNDINGS_LAYER = 1

const BACKGROUND: Record<Environment, string> = {
  workshop: '#c9d3dc',
  outdoor: '#a9cdea',
  plain: '#f2f2f2',
}
const FLOOR: Record<Environment, string> = {
  workshop: '#8d9296',
  outdoor: '#7d8f69',
  plain: '#dcdcdc',
}

/**
 * What is around the equipment. Simple: a plain floor and, in a workshop, a back wall (the cheap
 * look). Detailed: a workshop hall (concrete floor with walkway lines, painted walls with a dado
 * band and high windows), open ground under a sky outdoors, or a soft studio floor.
 */
export function Surroundings({ environment, detail }: SurroundingsProps) {
  if (detail === 'simple')
    return (
      <>
        <color attach="background" args={[BACKGROUND[environment]]} />
        <Piece
          name="floor"
          geometry={geo.box()}
          color={FLOOR[environment]}
          scale={[30, 0.02, 30]}
          position={[0, -0.01, 0]}
        />
        {environment === 'workshop' && (
          <Piece
            geometry={geo.box()}
            color={COLORS.panel}
            scale={[30, 8, 0.1]}
            position={[0, 4, -3]}
          />
        )}
      </>
    )
  return <DetailedSurroundings environment={environment} />
}

// the hall: walls this far from the middle, this high
const HALL = { width: 24, front: 14, back: -7, height: 6.5 }

function DetailedSurroundings({ environment }: { readonly environment: Environment }) {
  const group = useRef<Group>(null)
  useLayoutEffect(() => {
    group.current!.traverse((o) => o.layers.set(SURROUNDINGS_LAYER))
  }, [environment])
  const floor = useMemo(() => floorMaterial(environment), [environment])
  return (
    <group ref={group} name="surroundings">
      {environment === 'outdoor' ? (
        <mesh name="sky" geometry={skyGeometry()} material={skyMaterial()} />
      ) : (
        <color attach="background" args={[environment === 'plain' ? '#e9edf1' : '#b9c2ca']} />
      )}
      <mesh
        name="floor"
        geometry={floorGeometry(environment)}
        material={floor}
        rotation={[-Math.PI / 2, 0, 0]}
        position={[0, -0.004, environment === 'workshop' ? (HALL.front + HALL.back) / 2 : 0]}
      />
      {environment === 'workshop' && (
        <>
          <mesh
            name="walls"
            geometry={hallGeometry()}
            material={wallMaterial()}
            position={[0, HALL.height / 2 - 0.005, (HALL.front + HALL.back) / 2]}
          />
          <mesh
            name="walkway"
            geometry={walkwayGeometry()}
            material={lineMaterial()}
            position={[0, -0.002, 0]}
          />
        </>
      )}
    </group>
  )
}

const materials = new Map<string, MeshStandardMaterial | MeshBasicMaterial>()
function cachedMaterial<M extends MeshStandardMaterial | MeshBasicMaterial>(
  key: string,
  make: () => M,
): M {
  let m = materials.get(key)
  if (!m) materials.set(key, (m = make()))
  return m as M
}

/** Open ground (outdoors, the plain studio) reaches this far each way. */
const OPEN = 40

const floorGeometry = (environment: Environment) =>
  environment === 'workshop'
    ? sharedGeometry(
        'surroundings:hall-floor',
        () => new PlaneGeometry(HALL.width, HALL.front - HALL.back),
      )
    : sharedGeometry('surroundings:open-floor', () => new PlaneGeometry(2 * OPEN, 2 * OPEN))

/** The walls of the hall: a box open at top and bottom, seen from inside. */
const hallGeometry = () =>
  sharedGeometry('surroundings:hall', () => {
    const g = new CylinderGeometry(1, 1, HALL.height, 4, 1, true, Math.PI / 4)
    // a square of side 1 (the radius of its corners is 1/√2), stretched to the hall
    g.scale(HALL.width / Math.SQRT2, 1, (HALL.front - HALL.back) / Math.SQRT2)
    return g
  })

/** Two yellow walkway lines across the hall, in front of the equipment. */
const walkwayGeometry = () =>
  sharedGeometry('surroundings:walkway', () => {
    const line = new PlaneGeometry(HALL.width - 1, 0.1).rotateX(-Math.PI / 2)
    return mergeGeometries([line.clone().translate(0, 0, 2.6), line.translate(0, 0, 4.1)])
  })

const skyGeometry = () => sharedGeometry('surroundings:sky', () => skyDome())

/** A dome with the sky's colours from the horizon up, in its vertex colours. */
function skyDome() {
  const g = new SphereGeometry(60, 24, 12)
  const top = new Color('#5d97d6')
  const horizon = new Color('#d9e8f3')
  const position = g.getAttribute('position')
  const colors = new Float32Array(position.count * 3)
  const c = new Color()
  for (let i = 0; i < position.count; i++) {
    const k = Math.max(0, position.getY(i) / 60) ** 0.6
    c.copy(horizon)
      .lerp(top, k)
      .toArray(colors, i * 3)
  }
  g.setAttribute('color', new BufferAttribute(colors, 3))
  return g
}

const skyMaterial = () =>
  cachedMaterial(
    'sky',
    () =>
      new MeshBasicMaterial({ vertexColors: true, side: BackSide, fog: false, depthWrite: false }),
  )

const lineMaterial = () =>
  cachedMaterial('walkway', () => new MeshStandardMaterial({ color: '#f2c200', roughness: 0.55 }))

function floorMaterial(environment: Environment) {
  return cachedMaterial(`floor:${environment}`, () => {
    const texture =
      environment === 'outdoor' ? groundTexture() : concreteTexture(environment === 'plain')
    const m = new MeshStandardMaterial({
      color: environment === 'plain' ? '#cfd3d7' : '#ffffff',
      roughness: environment === 'outdoor' ? 0.95 : 0.8,
      metalness: 0,
      map: environment === 'plain' ? null : (texture ?? null),
    })
    return m
  })
}

function repeat(texture: CanvasTexture | undefined, times: [number, number]) {
  if (texture) {
    texture.wrapS = texture.wrapT = RepeatWrapping
    texture.repeat.set(...times)
  }
  return texture
}

/** Trowelled concrete, 3 m to a tile: mottled grey with fine specks and a saw-cut joint. */
function concreteTexture(plain: boolean) {
  if (plain) return undefined
  const tiles: [number, number] = [HALL.width / 3, (HALL.front - HALL.back) / 3]
  return repeat(
    drawTexture(256, 256, (ctx) => {
      ctx.fillStyle = '#9a9c9b'
      ctx.fillRect(0, 0, 256, 256)
      const random = seeded(7)
      for (let i = 0; i < 60; i++) {
        const shade = 140 + Math.floor(random() * 30)
        ctx.fillStyle = `rgba(${shade},${shade},${shade - 2},0.18)`
        ctx.beginPath()
        ctx.arc(random() * 256, random() * 256, 10 + random() * 40, 0, Math.PI * 2)
        ctx.fill()
      }
      for (let i = 0; i < 1400; i++) {
        const shade = 90 + Math.floor(random() * 110)
        ctx.fillStyle = `rgba(${shade},${shade},${shade},0.5)`
        ctx.fillRect(random() * 256, random() * 256, 1, 1)
      }
      ctx.fillStyle = 'rgba(60,60,60,0.55)'
      ctx.fillRect(0, 0, 256, 1)
      ctx.fillRect(0, 0, 1, 256)
    }),
    tiles,
  )
}

/** Open ground: worn grass over earth, 2 m to a tile. */
function groundTexture() {
  const tiles: [number, number] = [OPEN, OPEN]
  return repeat(
    drawTexture(256, 256, (ctx) => {
      ctx.fillStyle = '#7d8f62'
      ctx.fillRect(0, 0, 256, 256)
      const random = seeded(11)
      for (let i = 0; i < 40; i++) {
        ctx.fillStyle = random() < 0.5 ? 'rgba(120,110,80,0.25)' : 'rgba(90,120,70,0.25)'
        ctx.beginPath()
        ctx.arc(random() * 256, random() * 256, 12 + random() * 36, 0, Math.PI * 2)
        ctx.fill()
      }
      for (let i = 0; i < 2500; i++) {
        const g = 90 + Math.floor(random() * 80)
        ctx.fillStyle = `rgba(${g - 30},${g},${g - 50},0.6)`
        ctx.fillRect(random() * 256, random() * 256, 1, 2)
      }
    }),
    tiles,
  )
}

/** Painted block walls: a light upper coat, a grey-blue dado below 1.2 m, high windows. */
const wallMaterial = () =>
  cachedMaterial('walls', () => {
    // the texture goes round the four walls once; each wall is 1/4 of its width
    const around = 2 * (HALL.width + HALL.front - HALL.back)
    const texture = drawTexture(1024, 256, (ctx) => {
      const h = 256
      const y = (m: number) => h - (m / HALL.height) * h
      ctx.fillStyle = '#dfe2de'
      ctx.fillRect(0, 0, 1024, h)
      ctx.fillStyle = '#7f95a1'
      ctx.fillRect(0, y(1.2), 1024, h - y(1.2))
      ctx.fillStyle = '#4d5a61'
      ctx.fillRect(0, y(1.22), 1024, 3)
      ctx.fillStyle = '#3b4247'
      ctx.fillRect(0, y(0.12), 1024, h - y(0.12))
      // block joints
      ctx.fillStyle = 'rgba(0,0,0,0.06)'
      for (let m = 0.2; m < HALL.height; m += 0.2) ctx.fillRect(0, y(m), 1024, 1)
      // high windows along every wall
      for (let x = 0; x < 1024; x += 1024 / (around / 3)) {
        ctx.fillStyle = '#9fb7c8'
        ctx.fillRect(x + 8, y(5.6), 1024 / (around / 3) - 16, y(4.4) - y(5.6))
        ctx.fillStyle = '#dbe7ef'
        ctx.fillRect(x + 10, y(5.55), 1024 / (around / 3) - 20, 4)
      }
    })
    return new MeshStandardMaterial({
      map: texture ?? null,
      color: texture ? '#ffffff' : '#dfe2de',
      roughness: 0.85,
      side: BackSide,
    })
  })

/** The same speckles on every load: a small deterministic generator. */
function seeded(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 16807) % 2147483647
    return s / 2147483647
  }
}
