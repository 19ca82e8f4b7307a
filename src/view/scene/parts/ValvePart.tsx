import { usePartState } from '../hooks.ts'
import { COLORS, geo, mat } from '../resources.ts'
import { FACING, stateIndex, type PartProps } from './types.ts'

/** A valve on a pipe: a quarter-turn lever for two states, a handwheel that turns for more. */
export function ValvePart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const state = usePartState(store, index)
  const position = stateIndex(model, index, state)
  const lever = c.states.length === 2
  const open = /open/i.test(state) || (!/closed/i.test(state) && position > 0)
  return (
    <group>
      <mesh
        geometry={geo.cylinder()}
        material={mat(COLORS.steel, { metal: true })}
        rotation={[0, 0, Math.PI / 2]}
        scale={[0.07, 0.5, 0.07]}
      />
      <mesh geometry={geo.sphere()} material={mat(COLORS.brass, { metal: true })} scale={0.13} />
      <mesh
        geometry={geo.cylinderLow()}
        material={mat(COLORS.steel, { metal: true })}
        rotation={FACING}
        scale={[0.02, 0.08, 0.02]}
        position={[0, 0, 0.08]}
      />
      {lever ? (
        <group name="lever" rotation={[0, 0, open ? 0 : Math.PI / 2]} position={[0, 0, 0.12]}>
          <mesh
            geometry={geo.box()}
            material={mat(c.source.color ?? COLORS.red)}
            scale={[0.24, 0.025, 0.02]}
            position={[0.09, 0, 0]}
          />
        </group>
      ) : (
        <group
          name="handwheel"
          rotation={[0, 0, position * (Math.PI * 1.5)]}
          position={[0, 0, 0.12]}
        >
          <mesh geometry={geo.ring()} material={mat(c.source.color ?? COLORS.red)} scale={0.18} />
          {[0, 1, 2].map((k) => (
            <mesh
              key={k}
              geometry={geo.box()}
              material={mat(c.source.color ?? COLORS.red)}
              rotation={[0, 0, (k * Math.PI) / 3]}
              scale={[0.17, 0.012, 0.012]}
            />
          ))}
        </group>
      )}
    </group>
  )
}
