// The screen of a handheld tool (a multimeter's LCD, a tester's display): the reading of its
// component drawn on a canvas of its own, redrawn in place when the reading changes.
import { useEffect, useMemo, useRef } from 'react'
import { MeshBasicMaterial, type Mesh } from 'three'
import type { Model } from '../../../../core/index.ts'
import type { SceneState } from '../../../../state/sceneSource.ts'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { formatDisplay } from '../../parts/DisplayPart.tsx'
import { drawTexture } from '../../resources.ts'
import type { LookProps } from '../types.ts'

/** Decimals for a gauge's reading on a digital screen, from its range. Pure. */
export function getGaugeDecimals(min: number, max: number): number {
  const span = Math.abs(max - min)
  return span <= 10 ? 2 : span <= 100 ? 1 : 0
}

/**
 * What a tool's screen reads: a display's value with its decimals and unit, a gauge's number and
 * unit; '' for a tool that shows no value (an item, a button).
 */
export function selectReading(model: Model, index: number): (s: SceneState) => string {
  const source = model.components[index]!.source
  const value = selectDerived(model, index)
  if (source.kind === 'display') return (s) => formatDisplay(value(s), source.decimals, source.unit)
  if (source.kind === 'gauge') {
    const decimals = getGaugeDecimals(source.min ?? 0, source.max ?? 100)
    return (s) => formatDisplay(Number(value(s) ?? 0), decimals, source.unit)
  }
  return () => ''
}

/** How a screen is drawn with a reading, on a canvas of `width` × `height` pixels. */
export interface ScreenStyle {
  readonly width: number
  readonly height: number
  readonly draw: (ctx: CanvasRenderingContext2D, text: string) => void
}

/**
 * A material of its own for the tool's screen and the ref of the screen mesh; the mesh's
 * `userData.text` holds the reading shown (tests read it where there is no canvas).
 */
export function useToolScreen({ model, index, store }: LookProps, style: ScreenStyle) {
  const screen = useRef<Mesh>(null)
  const material = useMemo(() => {
    const texture = drawTexture(style.width, style.height, (ctx) => style.draw(ctx, ''))
    return new MeshBasicMaterial(texture ? { map: texture } : { color: '#9aa58c' })
  }, [style])
  useEffect(
    () => () => {
      material.map?.dispose()
      material.dispose()
    },
    [material],
  )
  useSceneEffect(store, selectReading(model, index), (text) => {
    screen.current!.userData['text'] = text
    const map = material.map
    const ctx = (map?.image as HTMLCanvasElement | undefined)?.getContext('2d')
    if (!map || !ctx) return
    style.draw(ctx, text)
    map.needsUpdate = true
  })
  return { screen, material }
}

/** A grey-green LCD with black digits, its unit smaller on the right. */
export function drawLcd(ctx: CanvasRenderingContext2D, text: string): void {
  const { width, height } = ctx.canvas
  ctx.fillStyle = '#b9c4a6'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#a9b595'
  ctx.fillRect(0, height - 10, width, 10)
  const [digits = '', ...rest] = text.split(' ')
  const unit = rest.join(' ')
  ctx.fillStyle = '#16190f'
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'right'
  const unitWidth = unit ? Math.max(48, unit.length * 28) : 0
  ctx.font = `bold ${Math.round(height * 0.42)}px sans-serif`
  if (unit) ctx.fillText(unit, width - 10, height * 0.6, unitWidth)
  ctx.font = `bold ${Math.round(height * 0.7)}px monospace`
  ctx.fillText(digits, width - 16 - unitWidth, height * 0.52, width - 30 - unitWidth)
}
