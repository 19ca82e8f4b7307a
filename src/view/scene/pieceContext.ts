import { createContext } from 'react'
import type { PieceBatches } from './pieceBatches.ts'

/** The batches the pieces of a scene draw into; given by BatchedPieces. */
export const PieceBatchesContext = createContext<PieceBatches | null>(null)
