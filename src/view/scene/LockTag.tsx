import { useThree } from '@react-three/fiber'
import { useRef } from 'react'
import type { Group } from 'three'
import type { SceneSource } from '../../state/sceneSource.ts'
import { useStoreEffect } from './hooks.ts'
import { Piece } from './Piece.tsx'
import { COLORS, geo } from './resources.ts'

export interface LockTagProps {
  readonly store: SceneSource
  readonly index: number
  /** Distance from the part's centre to hang them at. */
  readonly offset: number
  readonly lockable: boolean
  readonly taggable: boolean
}

/** A red padlock and a danger tag hanging on a part while it is locked or tagged; shown in place. */
export function LockTag({ store, index, offset, lockable, taggable }: LockTagProps) {
  const padlock = useRef<Group>(null)
  const tag = useRef<Group>(null)
  const invalidate = useThree((s) => s.invalidate)
  useStoreEffect(
    store,
    (s) => (s.sim.locked[index] ? 1 : 0) + (s.sim.tagged[index] ? 2 : 0),
    (flags) => {
      if (padlock.current) padlock.current.visible = (flags & 1) !== 0
      if (tag.current) tag.current.visible = (flags & 2) !== 0
      invalidate()
    },
  )
  return (
    <group position={[offset * 0.7, -offset * 0.7, offset * 0.5]}>
      {lockable && (
        <group ref={padlock} name="padlock" visible={false}>
          <Piece geometry={geo.box()} color={COLORS.red} scale={[0.05, 0.045, 0.025]} />
          <Piece
            geometry={geo.shackle()}
            color={COLORS.steel}
            finish="metal"
            position={[0, 0.022, 0]}
            scale={0.034}
          />
        </group>
      )}
      {taggable && (
        <group
          ref={tag}
          name="tag"
          position={[0.05, -0.05, 0]}
          rotation={[0, 0, 0.15]}
          visible={false}
        >
          <Piece geometry={geo.box()} color={COLORS.red} scale={[0.06, 0.09, 0.003]} />
          <Piece
            geometry={geo.box()}
            color={COLORS.white}
            position={[0, -0.012, 0.002]}
            scale={[0.05, 0.03, 0.002]}
          />
        </group>
      )}
    </group>
  )
}
