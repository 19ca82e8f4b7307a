// The 22 mm selector switch: a black knob with a white pointer that turns to each position named
// on its legend plate. It stands on the face it is mounted on, at z = 0, facing +z.
import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { Bezel22, latheZ, PANEL, partColor } from './common.tsx'
import { angleOf, LegendPlate } from './legendPlate.tsx'

function selectorBase() {
  return latheZ('selector-base', [
    [0.0112, 0.0005],
    [0.0112, 0.006],
    [0.0104, 0.0068],
    [0, 0.0068],
  ])
}

/**
 * A 22 mm selector switch: a black lever knob with a white pointer, on a legend plate that names
 * each position (its state's mark: "0", "I", or the state's short name or first letter).
 */
export function SelectorLegend(props: LookProps) {
  const { model, index, store } = props
  const c = model.components[index]!
  const knob = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    knob.current!.rotation.z = angleOf(c.states, state)
  })
  return (
    <group>
      <LegendPlate props={props} radius={0.0205} />
      <Bezel22 />
      <group ref={knob} name="knob">
        <Piece geometry={selectorBase()} color={PANEL.black} finish="painted" />
        <Piece
          geometry={geo.box()}
          color={partColor(model, index, PANEL.black)}
          finish="painted"
          position={[0, 0, 0.0122]}
          scale={[0.0078, 0.0232, 0.011]}
        />
        <Piece
          geometry={geo.box()}
          color={PANEL.white}
          position={[0, 0.0064, 0.0178]}
          scale={[0.0018, 0.009, 0.0004]}
        />
      </group>
    </group>
  )
}
