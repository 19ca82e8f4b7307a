import { usePartState } from '../hooks.ts'
import { COLORS, geo, mat } from '../resources.ts'
import { FACING, stateIndex, type PartProps } from './types.ts'

/** The handle angle of a rotary isolator: "off" lies horizontal, "on" stands vertical, others step by 90°. */
export function getSwitchAngle(states: readonly string[], state: string, position: number): number {
  if (/^(off|open|0)$/i.test(state)) return -Math.PI / 2
  if (/^(on|closed|1)$/i.test(state)) return 0
  return (-Math.PI / 2) * (position / Math.max(1, states.length - 1))
}

/** A rotary isolator: yellow plate, red handle that turns with the state. */
export function RotarySwitchPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const state = usePartState(store, index)
  const angle = getSwitchAngle(c.states, state, stateIndex(model, index, state))
  return (
    <group>
      <mesh
        geometry={geo.box()}
        material={mat(COLORS.yellow)}
        scale={[0.16, 0.16, 0.02]}
        position={[0, 0, 0.01]}
      />
      <mesh
        geometry={geo.cylinder()}
        material={mat(COLORS.dark)}
        rotation={FACING}
        scale={[0.07, 0.02, 0.07]}
        position={[0, 0, 0.03]}
      />
      <group name="handle" rotation={[0, 0, angle]} position={[0, 0, 0.045]}>
        <mesh
          geometry={geo.box()}
          material={mat(c.source.color ?? COLORS.red)}
          scale={[0.035, 0.15, 0.035]}
        />
      </group>
    </group>
  )
}
