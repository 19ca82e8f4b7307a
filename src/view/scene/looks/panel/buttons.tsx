// 22 mm push buttons and pilot lamps: the emergency stop (red mushroom on a yellow legend ring),
// the flush button, the illuminated button whose lens glows with its lamp, and the pilot lamp.
// Each stands on the panel face at z = 0 and faces +z, at its real size.
import { useRef, type Ref } from 'react'
import { Color, type Group, type Mesh } from 'three'
import type { SceneState } from '../../../../state/sceneSource.ts'
import { selectDerived, selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo, mat } from '../../resources.ts'
import { stringParam, type LookProps } from '../types.ts'
import { Bezel22, cylinderZ, latheZ, Letters, PANEL, partColor } from './common.tsx'

/** Whether the last thing the learner did was to press component `id` (a button dips meanwhile). */
function pressedNow(id: string): (s: SceneState) => boolean {
  return (s) => {
    const last = s.events[s.events.length - 1]
    return last?.action === 'press' && last.target === id
  }
}

const PRESSED = /press|stop|latch|engag|activ|down|hit|^in$|^on$/i
const RELEASED = /releas|reset|normal|ready|run|pull|^out$|^up$|^off$/i

/** Whether an emergency stop used as a switch is latched down in `state`. */
export function isLatched(states: readonly string[], state: string): boolean {
  if (RELEASED.test(state)) return false
  if (PRESSED.test(state)) return true
  return states.indexOf(state) > 0
}

/** How far a pressed head sinks, metres. */
const TRAVEL = { mushroom: 0.007, flush: 0.003 }

/** A colour as an unlit lens shows it: the same hue, dull and dark. */
export function dullColor(color: string): string {
  return `#${new Color(color).multiplyScalar(0.3).getHexString()}`
}

/** The white mark a flush button carries: "I" on a green one, "O" on a red one, none otherwise. */
function buttonSymbol(color: string): string | undefined {
  const hsl = { h: 0, s: 0, l: 0 }
  new Color(color).getHSL(hsl)
  if (hsl.s < 0.35) return undefined
  if (hsl.h < 0.05 || hsl.h > 0.93) return 'O'
  if (hsl.h > 0.22 && hsl.h < 0.45) return 'I'
  return undefined
}

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

/** A flush push button: a coloured insert level with its chrome bezel, dipping while pressed. */
export function FlushButton(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const color = partColor(model, index, PANEL.green)
  const head = useRef<Group>(null)
  useSceneEffect(store, pressedNow(c.id), (down) => {
    head.current!.position.z = down ? -TRAVEL.flush : 0
    head.current!.userData['pressed'] = down
  })
  const symbol = detail === 'detailed' ? buttonSymbol(color) : undefined
  return (
    <group>
      <Bezel22 />
      <group ref={head} name="head">
        <Piece
          geometry={cylinderZ(24)}
          color={color}
          finish="painted"
          position={[0, 0, 0.0005]}
          scale={[0.0228, 0.0228, 0.0052]}
        />
        {symbol && (
          <Letters text={symbol} size={0.009} color={PANEL.white} position={[0, 0, 0.0058]} />
        )}
      </group>
    </group>
  )
}

function illuminatedLens() {
  return latheZ('illuminated-lens', [
    [0.0112, 0.0005],
    [0.0112, 0.0045],
    [0.0108, 0.0057],
    [0.0085, 0.0062],
    [0, 0.0062],
  ])
}

/** The index of the lamp an illuminated button shows (its `lamp` parameter), if any. */
function lampIndex(props: LookProps): number | undefined {
  const id = stringParam(props, 'lamp')
  return id === undefined ? undefined : props.model.componentIndex.get(id)
}

/**
 * An illuminated push button: a translucent lens in a chrome bezel that glows while the lamp named
 * by its `lamp` parameter is lit, and dips while pressed.
 */
export function IlluminatedButton(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const lamp = lampIndex(props)
  const color =
    c.source.color ??
    (lamp === undefined ? undefined : model.components[lamp]!.source.color) ??
    PANEL.green
  const head = useRef<Group>(null)
  const lens = useRef<Mesh>(null)
  const halo = useRef<Mesh>(null)
  useSceneEffect(store, pressedNow(c.id), (down) => {
    head.current!.position.z = down ? -TRAVEL.flush : 0
    head.current!.userData['pressed'] = down
  })
  const lit = lamp === undefined ? () => false : selectDerived(model, lamp)
  useSceneEffect(
    store,
    (s) => lit(s) === true,
    (on) => {
      lens.current!.name = on ? 'lens-lit' : 'lens-dark'
      setPieceLook(
        lens.current!,
        on ? { color, finish: 'glow' } : { color: dullColor(color), finish: 'painted' },
      )
      if (halo.current) halo.current.visible = on
    },
  )
  return (
    <group>
      <Bezel22 />
      <group ref={head} name="head">
        <Piece
          ref={lens}
          name="lens-dark"
          geometry={illuminatedLens()}
          color={dullColor(color)}
          finish="painted"
        />
        {detail === 'detailed' && (
          <Piece
            geometry={latheZ('illuminated-ring', [
              [0.0116, 0.0005],
              [0.0116, 0.0062],
              [0.0112, 0.0062],
            ])}
            color={PANEL.dark}
            finish="rubber"
          />
        )}
      </group>
      {detail === 'detailed' && <Halo ref={halo} color={color} />}
    </group>
  )
}

/** The light around a lit lens: see-through, drawn after the opaque pieces; hidden while dark. */
function Halo({ ref, color }: { ref: Ref<Mesh>; color: string }) {
  return (
    <mesh
      ref={ref}
      name="halo"
      visible={false}
      geometry={geo.sphere()}
      material={mat(color, { transparent: 0.16 })}
      scale={0.034}
      position={[0, 0, 0.006]}
      raycast={() => null}
    />
  )
}

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
