import type { Model } from '../../../../core/index.ts'
import { Piece } from '../../Piece.tsx'
import { faceMaterial, geo } from '../../resources.ts'
import { FACING } from '../../parts/types.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { METER_MODES, meterFaceTexture, type MeterMode } from './ppeTextures.ts'
import { roundedBox, tubeThrough } from './ppeShapes.ts'
import { torusArc } from './wornShapes.ts'
import { useToolScreen } from './useToolScreen.ts'

const BODY_Y = -0.12
const FRONT = 0.0245
const FACE_TOP = -0.08
const FACE_HEIGHT = 0.111
const FACE_WIDTH = 0.074
const DIAL_Y = FACE_TOP - (170 / 384) * FACE_HEIGHT
const JACK_Y = FACE_TOP - (338 / 384) * FACE_HEIGHT
const JACK_X = [-0.0277, -0.0092, 0.0092, 0.0277]

/** Where the dial points for a component: OFF for an item, else the mode of its unit. Pure. */
export function getMeterMode(model: Model, index: number): MeterMode {
  const source = model.components[index]!.source
  if (source.kind !== 'display' && source.kind !== 'gauge') return 'OFF'
  const unit = source.unit ?? 'V'
  if (/mA/.test(unit)) return 'mA'
  if (/^A/.test(unit)) return 'A'
  if (/Ω|ohm/i.test(unit)) return 'Ω'
  if (/Hz/.test(unit)) return 'Hz'
  if (/mV/.test(unit)) return 'mV'
  if (/V/.test(unit) && /DC|⎓|=/i.test(unit)) return 'V⎓'
  return 'V~'
}

/** The lead from a jack at x down in a loop and up into the probe on `side`. Pure. */
function leadPoints(x: number, side: number): [number, number, number][] {
  return [
    [x, JACK_Y, FRONT + 0.012],
    [x, JACK_Y - 0.03, FRONT + 0.012],
    [x * 0.5 + side * 0.03, -0.252, 0.022],
    [side * 0.062, -0.24, 0.008],
    [side * 0.062, -0.214, 0.001],
  ]
}

/**
 * A handheld digital multimeter in its yellow holster, hanging by its strap: the LCD showing the
 * reading (a display's or gauge's value; blank while it is an item), the keys, the rotary dial set
 * to the reading's unit (OFF for an item), the input jacks, and the red and black probes clipped
 * to the holster's sides with their leads plugged in.
 */
export function Multimeter(props: LookProps) {
  const { model, index } = props
  const holster = model.components[index]!.source.color ?? '#f2c200'
  const detailed = props.detail === 'detailed'
  const { screen, material } = useToolScreen(props)
  const mode = getMeterMode(model, index)
  const degrees = METER_MODES.find(([m]) => m === mode)![1]
  return (
    <HangingItem look={props} centre={[0, -0.13, 0.01]} wornScale={0.5}>
      <Piece
        geometry={torusArc('meter-strap', 0.012, 0.003, Math.PI * 2, 5, 12)}
        color="#263238"
        finish="rubber"
        position={[0, -0.014, 0]}
      />
      <Piece
        name="holster"
        geometry={roundedBox(0.095, 0.19, 0.042, 0.012)}
        color={holster}
        finish="rubber"
        position={[0, BODY_Y, 0]}
      />
      <Piece
        geometry={roundedBox(0.078, 0.168, 0.006, 0.006)}
        color="#30353a"
        finish="painted"
        position={[0, BODY_Y, FRONT - 0.003]}
      />
      <mesh
        ref={screen}
        name="screen"
        geometry={geo.plane()}
        material={material}
        scale={[0.066, 0.033, 1]}
        position={[0, -0.0585, FRONT + 0.0005]}
      />
      <mesh
        geometry={geo.plane()}
        material={faceMaterial(meterFaceTexture(), '#2d3237')}
        scale={[FACE_WIDTH, FACE_HEIGHT, 1]}
        position={[0, FACE_TOP - FACE_HEIGHT / 2, FRONT + 0.0005]}
      />
      <MeterDial degrees={degrees} />
      {JACK_X.map((x, i) => (
        <Piece
          key={x}
          geometry={geo.cylinderLow()}
          color={i === 2 ? '#111111' : '#b71c1c'}
          finish="rubber"
          rotation={FACING}
          scale={[0.012, 0.004, 0.012]}
          position={[x, JACK_Y, FRONT + 0.002]}
        />
      ))}
      {([-1, 1] as const).map((side) => (
        <MeterProbe key={side} side={side} detailed={detailed} />
      ))}
    </HangingItem>
  )
}

/** The rotary dial, turned to `degrees`: the knob, its grip and the white pointer. */
function MeterDial({ degrees }: { degrees: number }) {
  return (
    <group name="dial" position={[0, DIAL_Y, FRONT]} rotation={[0, 0, (-degrees * Math.PI) / 180]}>
      <Piece
        geometry={geo.cylinder()}
        color="#1f2326"
        finish="rubber"
        rotation={FACING}
        scale={[0.034, 0.01, 0.034]}
        position={[0, 0, 0.005]}
      />
      <Piece
        geometry={geo.box()}
        color="#1f2326"
        finish="rubber"
        scale={[0.009, 0.034, 0.008]}
        position={[0, 0, 0.012]}
      />
      <Piece
        geometry={geo.box()}
        color="#f4f4f4"
        finish="painted"
        scale={[0.003, 0.012, 0.002]}
        position={[0, 0.011, 0.0165]}
      />
    </group>
  )
}

/** A probe clipped to the holster's side (1 red, -1 black), its lead to the jack when detailed. */
function MeterProbe({ side, detailed }: { side: -1 | 1; detailed: boolean }) {
  const color = side === 1 ? '#c62828' : '#1b1b1b'
  const jack = side === 1 ? JACK_X[3]! : JACK_X[2]!
  return (
    <group name={side === 1 ? 'probe-red' : 'probe-black'}>
      {detailed && (
        <>
          <Piece
            geometry={geo.cylinderLow()}
            color={color}
            finish="rubber"
            rotation={FACING}
            scale={[0.009, 0.014, 0.009]}
            position={[jack, JACK_Y, FRONT + 0.008]}
          />
          <Piece
            geometry={tubeThrough(`meter-lead${side}`, leadPoints(jack, side), 0.0022, 28, 5)}
            color={color}
            finish="rubber"
          />
          <Piece
            geometry={geo.cylinderLow()}
            color={color}
            finish="rubber"
            scale={[0.008, 0.014, 0.008]}
            position={[side * 0.062, -0.207, 0.001]}
          />
        </>
      )}
      {/* the probe, tip up: handle, finger guard, insulated sleeve, steel tip */}
      <Piece
        geometry={geo.cylinderLow()}
        color={color}
        finish="rubber"
        scale={[0.013, 0.09, 0.013]}
        position={[side * 0.062, -0.155, 0.001]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color={color}
        finish="rubber"
        scale={[0.022, 0.005, 0.022]}
        position={[side * 0.062, -0.108, 0.001]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color={color}
        finish="rubber"
        scale={[0.007, 0.024, 0.007]}
        position={[side * 0.062, -0.094, 0.001]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#c8ced3"
        finish="stainless"
        scale={[0.0025, 0.018, 0.0025]}
        position={[side * 0.062, -0.073, 0.001]}
      />
    </group>
  )
}
