// The Bourdon pressure gauge: bezel, glass, a marked dial with its unit, a needle. It stands on the
// face it is mounted on, at z = 0, facing +z, at its real size.
import { useRef } from 'react'
import type { Group } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { getNeedleAngle } from '../../parts/GaugePart.tsx'
import { dialTexture, faceMaterial, geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { cylinderZ, latheZ, PANEL, readingOf } from './common.tsx'

function gaugeCase() {
  // for a gauge of diameter 1: the case's back at z = 0, the bezel ring at the front
  return latheZ('bourdon-case', [
    [0, 0],
    [0.49, 0],
    [0.5, 0.02],
    [0.5, 0.25],
    [0.525, 0.26],
    [0.53, 0.29],
    [0.515, 0.32],
    [0.48, 0.325],
    [0.455, 0.305],
    [0.455, 0.26],
    [0, 0.26],
  ])
}

/**
 * A Bourdon tube pressure gauge of `diameter`: stainless case and bezel, a white dial marked from
 * min to max with the unit, a black needle over it, the glass, and the socket below.
 */
export function BourdonGauge(props: LookProps) {
  const { model, index, store, detail } = props
  const { min, max, unit } = readingOf(props)
  const d = numberParam(props, 'diameter') || 0.1
  const needle = useRef<Group>(null)
  useSceneEffect(store, selectDerived(model, index), (value) => {
    needle.current!.rotation.z = getNeedleAngle(Number(value ?? 0), min, max)
  })
  return (
    <group scale={d}>
      <Piece geometry={gaugeCase()} color={PANEL.chrome} finish="stainless" />
      {/* the dial's own texture: drawn as a mesh of its own */}
      <mesh
        name="dial"
        geometry={geo.plane()}
        material={faceMaterial(dialTexture(min, max, unit ?? ''))}
        scale={0.9}
        position={[0, 0, 0.262]}
      />
      <group ref={needle} name="needle" position={[0, 0, 0.275]}>
        <Piece
          geometry={geo.box()}
          color="#15171a"
          position={[0, 0.15, 0]}
          scale={[0.018, 0.42, 0.006]}
        />
        <Piece
          geometry={geo.box()}
          color="#15171a"
          position={[0, -0.06, 0]}
          scale={[0.035, 0.08, 0.006]}
        />
      </group>
      <Piece
        geometry={cylinderZ(24)}
        color="#15171a"
        position={[0, 0, 0.27]}
        scale={[0.06, 0.06, 0.02]}
      />
      {detail === 'detailed' && (
        <>
          <Piece
            geometry={cylinderZ(24)}
            color="#dfe8ee"
            finish="glass"
            position={[0, 0, 0.3]}
            scale={[0.93, 0.93, 0.01]}
          />
          <Piece
            geometry={cylinderZ(6)}
            color={PANEL.brass}
            finish="stainless"
            rotation={[Math.PI / 2, 0, 0]}
            position={[0, -0.49, 0.13]}
            scale={[0.16, 0.16, 0.12]}
          />
          <Piece
            geometry={cylinderZ(12)}
            color={PANEL.brass}
            finish="stainless"
            rotation={[Math.PI / 2, 0, 0]}
            position={[0, -0.6, 0.13]}
            scale={[0.1, 0.1, 0.1]}
          />
        </>
      )}
    </group>
  )
}
