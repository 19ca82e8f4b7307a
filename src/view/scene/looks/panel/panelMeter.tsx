// The digital panel meter: a 96 × 48 mm bezel with glowing digits and the unit behind a dark
// window. It stands on the face it is mounted on, at z = 0, facing +z, at its real size.
import { useMemo } from 'react'
import { selectDerived } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { formatDisplay } from '../../parts/DisplayPart.tsx'
import { geo } from '../../resources.ts'
import { useScreenTexture, type ScreenStyle } from '../../useScreenTexture.ts'
import type { LookProps } from '../types.ts'
import { PANEL, readingOf } from './common.tsx'

const LED = '#ff3b24'

function drawMeter(ctx: CanvasRenderingContext2D, text: string, unit: string): void {
  ctx.fillStyle = '#120605'
  ctx.fillRect(0, 0, 256, 96)
  ctx.textBaseline = 'middle'
  ctx.shadowColor = LED
  ctx.shadowBlur = 10
  ctx.fillStyle = LED
  ctx.textAlign = 'right'
  ctx.font = 'bold 62px monospace'
  ctx.fillText(text, unit ? 196 : 246, 50, unit ? 186 : 236)
  if (unit) {
    ctx.font = 'bold 26px sans-serif'
    ctx.textAlign = 'left'
    ctx.fillText(unit, 202, 64, 50)
  }
  ctx.shadowBlur = 0
}

/** A digital panel meter: black 96 × 48 mm bezel, a dark window with the value and its unit. */
export function PanelMeter(props: LookProps) {
  const { model, index, store, detail } = props
  const { decimals, unit } = readingOf(props)
  // one screen per meter, drawn again in place when its text changes
  const style = useMemo(
    (): ScreenStyle => ({
      width: 256,
      height: 96,
      blank: '#120605',
      draw: (ctx, text) => drawMeter(ctx, text, unit ?? ''),
    }),
    [unit],
  )
  const value = selectDerived(model, index)
  const { screen, material } = useScreenTexture(
    store,
    (s) => formatDisplay(value(s), decimals, undefined),
    style,
  )
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        finish="painted"
        position={[0, 0, 0.005]}
        scale={[0.096, 0.048, 0.01]}
      />
      <mesh
        ref={screen}
        name="screen"
        geometry={geo.plane()}
        material={material}
        position={[0, 0.004, 0.0102]}
        scale={[0.08, 0.03, 1]}
      />
      {detail === 'detailed' &&
        [-0.027, -0.009, 0.009, 0.027].map((x) => (
          <Piece
            key={x}
            geometry={geo.box()}
            color="#5b6167"
            finish="rubber"
            position={[x, -0.0165, 0.0105]}
            scale={[0.012, 0.005, 0.0015]}
          />
        ))}
    </group>
  )
}
