// Enclosures: a local control station, an electrical cabinet (open at the front for its door) and
// the cabinet's hinged door. The origin of each is the middle of its front face (of its opening,
// for the cabinet; of its closed leaf's back, for the door), +z toward the viewer, +y up: so a
// door placed at the cabinet's origin with the cabinet's width and height closes it, and devices
// placed on a station's face at z = 0 sit on it.
import { useRef } from 'react'
import type { Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { booleanParam, numberParam, stringParam, type LookProps } from '../types.ts'
import { cylinderZ, extrudeZ, PANEL, partColor, stateFraction } from './common.tsx'

/** How far below a control station's middle the floor is, when it stands on its pedestal. */
export const PEDESTAL_DROP = 1.1

/**
 * A local control station: a grey box (`width` × `height` × `depth`) whose front is the face its
 * buttons sit on, with lid screws and a cable gland; on a post to the floor with `pedestal`.
 */
export function ControlStation(props: LookProps) {
  const { model, index, detail } = props
  const w = numberParam(props, 'width')
  const h = numberParam(props, 'height')
  const d = numberParam(props, 'depth')
  const color = partColor(model, index, PANEL.enclosure)
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, 0, -d / 2 - 0.004]}
        scale={[w, h, d - 0.008]}
      />
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, 0, -0.004]}
        scale={[w - 0.006, h - 0.006, 0.008]}
      />
      {detail === 'detailed' && (
        <>
          {[
            [-1, 1],
            [1, 1],
            [-1, -1],
            [1, -1],
          ].map(([sx, sy]) => (
            <Piece
              key={`${sx}${sy}`}
              geometry={cylinderZ(12)}
              color={PANEL.dark}
              position={[sx! * (w / 2 - 0.015), sy! * (h / 2 - 0.015), 0]}
              scale={[0.009, 0.009, 0.0015]}
            />
          ))}
          <Piece
            geometry={cylinderZ(12)}
            color={PANEL.dark}
            finish="rubber"
            rotation={[Math.PI / 2, 0, 0]}
            position={[0, -h / 2, -d / 2]}
            scale={[0.028, 0.028, 0.022]}
          />
        </>
      )}
      {booleanParam(props, 'pedestal') && (
        <>
          <Piece
            geometry={geo.box()}
            color={PANEL.dark}
            finish="painted"
            position={[0, (-h / 2 - PEDESTAL_DROP) / 2, -d / 2]}
            scale={[0.06, PEDESTAL_DROP - h / 2, 0.06]}
          />
          <Piece
            geometry={geo.box()}
            color={PANEL.dark}
            finish="painted"
            position={[0, -PEDESTAL_DROP + 0.006, -d / 2]}
            scale={[0.3, 0.012, 0.3]}
          />
        </>
      )}
    </group>
  )
}

const PLINTH = 0.1
const WALL = 0.015
const RAIL_DEPTH = 0.0095

/**
 * The devices along one DIN rail of a cabinet `inner` wide: rows of breakers (white, their toggles
 * a dark line) and a contactor (dark), left to right with gaps, a different mix on each rail.
 */
function railDevices(inner: number, rail: number): { x: number; width: number; dark: boolean }[] {
  const MODULE = 0.0176
  const mixes = [
    [4, 6, 3, 2],
    [2, 8, 3],
    [3, 4, 4, 2],
  ]
  const devices: { x: number; width: number; dark: boolean }[] = []
  let left = -inner / 2 + 0.02
  for (const [k, modules] of mixes[rail % mixes.length]!.entries()) {
    const dark = k === 2
    const width = dark ? 0.045 : modules * MODULE
    if (left + width > inner / 2 - 0.02) break
    devices.push({ x: left + width / 2, width, dark })
    left += width + 0.012
  }
  return devices
}

/**
 * An electrical cabinet body (`width` × `height` × `depth`, on a 100 mm plinth below that): sides,
 * roof, back and gland plate, and inside a mounting plate with DIN rails, cable ducts and a few
 * devices. Its front is open: a door.cabinet child closes it.
 */
