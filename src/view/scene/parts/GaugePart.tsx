import { useRef } from 'react'
import type { Group } from 'three'
import { selectDerived, useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { MountingDisc } from './MountingDisc.tsx'
import { COLORS, dialTexture, faceMaterial, geo } from '../resources.ts'
import { FACING, type PartProps } from './types.ts'

/** Needle angle (radians about z, 0 = straight up) for a value on a 270° scale from min to max. */
export function getNeedleAngle(value: number, min: number, max: number): number {
  const f =
    Number.isFinite(value) && max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0
  return (0.75 - 1.5 * f) * Math.PI
}

/** An analogue gauge: a dial with its scale and unit, and a needle that follows the value. */
export function GaugePart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const source = c.source.kind === 'gauge' ? c.source : undefined
  const min = source?.min ?? 0
  const max = source?.max ?? 100
  const needle = useRef<Group>(null)
  useSceneEffect(store, selectDerived(model, index), (value) => {
    needle.current!.rotation.z = getNeedleAngle(Number(value ?? 0), min, max)
  })
  return (
    <group>
      <MountingDisc diameter={0.2} depth={0.04} />
      {/* the dial's own texture: drawn as a mesh of its own */}
      <mesh
        geometry={geo.plane()}
        material={faceMaterial(dialTexture(min, max, source?.unit ?? ''))}
        scale={0.18}
        position={[0, 0, 0.041]}
      />
      <group ref={needle} name="needle" position={[0, 0, 0.045]}>
        <Piece
          geometry={geo.box()}
          color={COLORS.red}
          scale={[0.006, 0.075, 0.003]}
          position={[0, 0.03, 0]}
        />
      </group>
      <Piece
        geometry={geo.cylinderLow()}
        color={COLORS.dark}
        rotation={FACING}
        scale={[0.014, 0.01, 0.014]}
        position={[0, 0, 0.048]}
      />
    </group>
  )
}
