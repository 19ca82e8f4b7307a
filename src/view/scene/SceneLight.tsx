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
import { setReflections } from './resources.ts'

export interface SceneLightProps {
  readonly detail: Detail
}

interface Environment {
  /** The room, prefiltered (PMREM) for the reflections of metal and glass. */
  readonly reflections: Texture
}

// one environment per renderer, made the first time a Detailed scene needs it
const environments = new WeakMap<WebGLRenderer, Environment>()

/** A room's light (three's RoomEnvironment), made here at run time: nothing is downloaded. */
function getEnvironment(gl: WebGLRenderer): Environment {
  let env = environments.get(gl)
  if (env) return env
  const room = new RoomEnvironment()
  const pmrem = new PMREMGenerator(gl)
  // a small cube is plenty for rough paint and brushed steel
  const reflections = pmrem.fromScene(room, 0, 0.1, 100, { size: 64 }).texture
  pmrem.dispose()
  room.dispose()
  env = { reflections }
  environments.set(gl, env)
  return env
}

/**
 * The scene's light. Detailed: a room's light in the reflections of metal and glass (only they
 * sample it, so paint, floors and walls stay cheap), a sky-and-ground fill, a sun-like key and a
 * back light, and Neutral tone mapping (it keeps safety yellow and red true). Simple: the plain
 * lights alone.
 */
export function SceneLight({ detail }: SceneLightProps) {
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  const detailed = detail === 'detailed'
  useLayoutEffect(() => {
    if (!detailed) return
    const env = getEnvironment(gl)
    setReflections(env.reflections)
    gl.toneMapping = NeutralToneMapping
    gl.toneMappingExposure = 1
    invalidate()
    return () => {
      setReflections(null)
      gl.toneMapping = ACESFilmicToneMapping
      invalidate()
    }
  }, [detailed, gl, invalidate])
  return detailed ? (
    <>
      <hemisphereLight args={['#f4f7fb', '#5d6166', 1.2]} />
      <directionalLight position={[3, 6, 5]} intensity={1.7} />
      <directionalLight position={[-4, 3, -2]} intensity={0.45} />
    </>
  ) : (
    <>
      <hemisphereLight args={['#ffffff', '#6b6f73', 1.6]} />
      <directionalLight position={[3, 6, 5]} intensity={1.8} />
    </>
  )
}
