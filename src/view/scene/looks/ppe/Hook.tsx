import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { Detail } from '../types.ts'

/** How far a hook reaches out from the board it is screwed to: its tip is the item's origin. */
export const HOOK_REACH = 0.07

const HOOK = '#a9b1b8'

/** A chromed J-hook whose tip is at the origin, screwed to a board HOOK_REACH behind it. */
export function Hook({ detail }: { readonly detail: Detail }) {
  return (
    <group name="hook">
      <Piece
        geometry={geo.cylinderLow()}
        color={HOOK}
        finish="stainless"
        rotation={[Math.PI / 2, 0, 0]}
        scale={[0.008, HOOK_REACH, 0.008]}
        position={[0, 0, -HOOK_REACH / 2]}
      />
      {detail === 'detailed' && (
        <>
          <Piece
            geometry={geo.cylinderLow()}
            color={HOOK}
            finish="stainless"
            scale={[0.008, 0.022, 0.008]}
            position={[0, 0.01, 0]}
          />
          <Piece
            geometry={geo.cylinderLow()}
            color={HOOK}
            finish="stainless"
            rotation={[Math.PI / 2, 0, 0]}
            scale={[0.03, 0.006, 0.03]}
            position={[0, 0, -HOOK_REACH + 0.003]}
          />
        </>
      )}
    </group>
  )
}
