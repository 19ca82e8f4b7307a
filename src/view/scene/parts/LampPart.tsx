import { useRef } from 'react'
import type { Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../hooks.ts'
import { setPieceLook } from '../pieceBatches.ts'
import { Piece } from '../Piece.tsx'
import { MountingDisc } from './MountingDisc.tsx'
import { COLORS, geo, mat } from '../resources.ts'
import { FACING, type PartProps } from './types.ts'

const DARK_LENS = '#555a5e'

/** A pilot lamp: its lens glows in its colour while lit. */
export function LampPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const color = c.source.color ?? COLORS.green
  const lens = useRef<Mesh>(null)
  const glow = useRef<Mesh>(null)
  useSceneEffect(store, selectDerived(model, index), (value) => {
    const lit = value === true
    lens.current!.name = lit ? 'lens-lit' : 'lens-dark'
    setPieceLook(
      lens.current!,
      lit ? { color, finish: 'glow' } : { color: DARK_LENS, finish: 'matte' },
    )
    glow.current!.visible = lit
  })
  return (
    <group>
      <MountingDisc diameter={0.075} depth={0.03} />
      <Piece
        ref={lens}
        name="lens-dark"
        geometry={geo.dome()}
        color={DARK_LENS}
        rotation={FACING}
        scale={[0.06, 0.035, 0.06]}
        position={[0, 0, 0.03]}
      />
      {/* see-through: drawn after the opaque pieces, as a mesh of its own */}
      <mesh
        ref={glow}
        visible={false}
        geometry={geo.sphere()}
        material={mat(color, { transparent: 0.18 })}
        scale={0.12}
        position={[0, 0, 0.04]}
        raycast={() => null}
      />
    </group>
  )
}
