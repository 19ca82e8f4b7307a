import { useRef } from 'react'
import type { Mesh } from 'three'
import { useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import { setPieceLook } from '../../pieceBatches.ts'
import { faceMaterial, geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { HangingItem } from './HangingItem.tsx'
import { radioScreenTexture } from './ppeTextures.ts'
import { roundedBox } from './ppeShapes.ts'

const BODY_Y = -0.065
const BODY_Z = 0.01
const FRONT = BODY_Z + 0.017
const TOP = BODY_Y + 0.06
const PTT_X = -0.0305

/**
 * A handheld two-way radio clipped on its hook by the belt clip: the body with its speaker grille,
 * screen and keypad, the stubby antenna and channel knob on top, the push-to-talk key on its left
 * side and the transmit lamp. As a button, the push-to-talk key goes in and the lamp lights red
 * while it is pressed.
 */
export function Radio(props: LookProps) {
  const { model, index, store } = props
  const c = model.components[index]!
  const body = c.source.color ?? '#1f2326'
  const detailed = props.detail === 'detailed'
  const ptt = useRef<Mesh>(null)
  const led = useRef<Mesh>(null)
  useSceneEffect(
    store,
    (s) => {
      const last = s.events[s.events.length - 1]
      return last?.action === 'press' && last.target === c.id
    },
    (pressed) => {
      ptt.current!.position.x = PTT_X + (pressed ? 0.0025 : 0)
      setPieceLook(led.current!, {
        finish: pressed ? 'glow' : 'matte',
        color: pressed ? '#ff2d20' : '#4a1f1f',
      })
    },
  )
  return (
    <HangingItem look={props} centre={[0, -0.04, BODY_Z]} wornScale={0.6}>
      <Piece
        name="body"
        geometry={roundedBox(0.058, 0.12, 0.034, 0.01)}
        color={body}
        finish="painted"
        position={[0, BODY_Y, BODY_Z]}
      />
      {/* the belt clip over the hook */}
      <Piece
        geometry={geo.box()}
        color="#2b2f33"
        finish="painted"
        scale={[0.03, 0.075, 0.004]}
        position={[0, -0.04, -0.011]}
      />
      <Piece
        geometry={geo.box()}
        color="#2b2f33"
        finish="painted"
        scale={[0.03, 0.005, 0.02]}
        position={[0, -0.001, -0.003]}
      />
      {/* antenna, channel knob, transmit lamp */}
      <RadioTop />
      <Piece
        ref={led}
        name="tx-led"
        geometry={geo.cylinderLow()}
        color="#4a1f1f"
        scale={[0.006, 0.004, 0.006]}
        position={[0.001, TOP + 0.002, BODY_Z + 0.006]}
      />
      {/* push-to-talk key on the left side */}
      <Piece
        ref={ptt}
        name="ptt"
        geometry={geo.box()}
        color="#ef6c00"
        finish="rubber"
        scale={[0.006, 0.036, 0.016]}
        position={[PTT_X, -0.05, BODY_Z]}
      />
      {/* speaker grille, screen, keypad */}
      <RadioFront detailed={detailed} />
    </HangingItem>
  )
}

/** The stubby antenna with its base and ball tip, and the channel knob, on the top. */
function RadioTop() {
  return (
    <>
      <Piece
        name="antenna"
        geometry={geo.cylinderLow()}
        color="#15181b"
        finish="rubber"
        scale={[0.012, 0.085, 0.012]}
        position={[0.016, TOP + 0.0425, BODY_Z]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#15181b"
        finish="rubber"
        scale={[0.018, 0.014, 0.018]}
        position={[0.016, TOP + 0.007, BODY_Z]}
      />
      <Piece
        geometry={geo.sphere()}
        color="#15181b"
        finish="rubber"
        scale={0.013}
        position={[0.016, TOP + 0.085, BODY_Z]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#3a4046"
        finish="rubber"
        scale={[0.016, 0.014, 0.016]}
        position={[-0.012, TOP + 0.007, BODY_Z]}
      />
    </>
  )
}

/** The speaker grille, the screen and (detailed) the keypad on the front. */
function RadioFront({ detailed }: { detailed: boolean }) {
  return (
    <>
      {[0, 1, 2, 3, 4].map((k) => (
        <Piece
          key={k}
          geometry={geo.box()}
          color="#5b6168"
          finish="painted"
          scale={[0.04, 0.0028, 0.002]}
          position={[0, -0.022 - k * 0.0065, FRONT]}
        />
      ))}
      <mesh
        name="screen"
        geometry={geo.plane()}
        material={faceMaterial(radioScreenTexture(), '#9fc4a9')}
        scale={[0.036, 0.018, 1]}
        position={[0, -0.069, FRONT + 0.0008]}
      />
      {detailed &&
        [0, 1, 2, 3, 4, 5].map((k) => (
          <Piece
            key={k}
            geometry={geo.box()}
            color="#4a5056"
            finish="rubber"
            scale={[0.012, 0.007, 0.003]}
            position={[-0.015 + (k % 3) * 0.015, -0.089 - Math.floor(k / 3) * 0.011, FRONT]}
          />
        ))}
    </>
  )
}
