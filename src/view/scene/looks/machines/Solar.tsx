// Photovoltaic installation: a wall-mounted string inverter and an array of modules on a tilted
// ground rack.
import { useRef } from 'react'
import type { Mesh } from 'three'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { finishFor, mergedBoxes } from './common.ts'
import {
  InverterControls,
  InverterDetails,
  InverterHousing,
  LED_OFF,
  SCREEN_OFF,
  type InverterSize,
} from './inverterParts.tsx'
import { useRunning } from './running.ts'

type Box = [[number, number, number], [number, number, number]]

const SCREEN_ON = '#1f7fb0'

/**
 * A string inverter on its wall bracket: a finned heat sink behind a light front cover with a
 * display window and status LEDs, the DC isolator below, cable glands and DC connectors
 * underneath. Origin at the centre of its back face on the wall, front towards +z. As a machine,
 * its display and green LED light while it runs.
 */
export function InverterLook(props: LookProps) {
  const { detail } = props
  const c = props.model.components[props.index]!
  const width = numberParam(props, 'width')
  const height = numberParam(props, 'height')
  const depth = numberParam(props, 'depth')
  const cover = c.source.color ?? '#eceff1'
  const screen = useRef<Mesh>(null)
  const ledRun = useRef<Mesh>(null)
  useRunning(props, (on) => {
    screen.current!.name = on ? 'screen-on' : 'screen-off'
    setPieceLook(
      screen.current!,
      on ? { color: SCREEN_ON, finish: 'glow' } : { color: SCREEN_OFF, finish: 'painted' },
    )
    setPieceLook(
      ledRun.current!,
      on ? { color: '#17b13a', finish: 'glow' } : { color: LED_OFF, finish: 'painted' },
    )
  })
  const sink = Math.min(0.08, depth * 0.4)
  const bodyDepth = depth - sink
  const size: InverterSize = { width, height, sink, bodyDepth, front: sink + bodyDepth }
  return (
    <group>
      <InverterHousing size={size} cover={cover} detail={detail} />
      <InverterControls size={size} detail={detail} screen={screen} ledRun={ledRun} />
      {detail === 'detailed' && <InverterDetails size={size} detail={detail} />}
    </group>
  )
}

const MODULE_W = 1.0
const MODULE_H = 1.7
const GAP = 0.02
const CELL = '#142238'
const FRAME = '#c3c8cc'

/**
 * PV modules in portrait, `rows` up the slope and `columns` across, on a rack tilted `tilt`
 * degrees towards the viewer (+z): blue-black cells in silver frames on rails, rafters and legs
 * with ballast blocks. Origin at the centre of the footprint on the ground.
 */
export function PvArrayLook(props: LookProps) {
  const { detail } = props
  const rows = Math.round(numberParam(props, 'rows'))
  const columns = Math.round(numberParam(props, 'columns'))
  const tilt = (numberParam(props, 'tilt') * Math.PI) / 180
  const slope = rows * MODULE_H + (rows - 1) * GAP
  const span = columns * MODULE_W + (columns - 1) * GAP
  const low = 0.45
  const front = (slope * Math.cos(tilt)) / 2
  const rafters = Array.from(
    { length: Math.max(2, Math.ceil(span / 2.2) + 1) },
    (_, k) => -span / 2 + 0.25 + (k * (span - 0.5)) / Math.max(1, Math.ceil(span / 2.2)),
  )
  /** The world place of a point on the tilted plane (x, height above it, metres up the slope). */
  const onSlope = (up: number, above: number): [number, number] => [
    low + up * Math.sin(tilt) + above * Math.cos(tilt),
    front - up * Math.cos(tilt) + above * Math.sin(tilt),
  ]
  const rails = Array.from({ length: rows }, (_, r) => r * (MODULE_H + GAP)).flatMap((r) => [
    r + MODULE_H * 0.22,
    r + MODULE_H * 0.78,
  ])
  const legs = [0.15, slope - 0.15]
  return (
    <group>
      {/* modules on the tilted plane */}
      <PvPlane
        detail={detail}
        rows={rows}
        columns={columns}
        tilt={tilt}
        span={span}
        slope={slope}
        low={low}
        front={front}
        rails={rails}
        rafters={rafters}
      />
      <PvLegs detail={detail} rafters={rafters} legs={legs} onSlope={onSlope} />
    </group>
  )
}

