// The screen of a handheld tool (a multimeter's LCD, a tester's display): the reading of its
// component on a screen texture of its own (useScreenTexture), redrawn when the reading changes.
import type { Model } from '../../../../core/index.ts'
import type { SceneState } from '../../../../state/sceneSource.ts'
import { selectDerived } from '../../hooks.ts'
import { formatDisplay } from '../../parts/DisplayPart.tsx'
import { useScreenTexture, type ScreenStyle } from '../../useScreenTexture.ts'
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

/**
 * A material of its own for the tool's screen (its LCD unless `style` says otherwise) showing
 * the component's reading, and the ref of the screen mesh (see useScreenTexture).
 */
export function useToolScreen({ model, index, store }: LookProps, style: ScreenStyle = TOOL_LCD) {
  return useScreenTexture(store, selectReading(model, index), style)
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

/** A handheld tool's LCD: 256 × 128 pixels, grey-green, drawn by drawLcd. */
export const TOOL_LCD: ScreenStyle = { width: 256, height: 128, blank: '#9aa58c', draw: drawLcd }
