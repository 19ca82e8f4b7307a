import { useLockFlags } from './hooks.ts'
import type { AttemptStore } from '../../state/attemptStore.ts'
import { COLORS, geo, mat } from './resources.ts'

export interface LockTagProps {
  readonly store: AttemptStore
  readonly index: number
  /** Distance from the part's centre to hang them at. */
  readonly offset: number
}

/** A red padlock and a danger tag hanging on a part while it is locked or tagged. */
export function LockTag({ store, index, offset }: LockTagProps) {
  const { locked, tagged } = useLockFlags(store, index)
  return (
    <group position={[offset * 0.7, -offset * 0.7, offset * 0.5]}>
      {locked && (
        <group name="padlock">
          <mesh geometry={geo.box()} material={mat(COLORS.red)} scale={[0.05, 0.045, 0.025]} />
          <mesh
            geometry={geo.shackle()}
            material={mat(COLORS.steel, { metal: true })}
            position={[0, 0.022, 0]}
            scale={0.034}
          />
        </group>
      )}
      {tagged && (
        <group name="tag" position={[0.05, -0.05, 0]} rotation={[0, 0, 0.15]}>
          <mesh geometry={geo.box()} material={mat(COLORS.red)} scale={[0.06, 0.09, 0.003]} />
          <mesh
            geometry={geo.box()}
            material={mat(COLORS.white)}
            position={[0, -0.012, 0.002]}
            scale={[0.05, 0.03, 0.002]}
          />
        </group>
      )}
    </group>
  )
}
