import { useEffect, useState, type ReactNode } from 'react'
import type { Object3D } from 'three'
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js'
import { isModelSafe } from '../../../state/modelCheck.ts'

export interface ModelPartProps {
  /** The model's URL, resolved by the app from a path that passed the engine's rule. */
  readonly url: string
  /** The path as the scenario writes it, to check the files the model refers to. */
  readonly path: string
  /** What to draw while the model is checked and loaded, or if it is refused. */
  readonly fallback: ReactNode
}

/** Each model's scene, loaded once for all the parts drawn with it. */
const MODELS = new Map<string, Promise<Object3D>>()

function loadModel(url: string): Promise<Object3D> {
  let model = MODELS.get(url)
  if (!model) {
    // no Draco (its decoder would come from a CDN); meshopt's decoder ships with the app
    const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder)
    model = loader.loadAsync(url).then((gltf) => gltf.scene)
    MODELS.set(url, model)
  }
  return model
}

/**
 * A component drawn with its own glTF model, once the files it refers to are known to be safe;
 * the fallback while it is checked and loaded, and where it is refused or cannot be read.
 */
export function ModelPart({ url, path, fallback }: ModelPartProps) {
  const [model, setModel] = useState<Object3D>()
  useEffect(() => {
    let live = true
    setModel(undefined)
    void isModelSafe(url, path)
      .then((safe) => (safe ? loadModel(url) : undefined))
      .then((scene) => live && scene && setModel(scene.clone(true)))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [url, path])
  return model ? <primitive object={model} /> : fallback
}
