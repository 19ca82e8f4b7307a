// Pieces given as data: a look lists the pieces of a repeated run (the wheels of a wheelset, the
// parts of a bracket) as an array and draws them with one map, instead of writing each out.
import { Piece, type PieceProps } from '../Piece.tsx'

/** One piece as data: everything a Piece takes but its ref. */
export type PieceSpec = Omit<PieceProps, 'ref'>

/** Both sides of a look that is symmetric about a plane: +1 and -1. */
export const BOTH_SIDES = [1, -1] as const

/** The four corners of a thing symmetric about two planes: [x side, z side]. */
export const CORNERS = BOTH_SIDES.flatMap((x) => BOTH_SIDES.map((z) => [x, z] as const))

/** Draws `list`, in order, each as a Piece. */
export function Pieces({ list }: { readonly list: readonly PieceSpec[] }) {
  return (
    <>
      {list.map((piece, k) => (
        <Piece key={k} {...piece} />
      ))}
    </>
  )
}
