import { usePartState } from '../hooks.ts'
import { COLORS, geo, mat } from '../resources.ts'
import { stateIndex, type PartProps } from './types.ts'

/** A DIN-rail circuit breaker whose toggle flips up (on) or down (off). */
export function BreakerPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const state = usePartState(store, index)
  const up =
    /^(on|closed)$/i.test(state) ||
    (!/^(off|open|tripped)$/i.test(state) && stateIndex(model, index, state) > 0)
  return (
    <group>
      <mesh
        geometry={geo.box()}
        material={mat(COLORS.white)}
        scale={[0.08, 0.14, 0.07]}
        position={[0, 0, 0.035]}
      />
      <mesh
        geometry={geo.box()}
        material={mat(up ? COLORS.red : COLORS.green)}
        scale={[0.05, 0.012, 0.002]}
        position={[0, -0.045, 0.071]}
      />
      <group name="toggle" rotation={[up ? -0.5 : 0.5, 0, 0]} position={[0, 0.01, 0.07]}>
        <mesh
          geometry={geo.box()}
          material={mat(c.source.color ?? COLORS.dark)}
          scale={[0.03, 0.025, 0.05]}
          position={[0, 0, 0.02]}
        />
      </group>
    </group>
  )
}
