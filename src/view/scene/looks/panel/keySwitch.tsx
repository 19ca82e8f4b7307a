// The key switch: a chrome barrel in a 22 mm bezel and a key in it that turns to each position
// named on its legend plate. It stands on the face it is mounted on, at z = 0, facing +z.
import { useRef } from 'react'
import { ExtrudeGeometry, Path, Shape, type Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { geo, sharedGeometry } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { Bezel22, latheZ, PANEL, partColor } from './common.tsx'
import { angleOf, LegendPlate } from './legendPlate.tsx'

/** The flat bow of a key, with its hole, standing out of the barrel along z, flat across x. */
function keyBow() {
  return sharedGeometry('panel.key-bow', () => {
    const neck = 0.0035
    const centre = 0.016
    const radius = 0.011
    const start = Math.PI + Math.asin(neck / radius)
    const shape = new Shape()
    shape.moveTo(0, -neck)
    for (let k = 0; k <= 24; k++) {
      const a = start + ((2 * Math.PI - 2 * Math.asin(neck / radius)) * k) / 24
      shape.lineTo(centre + Math.cos(a) * radius, Math.sin(a) * radius)
    }
    shape.lineTo(0, neck)
    const hole = new Path()
    hole.absarc(centre + 0.004, 0, 0.0032, 0, Math.PI * 2, true)
    shape.holes.push(hole)
    const g = new ExtrudeGeometry(shape, { depth: 0.0022, bevelEnabled: false, curveSegments: 12 })
    g.translate(0, 0, -0.0011)
    // the outline's x becomes the part's z (out of the panel), its thickness the part's x
    g.rotateY(-Math.PI / 2)
    return g
  })
}

function keyBarrel() {
  return latheZ('key-barrel', [
    [0.0108, 0.0004],
    [0.0108, 0.0078],
    [0.0098, 0.0092],
    [0, 0.0094],
  ])
}

/** A key switch: a chrome barrel in a 22 mm bezel, and a key in it that turns to each position. */
export function KeySwitch(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const key = useRef<Group>(null)
  useSceneEffect(store, selectState(index), (state) => {
    key.current!.rotation.z = angleOf(c.states, state)
  })
  return (
    <group>
      <LegendPlate props={props} radius={0.021} />
      <Bezel22 />
      <Piece geometry={keyBarrel()} color={PANEL.chrome} finish="stainless" />
      <group ref={key} name="key">
        <Piece
          geometry={geo.box()}
          color={PANEL.black}
          position={[0, 0, 0.0095]}
          scale={[0.0018, 0.009, 0.0006]}
        />
        <Piece
          geometry={geo.box()}
          color={PANEL.chrome}
          finish="stainless"
          position={[0, 0, 0.0115]}
          scale={[0.0016, 0.005, 0.005]}
        />
        <Piece
          geometry={keyBow()}
          color={partColor(model, index, PANEL.chrome)}
          finish="stainless"
          position={[0, 0, 0.0133]}
        />
        {detail === 'detailed' && (
          <Piece
            geometry={geo.box()}
            color={PANEL.dark}
            finish="rubber"
            position={[0, 0, 0.0175]}
            scale={[0.0036, 0.0125, 0.009]}
          />
        )}
      </group>
    </group>
  )
}
