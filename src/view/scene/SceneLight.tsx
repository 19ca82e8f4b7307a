import { useThree } from '@react-three/fiber'
import { useLayoutEffect } from 'react'
import {
  ACESFilmicToneMapping,
  NeutralToneMapping,
  PMREMGenerator,
  type Texture,
  type WebGLRenderer,
} from 'three'
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js'
import type { Detail } from './looks/types.ts'

export interface SceneLightProps {
  readonly detail: Detail
}

// one environment map per renderer, made the first time a Detailed scene needs it
const environments = new WeakMap<WebGLRenderer, Texture>()

/** A room's light, prefiltered for reflections (three's RoomEnvironment through PMREM): no download. */
function getEnvironment(gl: WebGLRenderer): Texture {
  let texture = environments.get(gl)
  if (!texture) {
    const pmrem = new PMREMGenerator(gl)
    const room = new RoomEnvironment()
    texture = pmrem.fromScene(room, 0.04).texture
    room.dispose()
    pmrem.dispose()
    environments.set(gl, texture)
  }
  return texture
}

/**
 * The scene's light. Detailed: a room's light for reflections and soft fill, a sun-like key, and
 * Neutral tone mapping (it keeps safety yellow and red true). Simple: the plain lights alone.
 */
export function SceneLight({ detail }: SceneLightProps) {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const detailed = detail === 'detailed'
  useLayoutEffect(() => {
    if (!detailed) return
    scene.environment = getEnvironment(gl)
    scene.environmentIntensity = 0.75
    gl.toneMapping = NeutralToneMapping
    gl.toneMappingExposure = 1
    invalidate()
    return () => {
      scene.environment = null
      gl.toneMapping = ACESFilmicToneMapping
      invalidate()
    }
  }, [detailed, gl, invalidate, scene])
  return detailed ? (
    <>
      <hemisphereLight args={['#ffffff', '#6b6f73', 0.6]} />
      <directionalLight position={[3, 6, 5]} intensity={1.6} />
      <directionalLight position={[-4, 3, -2]} intensity={0.35} />
    </>
  ) : (
    <>
      <hemisphereLight args={['#ffffff', '#6b6f73', 1.6]} />
      <directionalLight position={[3, 6, 5]} intensity={1.8} />
    </>
  )
}
