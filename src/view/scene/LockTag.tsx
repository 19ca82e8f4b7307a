import { useThree } from '@react-three/fiber'
import { useRef } from 'react'
import { PlaneGeometry, type Group } from 'three'
import type { SceneSource } from '../../state/sceneSource.ts'
import { useStoreEffect } from './hooks.ts'
import { Piece } from './Piece.tsx'
import { COLORS, faceMaterial, geo, printedTexture, sharedGeometry } from './resources.ts'

export interface LockTagProps {
  readonly store: SceneSource
  readonly index: number
  /** Distance from the part's centre to hang them at. */
  readonly offset: number
  readonly lockable: boolean
  readonly taggable: boolean
}

const LOCK_RED = '#c8102e'
const FACING: [number, number, number] = [Math.PI / 2, 0, 0]

/** The danger tag's face, in both languages, as site tags are printed: drawn once. */
function getTagTexture() {
  return printedTexture('lock-tag', 128, 256, (ctx) => {
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, 128, 256)
    ctx.fillStyle = LOCK_RED
    ctx.fillRect(0, 34, 128, 70)
    ctx.strokeStyle = '#222'
    ctx.lineWidth = 4
    ctx.strokeRect(2, 2, 124, 252)
    // the hole for the tie
    ctx.fillStyle = '#9aa0a6'
    ctx.beginPath()
    ctx.arc(64, 18, 9, 0, Math.PI * 2)
    ctx.fill()
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.fillStyle = '#ffffff'
    ctx.font = 'bold 26px sans-serif'
    ctx.fillText('DANGER', 64, 56)
    ctx.font = 'bold 24px sans-serif'
    ctx.fillText('危险', 64, 86)
    ctx.fillStyle = '#111'
    ctx.font = 'bold 19px sans-serif'
    ctx.fillText('DO NOT', 64, 130)
    ctx.fillText('OPERATE', 64, 154)
    ctx.font = 'bold 22px sans-serif'
    ctx.fillText('禁止操作', 64, 188)
    ctx.fillStyle = '#555'
    ctx.fillRect(20, 220, 88, 2)
    ctx.font = '12px sans-serif'
    ctx.fillText('NAME / 姓名', 64, 236)
  })
}

const tagCard = () => sharedGeometry('lock-tag:card', () => new PlaneGeometry(0.07, 0.14))

/**
 * A red safety padlock (body, keyway, steel shackle) and a red and white danger tag ("DANGER — DO
 * NOT OPERATE", 危险 禁止操作) hanging on a part while it is locked or tagged; shown in place.
 */
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
          {/* the body: a red laminated block with a black keyway on its face */}
          <Piece
            geometry={geo.box()}
            color={LOCK_RED}
            finish="painted"
            scale={[0.04, 0.045, 0.02]}
          />
          <Piece
            geometry={geo.box()}
            color="#1b1b1b"
            finish="rubber"
            scale={[0.042, 0.006, 0.022]}
            position={[0, 0.019, 0]}
          />
          <Piece
            geometry={geo.cylinderLow()}
            color="#2a2a2a"
            finish="stainless"
            rotation={FACING}
            scale={[0.008, 0.004, 0.008]}
            position={[0, -0.008, 0.0105]}
          />
          {/* the shackle: two steel legs and their bend */}
          {[-1, 1].map((side) => (
            <Piece
              key={side}
              geometry={geo.cylinderLow()}
              color="#c9ced3"
              finish="stainless"
              scale={[0.005, 0.026, 0.005]}
              position={[side * 0.0125, 0.034, 0]}
            />
          ))}
          <Piece
            geometry={geo.shackle()}
            color="#c9ced3"
            finish="stainless"
            position={[0, 0.047, 0]}
            scale={0.025}
          />
        </group>
      )}
      {taggable && (
        <group
          ref={tag}
          name="tag"
          position={[0.045, -0.06, 0.004]}
          rotation={[0, 0, 0.12]}
          visible={false}
        >
          {/* the tie it hangs by */}
          <Piece
            geometry={geo.cylinderLow()}
            color="#e8e8e8"
            scale={[0.002, 0.05, 0.002]}
            position={[-0.012, 0.082, 0]}
            rotation={[0, 0, 0.5]}
          />
          <Piece
            geometry={geo.box()}
            color="#f4f4f4"
            scale={[0.072, 0.142, 0.002]}
            position={[0, 0, -0.0012]}
          />
          <mesh
            geometry={tagCard()}
            material={faceMaterial(getTagTexture(), COLORS.red)}
            raycast={() => null}
          />
        </group>
      )}
    </group>
  )
}
