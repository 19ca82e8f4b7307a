import { useGLTF } from '@react-three/drei'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { isModelSafe } from '../../../state/modelCheck.ts'

export interface ModelPartProps {
  /** The model's URL, resolved by the app from a path that passed the engine's rule. */
  readonly url: string
  /** The path as the scenario writes it, to check the files the model refers to. */
  readonly path: string
  /** What to draw while the model is checked and loaded, or if it is refused. */
  readonly fallback: ReactNode
}

/** A component drawn with its own glTF model, once the files it refers to are known to be safe. */
export function ModelPart({ url, path, fallback }: ModelPartProps) {
  const [state, setState] = useState<'checking' | 'safe' | 'refused'>('checking')
  useEffect(() => {
    let live = true
    void isModelSafe(url, path).then((safe) => live && setState(safe ? 'safe' : 'refused'))
    return () => {
      live = false
    }
  }, [url, path])
  return state === 'safe' ? <Model url={url} /> : fallback
}

function Model({ url }: { readonly url: string }) {
  // no Draco (its decoder would come from a CDN); meshopt's decoder ships with the app
  const { scene } = useGLTF(url, false, true)
  const copy = useMemo(() => scene.clone(true), [scene])
  return <primitive object={copy} />
}
