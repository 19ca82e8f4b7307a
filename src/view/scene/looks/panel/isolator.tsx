// The rotary isolator: a red handle on a yellow plate marked "0" and "I", in its grey box or on a
// panel. The handle's angle shows the state. It stands on the face it is mounted on, at z = 0,
// facing +z, at its real size.
import { useRef, type Ref } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { booleanParam, type Detail, type LookProps } from '../types.ts'
import {
  cylinderZ,
  extrudeZ,
  isOnState,
  Letters,
  PANEL,
  partColor,
  stateFraction,
  stateMark,
} from './common.tsx'

const OFF_NAMES = /^(off|0|o|open|isolated|tripped)$/i
const ON_NAMES = /^(on|1|i|closed)$/i

/**
 * The handle angle of a rotary isolator (radians about z, 0 = pointing up): "off" points to
 * 9 o'clock, "on" to 12 (a quarter turn clockwise), other states in between in their order.
 */
export function getIsolatorAngle(states: readonly string[], state: string): number {
  if (OFF_NAMES.test(state)) return Math.PI / 2
  if (ON_NAMES.test(state)) return 0
  if (states.length === 2) return isOnState(states, state) ? 0 : Math.PI / 2
  return (Math.PI / 2) * (1 - stateFraction(states, state))
}

const GRIP: readonly (readonly [number, number])[] = [
  [-0.0068, -0.013],
  [0.0068, -0.013],
  [0.0075, 0.01],
  [0.0048, 0.031],
  [-0.0048, 0.031],
  [-0.0075, 0.01],
]

/** The grey box the isolator sits in, `depth` deep, its glands and cover screws (Detailed). */
function IsolatorBox({ depth, detail }: { readonly depth: number; readonly detail: Detail }) {
  return (
    <>
      <Piece
        geometry={geo.box()}
        color={PANEL.enclosure}
        finish="painted"
        position={[0, -0.012, depth / 2]}
        scale={[0.1, 0.13, depth]}
      />
      {detail === 'detailed' &&
        [-0.025, 0.025].map((x) => (
          <Piece
            key={x}
            geometry={cylinderZ(12)}
            color={PANEL.dark}
            finish="rubber"
            rotation={[Math.PI / 2, 0, 0]}
            position={[x, -0.077, depth / 2]}
            scale={[0.02, 0.02, 0.014]}
          />
        ))}
      {detail === 'detailed' &&
        [
          [-0.043, 0.046],
          [0.043, 0.046],
          [-0.043, -0.07],
          [0.043, -0.07],
        ].map(([x, y]) => (
          <Piece
            key={`${x}${y}`}
            geometry={cylinderZ(12)}
            color={PANEL.chrome}
            finish="stainless"
            position={[x!, y!, depth]}
            scale={[0.006, 0.006, 0.0015]}
          />
        ))}
    </>
  )
}

/** The handle: its round boss, the pistol grip, and (Detailed) the white line along the grip. */
function IsolatorHandle({
  ref,
  color,
  detail,
}: {
  readonly ref: Ref<Group>
  readonly color: string
  readonly detail: Detail
}) {
  return (
    <group ref={ref} name="handle" position={[0, 0, 0.0015]}>
      <Piece
        geometry={cylinderZ(24)}
        color={color}
        finish="painted"
        scale={[0.032, 0.032, 0.011]}
      />
      <Piece
        geometry={extrudeZ('isolator-grip', GRIP, 0.012, 0.0015)}
        color={color}
        finish="painted"
        position={[0, 0, 0.004]}
      />
      {detail === 'detailed' && (
        <Piece
          geometry={geo.box()}
          color={PANEL.white}
          position={[0, 0.021, 0.0175]}
          scale={[0.0022, 0.014, 0.0006]}
        />
      )}
    </group>
  )
}

/**
 * A rotary isolator: a red pistol-grip handle on a yellow plate marked "0" and "I", in a grey box
 * (`enclosure`, the default) or on the panel itself. The handle points at the position in force.
 */
export function RotaryIsolator(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const boxed = booleanParam(props, 'enclosure')
  const handle = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    handle.current!.rotation.z = getIsolatorAngle(c.states, state)
  })
  const depth = boxed ? 0.075 : 0
  const plate = 0.085
  // each mark beside its position, on the side away from the others, so the handle leaves it clear
  const angles = c.states.map((s) => getIsolatorAngle(c.states, s))
  const marks = c.states.map((s, i) => {
    const angle = angles[i]!
    const away = angle === Math.max(...angles) ? 0.5 : angle === Math.min(...angles) ? -0.5 : 0
    return { s, angle: angle + away }
  })
  return (
    <group>
      {boxed && <IsolatorBox depth={depth} detail={detail} />}
      <group position={[0, 0, depth]}>
        <Piece
          geometry={geo.box()}
          color={PANEL.yellow}
          finish="painted"
          position={[0, 0, 0.00075]}
          scale={[plate, plate, 0.0015]}
        />
        {detail === 'detailed' && (
          <Piece
            geometry={cylinderZ(24)}
            color={PANEL.dark}
            finish="rubber"
            position={[0, 0, 0.0015]}
            scale={[0.04, 0.04, 0.003]}
          />
        )}
        {marks.map(({ s, angle }) => (
          <Letters
            key={s}
            text={stateMark(model, index, s)}
            size={0.009}
            color={PANEL.black}
            position={[-Math.sin(angle) * 0.032, Math.cos(angle) * 0.032, 0.0016]}
          />
        ))}
        <IsolatorHandle ref={handle} color={partColor(model, index, PANEL.red)} detail={detail} />
      </group>
    </group>
  )
}
