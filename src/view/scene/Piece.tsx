import { useContext, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react'
import type { BufferGeometry, Mesh } from 'three'
import { PieceBatchesContext } from './pieceContext.ts'
import { finishMaterial, type Finish } from './resources.ts'

type Triple = readonly [number, number, number]

export interface PieceProps {
  readonly geometry: BufferGeometry
  readonly color: string
  /** Default 'matte'. */
  readonly finish?: Finish
  readonly name?: string
  readonly position?: Triple
  readonly rotation?: Triple
  readonly scale?: number | Triple
  /** The piece's invisible mesh: move it, or change its look (or hide it) with setPieceLook. */
  readonly ref?: Ref<Mesh>
}

/**
 * One opaque shape of a part, drawn as an instance of its geometry and finish (BatchedPieces).
 * Its own mesh stays in the part's group, invisible: it carries the place, and the pointer's ray
 * still finds it, so clicks and hovers reach the part as before.
 */
export function Piece({ geometry, color, finish = 'matte', ref, ...place }: PieceProps) {
  const batches = useContext(PieceBatchesContext)
  if (!batches) throw new Error('a Piece must be inside BatchedPieces')
  const mesh = useRef<Mesh>(null)
  useImperativeHandle(ref, () => mesh.current!, [])
  // registered again only when the part is drawn anew (an edit); between edits the part changes
  // the piece's look in place with setPieceLook, and its place through the mesh
  useLayoutEffect(() => {
    const m = mesh.current!
    batches.add(m, geometry, { color, finish, shown: true })
    return () => batches.remove(m)
  }, [batches, geometry, color, finish])
  return (
    <mesh
      ref={mesh}
      visible={false}
      geometry={geometry}
      material={finishMaterial(finish)}
      {...place}
    />
  )
}
