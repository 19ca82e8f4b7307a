import { useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, type ReactNode } from 'react'
import { createPieceBatches } from './pieceBatches.ts'
import { PieceBatchesContext } from './pieceContext.ts'

export interface BatchedPiecesProps {
  readonly children: ReactNode
}

/** Draws every Piece inside it in a few instanced meshes, brought up to date before each frame. */
export function BatchedPieces({ children }: BatchedPiecesProps) {
  const invalidate = useThree((s) => s.invalidate)
  const scene = useThree((s) => s.scene)
  const batches = useMemo(() => createPieceBatches(() => invalidate()), [invalidate])
  useLayoutEffect(() => {
    // the renderer calls this after it has brought every world matrix up to date and before it
    // uploads the instances: the batches follow this very frame, at no extra matrix update
    const before = scene.onBeforeRender
    scene.onBeforeRender = function (...args) {
      before.apply(this, args)
      batches.sync()
    }
    return () => {
      scene.onBeforeRender = before
    }
  }, [batches, scene])
  useEffect(() => () => batches.dispose(), [batches])
  return (
    <>
      <primitive object={batches.root} />
      <PieceBatchesContext value={batches}>{children}</PieceBatchesContext>
    </>
  )
}
