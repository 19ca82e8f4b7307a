// The cabinet's hinged door: its origin is the middle of its closed leaf's back, +z toward the
// viewer, +y up, so that a door placed at the cabinet's origin (cabinet.tsx) with the cabinet's
// width and height closes it.
import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, stringParam, type LookProps } from '../types.ts'
import { cylinderZ, extrudeZ, PANEL, partColor, stateFraction } from './common.tsx'

/** A warning triangle with its lightning flash, for a door of diameter ~1 (scale it). */
const TRIANGLE: readonly (readonly [number, number])[] = [
  [0, 0.55],
  [-0.5, -0.316],
  [0.5, -0.316],
]
const FLASH: readonly (readonly [number, number])[] = [
  [0.04, 0.3],
  [-0.07, 0.02],
  [0.01, 0.02],
  [-0.05, -0.26],
  [0.09, 0.06],
  [0.01, 0.06],
  [0.09, 0.3],
]

/** How far a door stands open for its state: 0 closed, 1 wide open. */
export function doorOpening(states: readonly string[], state: string): number {
  if (/open/i.test(state)) return 1
  if (/clos|shut|lock/i.test(state)) return 0
  return stateFraction(states, state)
}

/** How far a wide open cabinet door has swung, radians. */
const SWING = (105 * Math.PI) / 180

/**
 * A hinged cabinet door (`width` × `height`, hinged on its `hinge` side) with its handle and lock
 * and a yellow "dangerous voltage" triangle; it swings toward the viewer as it opens.
 */
export function CabinetDoor(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const w = numberParam(props, 'width')
  const h = numberParam(props, 'height')
  const right = stringParam(props, 'hinge') === 'right'
  const side = right ? -1 : 1 // from the hinge toward the free edge, along x
  const leaf = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    leaf.current!.rotation.y = -side * doorOpening(c.states, state) * SWING
  })
  const color = partColor(model, index, PANEL.enclosure)
  const sign = Math.min(0.28 * w, 0.22 * h, 0.2)
  return (
    <group>
      <group ref={leaf} name="leaf" position={[(-side * w) / 2, 0, 0]}>
        <group position={[(side * w) / 2, 0, 0]}>
          <Piece
            geometry={geo.box()}
            color={color}
            finish="painted"
            position={[0, 0, 0.011]}
            scale={[w, h, 0.022]}
          />
          {/* the handle and its lock near the free edge */}
          <DoorHandle side={side} w={w} />
          {/* the warning triangle: black border, yellow field, black flash */}
          <WarningSign h={h} sign={sign} />
          {detail === 'detailed' && <DoorInside side={side} w={w} h={h} color={color} />}
        </group>
      </group>
    </group>
  )
}

/** The handle and its lock near the free edge. */
function DoorHandle({ side, w }: { side: number; w: number }) {
  return (
    <>
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        finish="painted"
        position={[side * (w / 2 - 0.06), 0, 0.025]}
        scale={[0.035, 0.15, 0.008]}
      />
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        finish="painted"
        position={[side * (w / 2 - 0.06), -0.02, 0.036]}
        scale={[0.022, 0.1, 0.016]}
      />
      <Piece
        geometry={cylinderZ(12)}
        color={PANEL.chrome}
        finish="stainless"
        position={[side * (w / 2 - 0.06), 0.05, 0.029]}
        scale={[0.016, 0.016, 0.006]}
      />
    </>
  )
}

/** The warning triangle, `sign` across, high on the leaf. */
function WarningSign({ h, sign }: { h: number; sign: number }) {
  return (
    <group position={[0, h * 0.3, 0.022]} scale={[sign, sign, 1]}>
      <Piece geometry={extrudeZ('warning-triangle', TRIANGLE, 0.001)} color={PANEL.black} />
      <Piece
        geometry={extrudeZ('warning-triangle', TRIANGLE, 0.001)}
        color={PANEL.yellow}
        position={[0, -0.03, 0.0005]}
        scale={[0.82, 0.82, 1]}
      />
      <Piece
        geometry={extrudeZ('warning-flash', FLASH, 0.001)}
        color={PANEL.black}
        position={[0, -0.05, 0.001]}
        scale={[0.9, 0.9, 1]}
      />
    </group>
  )
}

/** The hinges, and inside a gasket all round and the wiring diagrams' pocket, when detailed. */
function DoorInside({ side, w, h, color }: { side: number; w: number; h: number; color: string }) {
  return (
    <>
      {[-0.35, 0.35].map((f) => (
        <Piece
          key={f}
          geometry={geo.box()}
          color={PANEL.dark}
          finish="painted"
          position={[(-side * w) / 2, f * h, 0.011]}
          scale={[0.012, 0.08, 0.026]}
        />
      ))}
      {/* inside: a gasket all round and the wiring diagrams' pocket */}
      <Piece
        geometry={geo.box()}
        color={PANEL.dark}
        finish="rubber"
        position={[0, 0, -0.002]}
        scale={[w - 0.03, h - 0.03, 0.004]}
      />
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, 0, -0.004]}
        scale={[w - 0.06, h - 0.06, 0.004]}
      />
      <Piece
        geometry={geo.box()}
        color="#8c9196"
        finish="painted"
        position={[0, -h * 0.1, -0.009]}
        scale={[w * 0.45, h * 0.22, 0.006]}
      />
    </>
  )
}
