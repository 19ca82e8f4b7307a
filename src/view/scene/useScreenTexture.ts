// A screen that shows a line of text (a display's digits, a meter's reading, a tool's LCD): a
// canvas texture of its own, drawn again in place whenever the text changes.
import { useEffect, useMemo, useRef } from 'react'
import { MeshBasicMaterial, type Mesh } from 'three'
import type { SceneSource, SceneState } from '../../state/sceneSource.ts'
import { useSceneEffect } from './hooks.ts'
import { drawTexture } from './resources.ts'

/** How a screen is drawn with its text, on a canvas of `width` × `height` pixels. */
export interface ScreenStyle {
  readonly width: number
  readonly height: number
  /** The screen's plain colour where there is no canvas (scene-graph tests). */
  readonly blank: string
  readonly draw: (ctx: CanvasRenderingContext2D, text: string) => void
}

/**
 * A material of its own for a screen that shows `select`'s text drawn with `style`, and the ref
 * of the screen's mesh. The texture is drawn once blank and again in place when the text changes;
 * the mesh's `userData.text` holds the text shown (tests read it where there is no canvas). Give
 * the same `style` object on every render: a new one makes a new material.
 */
export function useScreenTexture(
  store: SceneSource,
  select: (s: SceneState) => string,
  style: ScreenStyle,
) {
  const screen = useRef<Mesh>(null)
  const material = useMemo(() => {
    const texture = drawTexture(style.width, style.height, (ctx) => style.draw(ctx, ''))
    return new MeshBasicMaterial(texture ? { map: texture } : { color: style.blank })
  }, [style])
  useEffect(
    () => () => {
      material.map?.dispose()
      material.dispose()
    },
    [material],
  )
  useSceneEffect(store, select, (text) => {
    screen.current!.userData['text'] = text
    const map = material.map
    const ctx = (map?.image as HTMLCanvasElement | undefined)?.getContext('2d')
    if (!map || !ctx) return
    style.draw(ctx, text)
    map.needsUpdate = true
  })
  return { screen, material }
}
