import { useRef } from 'react'
import { CylinderGeometry, ExtrudeGeometry, Path, Shape, type Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { Detail, LookProps } from '../types.ts'
import { PROCESS } from './palette.ts'
import {
  ALONG_X,
  ALONG_Z,
  cylinder,
  flangeSolids,
  mergedGeometry,
  sides,
  torus,
  type Solid,
} from './shapes.ts'

/** The pipe size a sight glass is drawn for (metres); its parts are in diameters of it. */
export const SIGHT_GLASS_SIZE = 0.05
/** The height of the liquid seen in the window, in pipe diameters, when the glass is full. */
const WINDOW = 1.3

/**
 * How full a sight glass shows for a lamp's or display's value, from 0 to 1: a lamp's true is
 * full; a number is a level in percent; a word other than an empty one (0, false, off, empty,
 * no) is full. Pure.
 */
export function getFill(value: number | string | boolean | undefined): number {
  if (typeof value === 'number')
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value / 100)) : 0
  if (typeof value === 'string') return /^(|0|false|off|empty|no)$/i.test(value.trim()) ? 0 : 1
  return value === true ? 1 : 0
}

/**
 * A flanged sight glass in a pipe along x (the origin on its axis): a round housing with a
 * bolted window facing +z, through which the liquid shows in its colour up to the level the value
 * gives (getFill), against pale empty glass above it.
 */
export function SightGlass(props: LookProps) {
  const { detail, model, index, store } = props
  const liquid = useRef<Mesh>(null)
  const full = model.components[index]!.source.color ?? PROCESS.liquid
  useSceneEffect(store, selectDerived(model, index), (value) => {
    const fill = getFill(value)
    const m = liquid.current!
    m.userData['fill'] = fill
    m.scale.y = Math.max(0.001, fill * WINDOW)
    m.position.y = -WINDOW / 2 + (fill * WINDOW) / 2
    setPieceLook(m, { shown: fill > 0 })
  })
  return (
    <group scale={SIGHT_GLASS_SIZE}>
      <Piece geometry={sightBody(detail)} color={PROCESS.valveBody} finish="painted" />
      <Piece geometry={sightBezel(detail)} color={PROCESS.steel} finish="stainless" />
      <Piece geometry={sightBack(detail)} color={EMPTY} finish="painted" />
      <Piece
        ref={liquid}
        name="liquid"
        geometry={geo.box()}
        color={full}
        finish="painted"
        position={[0, 0, 0.4]}
        scale={[WINDOW, 0.001, 0.02]}
      />
      <Piece geometry={sightGlassPane(detail)} color={PROCESS.glass} finish="glass" />
    </group>
  )
}

/** What an empty window shows: light through clear glass. */
const EMPTY = '#e4e9ec'

function sightBody(detail: Detail) {
  return mergedGeometry(`sight-body|${detail}`, () => {
    const seg = sides(detail, 28)
    // the front plate with the window cut out of it
    const plate = new Shape()
    plate.absarc(0, 0, 1.0, 0, Math.PI * 2, false)
    const hole = new Path()
    hole.absarc(0, 0, 0.7, 0, Math.PI * 2, true)
    plate.holes.push(hole)
    return [
      // the pipe ends, outside the chamber
      { geometry: cylinder(0.56, 0.4, sides(detail)), at: [-1.0, 0, 0], rotation: ALONG_X },
      { geometry: cylinder(0.56, 0.4, sides(detail)), at: [1.0, 0, 0], rotation: ALONG_X },
      ...flangeSolids([-1.2, 0, 0], detail),
      ...flangeSolids([1.2, 0, 0], detail),
      { geometry: cylinder(1.0, 0.9, seg), at: [0, 0, -0.15], rotation: ALONG_Z },
      {
        geometry: new CylinderGeometry(1.0, 1.0, 0.26, seg, 1, true),
        at: [0, 0, 0.43],
        rotation: ALONG_Z,
      },
      {
        geometry: new ExtrudeGeometry(plate, {
          depth: 0.07,
          bevelEnabled: false,
          curveSegments: seg,
        }),
        at: [0, 0, 0.55],
      },
    ]
  })
}

function sightBezel(detail: Detail) {
  return mergedGeometry(`sight-bezel|${detail}`, () => {
    const solids: Solid[] = [{ geometry: torus(0.78, 0.09, sides(detail, 28)), at: [0, 0, 0.64] }]
    if (detail === 'detailed') {
      for (let k = 0; k < 6; k++) {
        const a = (k * Math.PI) / 3 + Math.PI / 6
        solids.push({
          geometry: cylinder(0.07, 0.14, 6),
          at: [Math.cos(a) * 0.88, Math.sin(a) * 0.88, 0.65],
          rotation: ALONG_Z,
        })
      }
    }
    return solids
  })
}

/** The pale back of the chamber, seen where there is no liquid. */
function sightBack(detail: Detail) {
  return mergedGeometry(`sight-back|${detail}`, () => [
    { geometry: cylinder(0.95, 0.02, sides(detail, 28)), at: [0, 0, 0.32], rotation: ALONG_Z },
  ])
}

function sightGlassPane(detail: Detail) {
  return mergedGeometry(`sight-pane|${detail}`, () => [
    { geometry: cylinder(0.72, 0.04, sides(detail, 28)), at: [0, 0, 0.58], rotation: ALONG_Z },
  ])
}
