import { useGLTF } from '@react-three/drei'
import { useMemo } from 'react'

export interface ModelPartProps {
  /** The model's URL, already checked by the engine's path rule and resolved by the app. */
  readonly url: string
}

/** A component drawn with its own glTF model instead of the built-in look. */
export function ModelPart({ url }: ModelPartProps) {
  // no Draco (its decoder would come from a CDN); meshopt's decoder ships with the app
  const { scene } = useGLTF(url, false, true)
  const copy = useMemo(() => scene.clone(true), [scene])
  return <primitive object={copy} />
}
