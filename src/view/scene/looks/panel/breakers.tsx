// Circuit breakers: DIN-rail miniature breakers (one 17.5 mm module per pole, on their rail) and a
// moulded case breaker. The toggle is up for on, down for off and in the middle when tripped; the
// flag window beside it shows red for closed contacts and green for open ones. The mounting plate
// (or the panel) is at z = 0 and the breaker faces +z, at its real size.
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { cylinderZ, isOnState, isTripped, Letters, PANEL, partColor } from './common.tsx'

/** The toggle's tilt about x (negative: its tip up) for a breaker's state. */
export function getToggleTilt(states: readonly string[], state: string, throw_ = 0.45): number {
  if (isTripped(state)) return 0
  return isOnState(states, state) ? -throw_ : throw_
}

const FLAG = { on: '#d32f2f', off: '#2e9e44' }

const MODULE = 0.0176
const RAIL = 0.0075

function poles(props: LookProps): number {
  return Math.max(1, Math.min(4, Math.round(numberParam(props, 'poles'))))
}

/** DIN-rail miniature circuit breaker, `poles` modules wide, with one toggle bar over all poles. */
export function Mcb(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const n = poles(props)
  const width = n * MODULE
  const xs = Array.from({ length: n }, (_, i) => -width / 2 + MODULE * (i + 0.5))
  const toggle = useRef<Group>(null)
  const flags = useRef<(Mesh | null)[]>([])
  useSceneEffect(store, selectState(index), (state) => {
    toggle.current!.rotation.x = getToggleTilt(c.states, state)
    const on = isOnState(c.states, state) && !isTripped(state)
    for (const flag of flags.current)
      if (flag) setPieceLook(flag, { color: on ? FLAG.on : FLAG.off })
  })
  const body = 0.045
  const front = RAIL + body + 0.02
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={PANEL.zinc}
        finish="stainless"
        position={[0, 0, RAIL / 2]}
        scale={[width + 0.03, 0.035, RAIL]}
      />
      {xs.map((x, i) => (
        <group key={x} position={[x, 0, 0]}>
          <Piece
            geometry={geo.box()}
            color={PANEL.white}
            finish="painted"
            position={[0, 0, RAIL + body / 2]}
            scale={[MODULE - 0.0004, 0.09, body]}
          />
          <Piece
            geometry={geo.box()}
            color={PANEL.white}
            finish="painted"
            position={[0, 0, RAIL + body + 0.01]}
            scale={[MODULE - 0.0004, 0.045, 0.02]}
          />
          <Piece
            ref={(m) => {
              flags.current[i] = m
            }}
            name="flag"
            geometry={geo.box()}
            color={FLAG.off}
            position={[0, -0.014, front]}
            scale={[0.007, 0.004, 0.0006]}
          />
          {detail === 'detailed' && (
            <>
              {[0.036, -0.036].map((y) => (
                <Piece
                  key={y}
                  geometry={cylinderZ(12)}
                  color={PANEL.chrome}
                  finish="stainless"
                  position={[0, y, RAIL + body]}
                  scale={[0.0055, 0.0055, 0.0008]}
                />
              ))}
              <Letters text="C16" size={0.0032} color={PANEL.dark} position={[0, 0.018, front]} />
            </>
          )}
        </group>
      ))}
      <group ref={toggle} name="toggle" position={[0, 0.003, front - 0.004]}>
        {xs.map((x) => (
          <Piece
            key={x}
            geometry={geo.box()}
            color={partColor(model, index, PANEL.dark)}
            finish="painted"
            position={[x, 0, 0.011]}
            scale={[0.01, 0.0065, 0.018]}
          />
        ))}
        {n > 1 && (
          <Piece
            geometry={geo.box()}
            color={partColor(model, index, PANEL.dark)}
            finish="painted"
            position={[0, 0, 0.018]}
            scale={[width - 0.007, 0.004, 0.004]}
          />
        )}
      </group>
    </group>
  )
}

/** A moulded case circuit breaker: a dark case with terminal shields and a large toggle. */
export function Mccb(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const n = poles(props)
  const width = 0.035 * n
  const toggle = useRef<Group>(null)
  const flag = useRef<Mesh>(null)
  useSceneEffect(store, selectState(index), (state) => {
    toggle.current!.rotation.x = getToggleTilt(c.states, state, 0.6)
    const on = isOnState(c.states, state) && !isTripped(state)
    setPieceLook(flag.current!, { color: on ? FLAG.on : FLAG.off })
  })
  const face = 0.09
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color="#3b4046"
        finish="painted"
        position={[0, 0, 0.035]}
        scale={[width, 0.16, 0.07]}
      />
      {[0.062, -0.062].map((y) => (
        <Piece
          key={y}
          geometry={geo.box()}
          color="#4d535a"
          finish="painted"
          position={[0, y, 0.0725]}
          scale={[width - 0.004, 0.03, 0.005]}
        />
      ))}
      <Piece
        geometry={geo.box()}
        color="#2a2e33"
        finish="painted"
        position={[0, 0, 0.08]}
        scale={[Math.min(width - 0.01, 0.09), 0.09, 0.02]}
      />
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        position={[0, 0, face]}
        scale={[0.026, 0.05, 0.0015]}
      />
      <Letters text="I" size={0.008} color={PANEL.white} position={[0, 0.039, face]} />
      <Letters text="0" size={0.008} color={PANEL.white} position={[0, -0.039, face]} />
      <Piece
        ref={flag}
        name="flag"
        geometry={geo.box()}
        color={FLAG.off}
        position={[0.026, 0.02, face]}
        scale={[0.01, 0.006, 0.0008]}
      />
      {detail === 'detailed' && (
        <>
          <Piece
            geometry={cylinderZ(12)}
            color={PANEL.red}
            finish="painted"
            position={[0.026, -0.02, face - 0.001]}
            scale={[0.007, 0.007, 0.003]}
          />
          {Array.from({ length: n }, (_, i) => -width / 2 + 0.035 * (i + 0.5)).flatMap((x) =>
            [0.062, -0.062].map((y) => (
              <Piece
                key={`${x}${y}`}
                geometry={cylinderZ(6)}
                color={PANEL.chrome}
                finish="stainless"
                position={[x, y, 0.075]}
                scale={[0.008, 0.008, 0.0012]}
              />
            )),
          )}
        </>
      )}
      <group ref={toggle} name="toggle" position={[0, 0, face - 0.002]}>
        <Piece
          geometry={geo.box()}
          color={partColor(model, index, PANEL.black)}
          finish="painted"
          position={[0, 0, 0.016]}
          scale={[0.02, 0.014, 0.032]}
        />
        <Piece
          geometry={geo.box()}
          color={PANEL.white}
          position={[0, 0, 0.0322]}
          scale={[0.018, 0.004, 0.0006]}
        />
      </group>
    </group>
  )
}
