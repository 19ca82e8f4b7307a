// Switches that turn: the rotary isolator (red handle on a yellow plate, in its box or on a
// panel), the key switch, the selector with its legend plate, and a lever that swings over a
// quadrant (a driver's brake valve). The handle's angle shows the state; the plate names the
// positions. Each stands on the face it is mounted on, at z = 0, facing +z, at its real size.
import { useRef } from 'react'
import { ExtrudeGeometry, Path, Shape, type Group } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { geo, sharedGeometry } from '../../resources.ts'
import { booleanParam, type LookProps } from '../types.ts'
import {
  Bezel22,
  cylinderZ,
  extrudeZ,
  isOnState,
  latheZ,
  Letters,
  PANEL,
  partColor,
  positionAngles,
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

/** The angle of each position of a selector, key switch or lever, by state. */
function angleOf(states: readonly string[], state: string): number {
  const angles = positionAngles(states.length)
  return angles[Math.max(0, states.indexOf(state))]!
}

const GRIP: readonly (readonly [number, number])[] = [
  [-0.0068, -0.013],
  [0.0068, -0.013],
  [0.0075, 0.01],
  [0.0048, 0.031],
  [-0.0048, 0.031],
  [-0.0075, 0.01],
]

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
      {boxed && (
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
      )}
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
        <group ref={handle} name="handle" position={[0, 0, 0.0015]}>
          <Piece
            geometry={cylinderZ(24)}
            color={partColor(model, index, PANEL.red)}
            finish="painted"
            scale={[0.032, 0.032, 0.011]}
          />
          <Piece
            geometry={extrudeZ('isolator-grip', GRIP, 0.012, 0.0015)}
            color={partColor(model, index, PANEL.red)}
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
      </group>
    </group>
  )
}

/** A black legend plate behind a 22 mm device, with the positions' names around the top. */
function LegendPlate({ props, radius }: { props: LookProps; radius: number }) {
  const { model, index, detail } = props
  const c = model.components[index]!
  const angles = positionAngles(c.states.length)
  return (
    <>
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        finish="painted"
        position={[0, 0.006, -0.0006]}
        scale={[0.048, 0.054, 0.0012]}
      />
      {c.states.map((s, i) => {
        const a = angles[i]!
        const text = stateMark(model, index, s)
        // a word sits beside its position, leaning out, so that its end stays on the plate
        const r = radius + (text.length > 1 ? 0.002 : 0)
        return (
          <group key={s}>
            <Letters
              text={text}
              size={0.004}
              color={PANEL.legend}
              position={[-Math.sin(a) * r, Math.cos(a) * r + 0.001, 0.0001]}
            />
            {detail === 'detailed' && (
              <Piece
                geometry={geo.box()}
                color={PANEL.legend}
                position={[-Math.sin(a) * 0.0165, Math.cos(a) * 0.0165, 0.0001]}
                rotation={[0, 0, a]}
                scale={[0.0008, 0.0025, 0.0004]}
              />
            )}
          </group>
        )
      })}
    </>
  )
}

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
