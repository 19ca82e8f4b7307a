import { useRef, type RefObject } from 'react'
import type { Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { setPieceLook } from '../../pieceBatches.ts'
import { faceMaterial, geo } from '../../resources.ts'
import { FACING } from '../../parts/types.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { TESTER_LEVELS, testerScaleTexture } from './ppeTextures.ts'
import { roundedBox, tubeThrough } from './ppeShapes.ts'
import { useToolScreen } from './useToolScreen.ts'

const MAIN_X = -0.042
const PROBE_X = 0.045
const FRONT = 0.015
const SCALE_TOP = -0.0825
const SCALE_HEIGHT = 0.135
/** How many LEDs of the scale light for a voltage (either polarity), from the lowest. Pure. */
export function getLitLevels(volts: number): number {
  if (!Number.isFinite(volts)) return 0
  return TESTER_LEVELS.filter((level) => Math.abs(volts) >= level * 0.85).length
}

const LIT = (level: number) => (level < 50 ? '#ffa000' : '#ff1a0a')
const DARK = '#4a2525'

/** The cable from the indicator's top over the hook and down to the probe handle. */
const CABLE: [number, number, number][] = [
  [MAIN_X, -0.05, 0],
  [MAIN_X + 0.004, -0.022, -0.004],
  [0, 0.007, -0.01],
  [PROBE_X - 0.006, -0.022, -0.004],
  [PROBE_X, -0.05, 0],
]

/**
 * A two-pole voltage tester hanging by its cable: the yellow indicator handle with its screen,
 * the LED scale from 12 to 690 V and the test button, and the second probe handle, each ending
 * in a guarded test tip. As a display or gauge it shows the voltage in digits and lights the
 * LEDs up to it; as a button its test buttons dip while pressed.
 */
export function VoltageTester(props: LookProps) {
  const { model, index, store } = props
  const c = model.components[index]!
  const body = c.source.color ?? '#f2c200'
  const detailed = props.detail === 'detailed'
  const { screen, material } = useToolScreen(props)
  const leds = useRef<(Mesh | null)[]>([])
  const buttons = useRef<(Mesh | null)[]>([])
  const reads = c.kind === 'display' || c.kind === 'gauge'
  const value = selectDerived(model, index)
  useSceneEffect(
    store,
    (s) => (reads ? getLitLevels(Number(value(s))) : 0),
    (lit) => {
      leds.current.forEach((led, i) => {
        const on = i < lit
        setPieceLook(led!, {
          finish: on ? 'glow' : 'matte',
          color: on ? LIT(TESTER_LEVELS[i]!) : DARK,
        })
      })
    },
  )
  useSceneEffect(
    store,
    (s) => {
      const last = s.events[s.events.length - 1]
      return last?.action === 'press' && last.target === c.id
    },
    (pressed) => {
      for (const b of buttons.current) {
        const rest = (b!.userData['rest'] ??= b!.position.z) as number
        b!.position.z = rest - (pressed ? 0.0025 : 0)
      }
    },
  )
  return (
    <HangingItem look={props} centre={[0, -0.16, 0]} wornScale={0.36}>
      <IndicatorHandle
        body={body}
        screen={screen}
        material={material}
        leds={leds}
        buttons={buttons}
      />
      <ProbeHandle body={body} detailed={detailed} buttons={buttons} />
    </HangingItem>
  )
}

type Meshes = RefObject<(Mesh | null)[]>

/** A guarded test tip at the foot of a handle: the finger guard, the shaft and the metal tip. */
function ProbeTip({ x, y }: { x: number; y: number }) {
  return (
    <>
      <Piece
        geometry={geo.cylinderLow()}
        color="#263238"
        finish="rubber"
        scale={[0.024, 0.005, 0.024]}
        position={[x, y, 0]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#263238"
        finish="rubber"
        scale={[0.008, 0.026, 0.008]}
        position={[x, y - 0.015, 0]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#c8ced3"
        finish="stainless"
        scale={[0.003, 0.016, 0.003]}
        position={[x, y - 0.035, 0]}
      />
    </>
  )
}

/** The indicator handle with its screen, LED scale, test button and tip. */
function IndicatorHandle({
  body,
  screen,
  material,
  leds,
  buttons,
}: {
  body: string
  screen: ReturnType<typeof useToolScreen>['screen']
  material: ReturnType<typeof useToolScreen>['material']
  leds: Meshes
  buttons: Meshes
}) {
  return (
    <>
      {/* the indicator handle */}
      <Piece
        name="indicator"
        geometry={roundedBox(0.056, 0.2, 0.03, 0.012)}
        color={body}
        finish="rubber"
        position={[MAIN_X, -0.15, 0]}
      />
      <mesh
        ref={screen}
        name="screen"
        geometry={geo.plane()}
        material={material}
        scale={[0.044, 0.02, 1]}
        position={[MAIN_X, -0.0705, FRONT + 0.0005]}
      />
      <mesh
        geometry={geo.plane()}
        material={faceMaterial(testerScaleTexture(), '#1f2327')}
        scale={[0.045, SCALE_HEIGHT, 1]}
        position={[MAIN_X, SCALE_TOP - SCALE_HEIGHT / 2, FRONT + 0.0005]}
      />
      {TESTER_LEVELS.map((level, i) => (
        <Piece
          key={level}
          ref={(m) => {
            leds.current[i] = m
          }}
          name={`led-${level}`}
          geometry={geo.cylinderLow()}
          color={DARK}
          rotation={FACING}
          scale={[0.009, 0.003, 0.009]}
          position={[
            MAIN_X - 0.0125,
            SCALE_TOP - ((352 - 50 * i) / 384) * SCALE_HEIGHT,
            FRONT + 0.0015,
          ]}
        />
      ))}
      <Piece
        ref={(m) => {
          buttons.current[0] = m
        }}
        name="test-button"
        geometry={geo.cylinderLow()}
        color="#263238"
        finish="rubber"
        rotation={FACING}
        scale={[0.022, 0.006, 0.014]}
        position={[MAIN_X, -0.233, FRONT + 0.003]}
      />
      <ProbeTip x={MAIN_X} y={-0.252} />
    </>
  )
}

/** The second probe handle with its button and tip, and the cable between the two handles. */
function ProbeHandle({
  body,
  detailed,
  buttons,
}: {
  body: string
  detailed: boolean
  buttons: Meshes
}) {
  return (
    <>
      {/* the second probe handle */}
      <Piece
        geometry={roundedBox(0.03, 0.12, 0.026, 0.01)}
        color="#37474f"
        finish="rubber"
        position={[PROBE_X, -0.11, 0]}
      />
      <Piece
        geometry={geo.box()}
        color={body}
        finish="rubber"
        scale={[0.031, 0.014, 0.027]}
        position={[PROBE_X, -0.062, 0]}
      />
      <Piece
        ref={(m) => {
          buttons.current[1] = m
        }}
        name="probe-button"
        geometry={geo.cylinderLow()}
        color={body}
        finish="rubber"
        rotation={FACING}
        scale={[0.014, 0.006, 0.014]}
        position={[PROBE_X, -0.12, 0.015]}
      />
      <ProbeTip x={PROBE_X} y={-0.172} />
      <Piece
        name="cable"
        geometry={tubeThrough('tester-cable', CABLE, 0.0028, 24, 5)}
        color="#2b2f33"
        finish="rubber"
      />
      {detailed &&
        [MAIN_X, PROBE_X].map((x) => (
          <Piece
            key={x}
            geometry={geo.cylinderLow()}
            color="#2b2f33"
            finish="rubber"
            scale={[0.008, 0.014, 0.008]}
            position={[x, -0.05, 0]}
          />
        ))}
    </>
  )
}