export function Cabinet(props: LookProps) {
  const { model, index, detail } = props
  const w = numberParam(props, 'width')
  const h = numberParam(props, 'height')
  const d = numberParam(props, 'depth')
  const color = partColor(model, index, PANEL.enclosure)
  const plate = -d + WALL + 0.004
  // DIN rails every 250 mm down the mounting plate, below a clear top
  const rails = Math.max(1, Math.floor((h - 0.35) / 0.25))
  const railYs = Array.from({ length: rails }, (_, i) => h / 2 - 0.22 - i * 0.25)
  const inner = w - 2 * WALL - 0.16
  return (
    <group>
      {[-1, 1].map((side) => (
        <Piece
          key={side}
          geometry={geo.box()}
          color={color}
          finish="painted"
          position={[side * (w / 2 - WALL / 2), 0, -d / 2]}
          scale={[WALL, h, d]}
        />
      ))}
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, h / 2 - WALL / 2, -d / 2]}
        scale={[w - 2 * WALL, WALL, d]}
      />
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, 0, -d + WALL / 2]}
        scale={[w - 2 * WALL, h - 2 * WALL, WALL]}
      />
      <Piece
        geometry={geo.box()}
        color="#8c9196"
        finish="painted"
        position={[0, -h / 2 + 0.004, -d / 2]}
        scale={[w - 2 * WALL, 0.008, d]}
      />
      <Piece
        geometry={geo.box()}
        color={PANEL.dark}
        finish="painted"
        position={[0, -h / 2 - PLINTH / 2, -d / 2]}
        scale={[w, PLINTH, d]}
      />
      <Piece
        geometry={geo.box()}
        color={PANEL.zinc}
        finish="stainless"
        position={[0, 0.01, plate]}
        scale={[w - 2 * WALL - 0.04, h - 0.1, 0.003]}
      />
      {railYs.map((y) => (
        <Piece
          key={y}
          geometry={geo.box()}
          color={PANEL.zinc}
          finish="stainless"
          position={[0, y, plate + 0.0055]}
          scale={[inner, 0.035, 0.0075]}
        />
      ))}
      {detail === 'detailed' && (
        <>
          {/* slotted cable ducts: one down each side, one between each pair of rails */}
          {[-1, 1].map((side) => (
            <Piece
              key={side}
              geometry={geo.box()}
              color="#9fa4a8"
              finish="painted"
              position={[side * (w / 2 - WALL - 0.045), 0.01, plate + 0.032]}
              scale={[0.06, h - 0.16, 0.06]}
            />
          ))}
          {[railYs[0]! + 0.125, ...railYs.map((y) => y - 0.125)].map((y) => (
            <Piece
              key={y}
              geometry={geo.box()}
              color="#9fa4a8"
              finish="painted"
              position={[0, y, plate + 0.032]}
              scale={[inner - 0.02, 0.05, 0.06]}
            />
          ))}
          {railYs.flatMap((y, r) =>
            railDevices(inner, r).map(({ x, width, dark }) => (
              <group key={`${y}|${x}`} position={[x, y, plate + RAIL_DEPTH]}>
                <Piece
                  geometry={geo.box()}
                  color={dark ? '#4a4f55' : PANEL.white}
                  finish="painted"
                  position={[0, 0, 0.0225]}
                  scale={[width, 0.09, 0.045]}
                />
                <Piece
                  geometry={geo.box()}
                  color={dark ? '#4a4f55' : PANEL.white}
                  finish="painted"
                  position={[0, 0, 0.055]}
                  scale={[width, 0.045, 0.02]}
                />
                {!dark && (
                  <Piece
                    geometry={geo.box()}
                    color={PANEL.dark}
                    position={[0, 0.003, 0.066]}
                    scale={[width - 0.004, 0.0065, 0.006]}
                  />
                )}
              </group>
            )),
          )}
        </>
      )}
    </group>
  )
}

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
          {/* the warning triangle: black border, yellow field, black flash */}
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
          {detail === 'detailed' && (
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
          )}
        </group>
      </group>
    </group>
  )
}
