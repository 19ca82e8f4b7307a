import { useEffect, useMemo, useRef } from 'react'
import { MeshBasicMaterial, type Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { COLORS, drawTexture, geo } from '../resources.ts'
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

/** A digital display with green digits on a dark screen. */
export function DisplayPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const source = c.source.kind === 'display' ? c.source : undefined
  const screen = useRef<Mesh>(null)
  // one screen texture per display, drawn again in place when its text changes
  const material = useMemo(() => {
    const texture = drawTexture(256, 96, (ctx) => drawScreen(ctx, ''))
    return new MeshBasicMaterial(texture ? { map: texture } : { color: '#0b1a0f' })
  }, [])
  useEffect(
    () => () => {
      material.map?.dispose()
      material.dispose()
    },
    [material],
  )
  const value = selectDerived(model, index)
  useSceneEffect(
    store,
    (s) => formatDisplay(value(s), source?.decimals, source?.unit),
    (text) => {
      screen.current!.userData['text'] = text
      const map = material.map
      const ctx = (map?.image as HTMLCanvasElement | undefined)?.getContext('2d')
      if (!map || !ctx) return
      drawScreen(ctx, text)
      map.needsUpdate = true
    },
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
