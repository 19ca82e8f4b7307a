// The emergency stop: a red mushroom on a black housing and a yellow legend ring, at its real size
// on the panel face (z = 0, facing +z).
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import type { SceneState } from '../../../../state/sceneSource.ts'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import type { LookProps } from '../types.ts'
import { cylinderZ, latheZ, Letters, PANEL, partColor } from './common.tsx'
import { pressedNow, TRAVEL, isLatched } from './buttons.tsx'

function mushroom() {
  return latheZ('estop-head', [
    [0, 0.004],
    [0.0085, 0.004],
    [0.0085, 0.02],
    [0.017, 0.021],
    [0.0195, 0.0225],
    [0.02, 0.025],
    [0.0193, 0.028],
    [0.017, 0.031],
    [0.012, 0.0338],
    [0.006, 0.0352],
    [0, 0.0355],
  ])
}

function estopHousing() {
  return latheZ('estop-housing', [
    [0.0118, 0.0016],
    [0.0165, 0.0016],
    [0.0165, 0.008],
    [0.0145, 0.012],
    [0.0095, 0.012],
    [0.0095, 0.004],
  ])
}

/**
 * An emergency stop: a red mushroom head on a black housing, on a yellow legend ring. As a button
 * it dips while pressed; as a switch it latches down, and the green band under the head shows only
 * while it is pulled out (released).
 */
export function EmergencyStop(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const head = useRef<Group>(null)
  const band = useRef<Mesh>(null)
  const select: (s: SceneState) => boolean | string =
    c.kind === 'button' ? pressedNow(c.id) : selectState(index)
  useSceneEffect(store, select, (value) => {
    const down = typeof value === 'boolean' ? value : isLatched(c.states, value)
    head.current!.position.z = down ? -TRAVEL.mushroom : 0
    head.current!.userData['pressed'] = down
    if (band.current) setPieceLook(band.current, { shown: !down })
  })
  return (
    <group>
      <Piece
        geometry={cylinderZ(24)}
        color={PANEL.yellow}
        finish="painted"
        scale={[0.06, 0.06, 0.0015]}
      />
      {detail === 'detailed' && (
        <Letters text="STOP" size={0.0045} color={PANEL.black} position={[0, -0.0245, 0.0016]} />
      )}
      <Piece geometry={estopHousing()} color={PANEL.black} finish="rubber" />
      <group ref={head} name="head">
        <Piece geometry={mushroom()} color={partColor(model, index, PANEL.red)} finish="painted" />
        {c.kind !== 'button' && (
          <Piece
            ref={band}
            name="released-band"
            geometry={cylinderZ(24)}
            color={PANEL.green}
            finish="painted"
            position={[0, 0, 0.0121]}
            scale={[0.0178, 0.0178, 0.0075]}
          />
        )}
      </group>
    </group>
  )
}