/** A module's frame and (detailed) the cell grid, shared by all modules. */
function pvModuleGeometry() {
  const frame = mergedBoxes('pv-frame', () => [
    [
      [0, 0, -0.02],
      [MODULE_W, 0.035, 0.04],
    ],
    [
      [0, 0, -MODULE_H + 0.02],
      [MODULE_W, 0.035, 0.04],
    ],
    [
      [-MODULE_W / 2 + 0.02, 0, -MODULE_H / 2],
      [0.04, 0.035, MODULE_H],
    ],
    [
      [MODULE_W / 2 - 0.02, 0, -MODULE_H / 2],
      [0.04, 0.035, MODULE_H],
    ],
  ])
  // the white lines between the cells (6 × 10) and the thin busbars down each cell column
  const grid = mergedBoxes('pv-grid', () => {
    const boxes: Box[] = []
    const w = MODULE_W - 0.08
    const h = MODULE_H - 0.08
    for (let k = 1; k < 6; k++)
      boxes.push([
        [-w / 2 + (k * w) / 6, 0, -MODULE_H / 2],
        [0.006, 0.002, h],
      ])
    for (let k = 1; k < 10; k++)
      boxes.push([
        [0, 0, -0.04 - (k * h) / 10],
        [w, 0.002, 0.006],
      ])
    for (let k = 0; k < 6; k++)
      for (const b of [-1, 1])
        boxes.push([
          [-w / 2 + ((k + 0.5) * w) / 6 + (b * w) / 24, 0, -MODULE_H / 2],
          [0.002, 0.002, h],
        ])
    return boxes
  })
  return { frame, grid }
}

/** The modules on the tilted plane, with the rails across under each row and the rafters. */
function PvPlane({
  detail,
  rows,
  columns,
  tilt,
  span,
  slope,
  low,
  front,
  rails,
  rafters,
}: {
  detail: LookProps['detail']
  rows: number
  columns: number
  tilt: number
  span: number
  slope: number
  low: number
  front: number
  rails: number[]
  rafters: number[]
}) {
  const steel = finishFor(detail, 'stainless')
  const { frame, grid } = pvModuleGeometry()
  return (
    <group position={[0, low, front]} rotation={[tilt, 0, 0]}>
      {Array.from({ length: rows * columns }, (_, k) => {
        const col = k % columns
        const row = Math.floor(k / columns)
        const x = -span / 2 + MODULE_W / 2 + col * (MODULE_W + GAP)
        const z = -row * (MODULE_H + GAP)
        return (
          <group key={k} position={[x, 0, z]}>
            <Piece geometry={frame} color={FRAME} finish={steel} />
            <Piece
              geometry={geo.box()}
              color={CELL}
              finish={detail === 'detailed' ? 'stainless' : 'matte'}
              scale={[MODULE_W - 0.06, 0.03, MODULE_H - 0.06]}
              position={[0, -0.002, -MODULE_H / 2]}
            />
            {detail === 'detailed' && (
              <Piece geometry={grid} color="#c9d3df" position={[0, 0.0135, 0]} />
            )}
          </group>
        )
      })}
      {/* rails across under each row, rafters up the slope */}
      {rails.map((up) => (
        <Piece
          key={up}
          geometry={geo.box()}
          color={FRAME}
          finish={steel}
          scale={[span + 0.1, 0.04, 0.04]}
          position={[0, -0.04, -up]}
        />
      ))}
      {rafters.map((x) => (
        <Piece
          key={x}
          geometry={geo.box()}
          color={FRAME}
          finish={steel}
          scale={[0.05, 0.06, slope]}
          position={[x, -0.09, -slope / 2]}
        />
      ))}
    </group>
  )
}

/** The legs down to ballast blocks under each rafter, with a diagonal brace. */
function PvLegs({
  detail,
  rafters,
  legs,
  onSlope,
}: {
  detail: LookProps['detail']
  rafters: number[]
  legs: number[]
  onSlope: (up: number, above: number) => [number, number]
}) {
  const painted = finishFor(detail, 'painted')
  const steel = finishFor(detail, 'stainless')
  return (
    <>
      {/* legs down to ballast blocks, with a diagonal brace */}
      {rafters.map((x) => (
        <group key={x} position={[x, 0, 0]}>
          {legs.map((up) => {
            const [y, z] = onSlope(up, -0.12)
            return (
              <group key={up}>
                <Piece
                  geometry={geo.box()}
                  color={FRAME}
                  finish={steel}
                  scale={[0.05, y, 0.05]}
                  position={[0, y / 2, z]}
                />
                <Piece
                  geometry={geo.box()}
                  color="#9e9e98"
                  finish={painted}
                  scale={[0.3, 0.12, 0.4]}
                  position={[0, 0.06, z]}
                />
              </group>
            )
          })}
          {detail === 'detailed' &&
            (() => {
              const [, z0] = onSlope(legs[0]!, -0.12)
              const [y1, z1] = onSlope(legs[1]!, -0.12)
              const a = [z0, 0.15] as const
              const b = [z1, y1 - 0.05] as const
              const length = Math.hypot(b[0] - a[0], b[1] - a[1])
              return (
                <Piece
                  geometry={geo.box()}
                  color={FRAME}
                  finish={steel}
                  scale={[0.03, length, 0.03]}
                  position={[0.03, (a[1] + b[1]) / 2, (a[0] + b[0]) / 2]}
                  rotation={[Math.atan2(b[0] - a[0], b[1] - a[1]), 0, 0]}
                />
              )
            })()}
        </group>
      ))}
    </>
  )
}
