import { useStore } from 'zustand'
import { COLORS, geo, mat } from '../resources.ts'
import { FACING, type PartProps } from './types.ts'

/** A mushroom-head push button that dips for a moment when pressed. */
export function ButtonPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  // pressed "just now": the last logged event pressed this button
  const pressedAt = useStore(store, (s) => {
    const last = s.events[s.events.length - 1]
    return last?.action === 'press' && last.target === c.id ? s.events.length : 0
  })
  const head = c.source.color ?? COLORS.red
  return (
    <group>
      <mesh
        geometry={geo.cylinder()}
        material={mat(COLORS.dark)}
        rotation={FACING}
        scale={[0.1, 0.03, 0.1]}
        position={[0, 0, 0.015]}
      />
      <mesh
        geometry={geo.cylinderLow()}
        material={mat(COLORS.steel, { metal: true })}
        rotation={FACING}
        scale={[0.05, 0.03, 0.05]}
        position={[0, 0, pressedAt ? 0.035 : 0.04]}
      />
      <mesh
        name="head"
        geometry={geo.dome()}
        material={mat(head)}
        rotation={FACING}
        scale={[0.09, 0.05, 0.09]}
        position={[0, 0, pressedAt ? 0.05 : 0.058]}
      />
    </group>
  )
}
