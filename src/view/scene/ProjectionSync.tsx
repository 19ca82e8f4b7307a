import { useFrame, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { Vector3 } from 'three'
import type { Model } from '../../core/index.ts'
import type { SceneBridge } from './sceneBridge.ts'

export interface ProjectionSyncProps {
  readonly model: Model
  readonly bridge: SceneBridge
}

const point = new Vector3()

/** Keeps the DOM overlay on the parts: projects each part to the screen on every drawn frame. */
export function ProjectionSync({ model, bridge }: ProjectionSyncProps) {
  const camera = useThree((s) => s.camera)
  const size = useThree((s) => s.size)
  const invalidate = useThree((s) => s.invalidate)
  const scene = useThree((s) => s.scene)
  const gl = useThree((s) => s.gl)

  useEffect(() => {
    bridge.invalidate = invalidate
    bridge.project = (index) => {
      const c = model.components[index]
      if (!c) return undefined
      // the part's group, so a worn item or a moved model is found where it is drawn
      const group = scene.getObjectByName(`part:${c.id}`)
      const drawn = group?.getObjectByName('item-worn') ?? group
      if (drawn) drawn.getWorldPosition(point)
      else point.set(...((c.source.position ?? [0, 0, 0]) as [number, number, number]))
      point.project(camera)
      const x = ((point.x + 1) / 2) * size.width
      const y = ((1 - point.y) / 2) * size.height
      return {
        x,
        y,
        visible: point.z < 1 && x >= 0 && y >= 0 && x <= size.width && y <= size.height,
      }
    }
    bridge.renderInfo = () => {
      const { calls, triangles, frame } = gl.info.render
      return { calls, triangles, frames: frame }
    }
    invalidate()
  }, [bridge, camera, gl, invalidate, model, scene, size])

  useFrame(() => {
    for (const [index, elements] of bridge.followers) {
      const p = bridge.project(index)
      for (const el of elements) {
        el.style.transform = p
          ? `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)`
          : 'translate(-9999px, 0)'
        el.dataset['offscreen'] = p?.visible ? 'false' : 'true'
      }
    }
  })

  return null
}
