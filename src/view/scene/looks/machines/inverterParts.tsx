// The string inverter's sub-assemblies (Solar.tsx draws them): the housing on its heat sink, the
// display, LEDs and isolator on the front, and the detailed labels, glands and connectors.
import type { RefObject } from 'react'
import type { Mesh } from 'three'
import { Piece } from '../../Piece.tsx'
import { FACING } from '../../parts/types.ts'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { finishFor, lathe, mergedBoxes } from './common.ts'

type Box = [[number, number, number], [number, number, number]]

export const LED_OFF = '#3a3f44'
export const SCREEN_OFF = '#151a1e'
export interface InverterSize {
  width: number
  height: number
  /** The depth of the heat sink behind the housing. */
  sink: number
  bodyDepth: number
  /** The z of the front cover's face. */
  front: number
}

/** The wall bracket, the finned heat sink, the housing and its front cover with the dark band. */
export function InverterHousing({
  size,
  cover,
  detail,
}: {
  size: InverterSize
  cover: string
  detail: LookProps['detail']
}) {
  const { width, height, sink, bodyDepth, front } = size
  const painted = finishFor(detail, 'painted')
  const fins = mergedBoxes(`inverter-fins:${width}:${height}:${sink}`, () => {
    const boxes: Box[] = []
    const n = Math.max(4, Math.round(width / 0.025))
    for (let k = 0; k <= n; k++)
      boxes.push([
        [-width / 2 + 0.01 + (k * (width - 0.02)) / n, 0, sink / 2],
        [0.004, height * 0.92, sink],
      ])
    boxes.push([
      [0, 0, 0.006],
      [width - 0.02, height * 0.92, 0.012],
    ])
    return boxes
  })
  return (
    <>
      {/* wall bracket and the finned heat sink behind the housing */}
      <Piece
        geometry={geo.box()}
        color="#50575e"
        finish={painted}
        scale={[width * 0.7, height * 0.75, 0.008]}
        position={[0, 0, 0.004]}
      />
      <Piece geometry={fins} color="#9aa1a8" finish={finishFor(detail, 'stainless')} />
      {/* housing and front cover with a dark lower band */}
      <Piece
        geometry={geo.box()}
        color={cover}
        finish={painted}
        scale={[width, height, bodyDepth - 0.015]}
        position={[0, 0, sink + (bodyDepth - 0.015) / 2]}
      />
      <Piece
        geometry={geo.box()}
        color={cover}
        finish={painted}
        scale={[width - 0.03, height - 0.03, 0.016]}
        position={[0, 0, front - 0.008]}
      />
      <Piece
        geometry={geo.box()}
        color="#3c4247"
        finish={painted}
        scale={[width - 0.028, height * 0.16, 0.017]}
        position={[0, -height * 0.34, front - 0.008]}
      />
    </>
  )
}

/** The display window, the status LEDs and the DC isolator's rotary switch. */
export function InverterControls({
  size,
  detail,
  screen,
  ledRun,
}: {
  size: InverterSize
  detail: LookProps['detail']
  screen: RefObject<Mesh | null>
  ledRun: RefObject<Mesh | null>
}) {
  const { width, height, front } = size
  const painted = finishFor(detail, 'painted')
  return (
    <>
      {/* display window and LEDs */}
      <Piece
        geometry={geo.box()}
        color="#23292e"
        finish={painted}
        scale={[width * 0.36, height * 0.15, 0.004]}
        position={[0, height * 0.22, front + 0.001]}
      />
      <Piece
        ref={screen}
        name="screen-off"
        geometry={geo.box()}
        color={SCREEN_OFF}
        scale={[width * 0.3, height * 0.1, 0.004]}
        position={[0, height * 0.22, front + 0.003]}
      />
      <Piece
        ref={ledRun}
        name="led-run"
        geometry={geo.cylinderLow()}
        color={LED_OFF}
        finish={painted}
        rotation={FACING}
        scale={[0.014, 0.008, 0.014]}
        position={[-0.035, height * 0.08, front + 0.004]}
      />
      {['#5a4a20', '#5a2020'].map((off, k) => (
        <Piece
          key={off}
          geometry={geo.cylinderLow()}
          color={off}
          finish={painted}
          rotation={FACING}
          scale={[0.014, 0.008, 0.014]}
          position={[k * 0.035, height * 0.08, front + 0.004]}
        />
      ))}
      {/* DC isolator: a rotary switch on the lower band */}
      <Piece
        geometry={geo.cylinder()}
        color="#1d2024"
        finish={painted}
        rotation={FACING}
        scale={[0.075, 0.02, 0.075]}
        position={[width * 0.3, -height * 0.34, front + 0.01]}
      />
      <Piece
        geometry={geo.box()}
        color="#1d2024"
        finish={painted}
        scale={[0.018, 0.075, 0.03]}
        position={[width * 0.3, -height * 0.34, front + 0.03]}
      />
    </>
  )
}

/** The isolator's label, the brand band and the cable glands and DC connectors underneath. */
export function InverterDetails({
  size,
  detail,
}: {
  size: InverterSize
  detail: LookProps['detail']
}) {
  const { width, height, sink, bodyDepth, front } = size
  const painted = finishFor(detail, 'painted')
  const gland = lathe(
    'inverter-gland',
    [
      [0, 0],
      [0.014, 0],
      [0.014, 0.012],
      [0.011, 0.014],
      [0.011, 0.026],
      [0.006, 0.03],
      [0, 0.03],
    ],
    8,
  )
  return (
    <>
      <Piece
        geometry={geo.box()}
        color="#f2c200"
        finish={painted}
        scale={[0.11, 0.028, 0.002]}
        position={[width * 0.3, -height * 0.34 + 0.06, front + 0.002]}
      />
      {/* brand band on the cover */}
      <Piece
        geometry={geo.box()}
        color="#c62828"
        finish={painted}
        scale={[width * 0.5, 0.012, 0.002]}
        position={[0, height * 0.4, front + 0.001]}
      />
      {/* cable glands (AC, communication) and DC connector pairs underneath */}
      {[-0.38, -0.26, -0.14].map((f) => (
        <Piece
          key={f}
          geometry={gland}
          color="#2a2d30"
          finish={finishFor(detail, 'rubber')}
          rotation={[Math.PI, 0, 0]}
          position={[f * width, -height / 2, sink + bodyDepth / 2]}
        />
      ))}
      {[0.05, 0.12, 0.22, 0.29].map((f, k) => (
        <Piece
          key={f}
          geometry={geo.cylinderLow()}
          color={k % 2 ? '#1f2326' : '#2c3034'}
          finish={finishFor(detail, 'rubber')}
          scale={[0.02, 0.05, 0.02]}
          position={[f * width, -height / 2 - 0.025, sink + bodyDepth / 2]}
        />
      ))}
    </>
  )
}
