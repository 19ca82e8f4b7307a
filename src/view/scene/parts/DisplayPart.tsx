import { selectDerived } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { COLORS, geo } from '../resources.ts'
import { useScreenTexture, type ScreenStyle } from '../useScreenTexture.ts'
import type { PartProps } from './types.ts'

/** The text a display shows: numbers with the given decimals, then the unit. Pure. */
export function formatDisplay(
  value: number | string | boolean | undefined,
  decimals: number | undefined,
  unit: string | undefined,
): string {
  const text =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? value.toFixed(decimals ?? 0)
        : '----'
      : String(value ?? '')
  return unit ? `${text} ${unit}` : text
}

function drawScreen(ctx: CanvasRenderingContext2D, text: string): void {
  ctx.fillStyle = '#0b1a0f'
  ctx.fillRect(0, 0, 256, 96)
  ctx.fillStyle = '#59ff7a'
  ctx.font = 'bold 54px monospace'
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  ctx.fillText(text, 244, 50, 236)
}

/** Green digits on a dark screen. */
const SCREEN: ScreenStyle = { width: 256, height: 96, blank: '#0b1a0f', draw: drawScreen }

/** A digital display with green digits on a dark screen. */
export function DisplayPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const source = c.source.kind === 'display' ? c.source : undefined
  const value = selectDerived(model, index)
  const { screen, material } = useScreenTexture(
    store,
    (s) => formatDisplay(value(s), source?.decimals, source?.unit),
    SCREEN,
  )
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={COLORS.dark}
        scale={[0.26, 0.11, 0.04]}
        position={[0, 0, 0.02]}
      />
      <mesh
        ref={screen}
        name="screen"
        geometry={geo.plane()}
        material={material}
        scale={[0.23, 0.085, 1]}
        position={[0, 0, 0.041]}
      />
    </group>
  )
}
