import { Piece } from '../Piece.tsx'
import { COLORS, geo } from '../resources.ts'
import { FACING } from './types.ts'

export interface MountingDiscProps {
  /** Across the disc, in metres. */
  readonly diameter: number
  /** How far it stands off the panel, in metres. */
  readonly depth: number
}

/** The dark round base a panel device sits on, facing out of the panel (+z). */
export function MountingDisc({ diameter, depth }: MountingDiscProps) {
  return (
    <Piece
      geometry={geo.cylinder()}
      color={COLORS.dark}
      rotation={FACING}
      scale={[diameter, depth, diameter]}
      position={[0, 0, depth / 2]}
    />
  )
}
