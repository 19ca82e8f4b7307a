import { useDerivedValue } from '../hooks.ts'
import { COLORS, geo, mat } from '../resources.ts'
import { FACING, type PartProps } from './types.ts'

/** A pilot lamp: its lens glows in its colour while lit. */
export function LampPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const lit = useDerivedValue(store, model, index) === true
  const color = c.source.color ?? COLORS.green
  return (
    <group>
      <mesh
        geometry={geo.cylinder()}
        material={mat(COLORS.dark)}
        rotation={FACING}
        scale={[0.075, 0.03, 0.075]}
        position={[0, 0, 0.015]}
      />
      <mesh
        name={lit ? 'lens-lit' : 'lens-dark'}
        geometry={geo.dome()}
        rotation={FACING}
        scale={[0.06, 0.035, 0.06]}
        position={[0, 0, 0.03]}
        material={lit ? mat(color, { emissive: color }) : mat('#555a5e')}
      />
      {lit && (
        <mesh
          geometry={geo.sphere()}
          material={mat(color, { transparent: 0.18 })}
          scale={0.12}
          position={[0, 0, 0.04]}
          raycast={() => null}
        />
      )}
    </group>
  )
}
