import { Piece } from '../Piece.tsx'
import { COLORS, geo } from '../resources.ts'
import type { PartProps } from './types.ts'

/** A housing, frame or pipe: a box, cylinder or sphere of the given size. */
export function StaticPart({ model, index }: Omit<PartProps, 'store'>) {
  const source = model.components[index]!.source
  if (source.kind !== 'static') return null
  const size = source.size ?? 0.5
  const scale: [number, number, number] = typeof size === 'number' ? [size, size, size] : size
  const geometry =
    source.shape === 'cylinder'
      ? geo.cylinder()
      : source.shape === 'sphere'
        ? geo.sphere()
        : geo.box()
  return (
    <Piece name="static" geometry={geometry} color={source.color ?? COLORS.panel} scale={scale} />
  )
}
