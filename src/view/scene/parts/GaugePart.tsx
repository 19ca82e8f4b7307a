import { useDerivedValue } from '../hooks.ts'
import { COLORS, dialTexture, faceMaterial, geo, mat } from '../resources.ts'
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
  const value = Number(useDerivedValue(store, model, index) ?? 0)
  return (
    <group>
      <mesh
        geometry={geo.cylinder()}
        material={mat(COLORS.dark)}
        rotation={FACING}
        scale={[0.2, 0.04, 0.2]}
        position={[0, 0, 0.02]}
      />
      <mesh
        geometry={geo.plane()}
        material={faceMaterial(dialTexture(min, max, source?.unit ?? ''))}
        scale={0.18}
        position={[0, 0, 0.041]}
      />
      <group
        name="needle"
        rotation={[0, 0, getNeedleAngle(value, min, max)]}
        position={[0, 0, 0.045]}
      >
        <mesh
          geometry={geo.box()}
          material={mat(COLORS.red)}
          scale={[0.006, 0.075, 0.003]}
          position={[0, 0.03, 0]}
        />
      </group>
      <mesh
        geometry={geo.cylinderLow()}
        material={mat(COLORS.dark)}
        rotation={FACING}
        scale={[0.014, 0.01, 0.014]}
        position={[0, 0, 0.048]}
      />
    </group>
  )
}
