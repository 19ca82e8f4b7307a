import { useEffect, useMemo } from 'react'
import { useDerivedValue } from '../hooks.ts'
import { COLORS, drawTexture, geo, mat } from '../resources.ts'
import type { PartProps } from './types.ts'
import { MeshBasicMaterial } from 'three'

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

/** A digital display with green digits on a dark screen. */
export function DisplayPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const source = c.source.kind === 'display' ? c.source : undefined
  const text = formatDisplay(useDerivedValue(store, model, index), source?.decimals, source?.unit)
  // one screen texture per display, redrawn only when its text changes
  const material = useMemo(() => {
    const texture = drawTexture(256, 96, (ctx) => {
      ctx.fillStyle = '#0b1a0f'
      ctx.fillRect(0, 0, 256, 96)
      ctx.fillStyle = '#59ff7a'
      ctx.font = 'bold 54px monospace'
      ctx.textAlign = 'right'
      ctx.textBaseline = 'middle'
      ctx.fillText(text, 244, 50, 236)
    })
    return new MeshBasicMaterial(texture ? { map: texture } : { color: '#0b1a0f' })
  }, [text])
  useEffect(
    () => () => {
      material.map?.dispose()
      material.dispose()
    },
    [material],
  )
  return (
    <group>
      <mesh
        geometry={geo.box()}
        material={mat(COLORS.dark)}
        scale={[0.26, 0.11, 0.04]}
        position={[0, 0, 0.02]}
      />
      <mesh
        name="screen"
        userData={{ text }}
        geometry={geo.plane()}
        material={material}
        scale={[0.23, 0.085, 1]}
        position={[0, 0, 0.041]}
      />
    </group>
  )
}
