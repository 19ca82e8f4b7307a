// A lever that swings over a quadrant through its positions (a driver's brake valve handle). It
// stands on the face it is mounted on, at z = 0, facing +z, at its real size.
import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import {
  cylinderZ,
  extrudeZ,
  Letters,
  PANEL,
  partColor,
  positionAngles,
  stateMark,
} from './common.tsx'
import { angleOf } from './legendPlate.tsx'

/** The quadrant plate a lever swings over, a ring sector a little wider than its positions. */
function quadrant(n: number) {
  const angles = positionAngles(n)
  const half = Math.abs(angles[0]!) + 0.18
  const outline: [number, number][] = []
  const steps = 16
  for (let k = 0; k <= steps; k++) {
    const a = -half + (2 * half * k) / steps
    outline.push([-Math.sin(a) * 0.205, Math.cos(a) * 0.205])
  }
  for (let k = steps; k >= 0; k--) {
    const a = -half + (2 * half * k) / steps
    outline.push([-Math.sin(a) * 0.06, Math.cos(a) * 0.06])
  }
  return extrudeZ(`quadrant|${n}`, outline, 0.004)
}

/**
 * A lever handle that swings over a quadrant through its positions (a driver's brake valve
 * handle): the valve body, the notched quadrant with each position named, the lever and its grip.
 */
export function SelectorLever(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const lever = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    lever.current!.rotation.z = angleOf(c.states, state)
  })
  const angles = positionAngles(c.states.length)
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={PANEL.dark}
        finish="painted"
        position={[0, -0.01, 0.035]}
        scale={[0.13, 0.12, 0.07]}
      />
      <Piece
        geometry={quadrant(c.states.length)}
        color="#464c52"
        finish="painted"
        position={[0, 0, 0.07]}
      />
      {c.states.map((s, i) => {
        const a = angles[i]!
        return (
          <group key={s} rotation={[0, 0, a]}>
            <Piece
              geometry={geo.box()}
              color={PANEL.white}
              position={[0, 0.19, 0.0745]}
              scale={[0.006, 0.026, 0.002]}
            />
            <Letters
              text={stateMark(model, index, s)}
              size={0.022}
              color={PANEL.white}
              position={[0, 0.148, 0.0745]}
              angle={-a}
            />
          </group>
        )
      })}
      <group ref={lever} name="lever" position={[0, 0, 0.076]}>
        <Piece
          geometry={cylinderZ(24)}
          color={PANEL.chrome}
          finish="stainless"
          scale={[0.05, 0.05, 0.016]}
        />
        <Piece
          geometry={geo.box()}
          color={PANEL.chrome}
          finish="stainless"
          position={[0, 0.11, 0.01]}
          scale={[0.02, 0.2, 0.012]}
        />
        <Piece
          geometry={cylinderZ(24)}
          color={partColor(model, index, PANEL.black)}
          finish="rubber"
          position={[0, 0.205, 0.012]}
          scale={[0.026, 0.026, 0.05]}
        />
        {detail === 'detailed' && (
          <Piece
            geometry={geo.sphere()}
            color={partColor(model, index, PANEL.black)}
            finish="rubber"
            position={[0, 0.205, 0.062]}
            scale={0.032}
          />
        )}
      </group>
    </group>
  )
}
