import { usePartState } from '../hooks.ts'
import { COLORS, geo, mat } from '../resources.ts'
import { stateIndex, type PartProps } from './types.ts'

/** A guard or cabinet door, hinged on its left edge, swinging toward the viewer as it opens. */
export function DoorPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const state = usePartState(store, index)
  const n = c.states.length
  const opening = /open/i.test(state)
    ? 1
    : /closed/i.test(state)
      ? 0
      : stateIndex(model, index, state) / Math.max(1, n - 1)
  return (
    <group>
      <mesh
        geometry={geo.box()}
        material={mat(COLORS.dark)}
        scale={[0.62, 0.52, 0.02]}
        position={[0, 0, -0.012]}
      />
      <group name="leaf" position={[-0.3, 0, 0]} rotation={[0, -opening * (Math.PI * 0.55), 0]}>
        <mesh
          geometry={geo.box()}
          material={mat(c.source.color ?? COLORS.yellow)}
          scale={[0.6, 0.5, 0.02]}
          position={[0.3, 0, 0.01]}
        />
        <mesh
          geometry={geo.box()}
          material={mat(COLORS.dark)}
          scale={[0.03, 0.1, 0.03]}
          position={[0.54, 0, 0.035]}
        />
      </group>
    </group>
  )
}
