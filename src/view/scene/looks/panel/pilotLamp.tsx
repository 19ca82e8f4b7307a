// The 22 mm pilot lamp: a domed lens glowing in its colour while lit. At its real size on the panel
// face (z = 0, facing +z).
import { useRef } from 'react'
import type { Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import type { LookProps } from '../types.ts'
import { Bezel22, cylinderZ, latheZ, PANEL, partColor } from './common.tsx'
import { dullColor, Halo } from './buttons.tsx'

function pilotLens() {
  return latheZ('pilot-lens', [
    [0.0112, 0.0045],
    [0.0112, 0.007],
    [0.0105, 0.0095],
    [0.008, 0.0115],
    [0.004, 0.0125],
    [0, 0.0128],
  ])
}

/** A 22 mm pilot light: a domed lens in a chrome bezel, glowing in its colour while lit. */
export function PilotLamp(props: LookProps) {
  const { model, index, store, detail } = props
  const color = partColor(model, index, PANEL.green)
  const lens = useRef<Mesh>(null)
  const halo = useRef<Mesh>(null)
  useSceneEffect(store, selectDerived(model, index), (value) => {
    const on = value === true
    lens.current!.name = on ? 'lens-lit' : 'lens-dark'
    setPieceLook(
      lens.current!,
      on ? { color, finish: 'glow' } : { color: dullColor(color), finish: 'painted' },
    )
    if (halo.current) halo.current.visible = on
  })
  return (
    <group>
      <Bezel22 />
      <Piece
        geometry={cylinderZ(24)}
        color={PANEL.dark}
        finish="rubber"
        position={[0, 0, 0.001]}
        scale={[0.0232, 0.0232, 0.0036]}
      />
      <Piece
        ref={lens}
        name="lens-dark"
        geometry={pilotLens()}
        color={dullColor(color)}
        finish="painted"
      />
      {detail === 'detailed' && <Halo ref={halo} color={color} />}
    </group>
  )
}
