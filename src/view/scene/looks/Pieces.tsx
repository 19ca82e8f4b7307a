// Pieces given as data: a look lists the pieces of a repeated run (the wheels of a wheelset, the
// parts of a bracket) as an array and draws them with one map, instead of writing each out.
import { Piece, type PieceProps } from '../Piece.tsx'

/** One piece as data: everything a Piece takes but its ref. */
export type PieceSpec = Omit<PieceProps, 'ref'>

/** Both sides of a look that is symmetric about a plane: +1 and -1. */
export const BOTH_SIDES = [1, -1] as const

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
