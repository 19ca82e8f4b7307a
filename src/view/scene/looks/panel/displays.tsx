// Instruments that show a value: the digital panel meter (a 96 × 48 mm bezel with glowing digits
// and the unit behind a dark window), the red 7-segment display (each segment a piece that lights
// or goes dark in place), and the Bourdon pressure gauge (bezel, glass, a marked dial with its unit,
// a needle). They stand on the face they are mounted on, at z = 0, facing +z, at their real size.
import { useMemo, useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { formatDisplay } from '../../parts/DisplayPart.tsx'
import { getNeedleAngle } from '../../parts/GaugePart.tsx'
import { dialTexture, faceMaterial, geo } from '../../resources.ts'
import { useScreenTexture, type ScreenStyle } from '../../useScreenTexture.ts'
import { numberParam, type LookProps } from '../types.ts'
import { cylinderZ, GLYPHS, latheZ, Letters, PANEL } from './common.tsx'

/** What a display or gauge component says about its value: decimals, unit, range. */
function reading(props: LookProps) {
  const s = props.model.components[props.index]!.source
  return {
    decimals: s.kind === 'display' ? s.decimals : s.kind === 'gauge' ? 1 : undefined,
    unit: s.kind === 'display' || s.kind === 'gauge' ? s.unit : undefined,
    min: s.kind === 'gauge' ? (s.min ?? 0) : 0,
    max: s.kind === 'gauge' ? (s.max ?? 100) : 100,
  }
}

const LED = '#ff3b24'

function drawMeter(ctx: CanvasRenderingContext2D, text: string, unit: string): void {
  ctx.fillStyle = '#120605'
  ctx.fillRect(0, 0, 256, 96)
  ctx.textBaseline = 'middle'
  ctx.shadowColor = LED
  ctx.shadowBlur = 10
  ctx.fillStyle = LED
  ctx.textAlign = 'right'
  ctx.font = 'bold 62px monospace'
  ctx.fillText(text, unit ? 196 : 246, 50, unit ? 186 : 236)
  if (unit) {
    ctx.font = 'bold 26px sans-serif'
    ctx.textAlign = 'left'
    ctx.fillText(unit, 202, 64, 50)
  }
  ctx.shadowBlur = 0
}

/** A digital panel meter: black 96 × 48 mm bezel, a dark window with the value and its unit. */
export function PanelMeter(props: LookProps) {
  const { model, index, store, detail } = props
  const { decimals, unit } = reading(props)
  // one screen per meter, drawn again in place when its text changes
  const style = useMemo(
    (): ScreenStyle => ({
      width: 256,
      height: 96,
      blank: '#120605',
      draw: (ctx, text) => drawMeter(ctx, text, unit ?? ''),
    }),
    [unit],
  )
  const value = selectDerived(model, index)
  const { screen, material } = useScreenTexture(
    store,
    (s) => formatDisplay(value(s), decimals, undefined),
    style,
  )
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        finish="painted"
        position={[0, 0, 0.005]}
        scale={[0.096, 0.048, 0.01]}
      />
      <mesh
        ref={screen}
        name="screen"
        geometry={geo.plane()}
        material={material}
        position={[0, 0.004, 0.0102]}
        scale={[0.08, 0.03, 1]}
      />
      {detail === 'detailed' &&
        [-0.027, -0.009, 0.009, 0.027].map((x) => (
          <Piece
            key={x}
            geometry={geo.box()}
            color="#5b6167"
            finish="rubber"
            position={[x, -0.0165, 0.0105]}
            scale={[0.012, 0.005, 0.0015]}
          />
        ))}
    </group>
  )
}

/** The segments a–g of each character a 7-segment digit can show. */
const SEVEN: Readonly<Record<string, string>> = {
  '0': 'abcdef',
  '1': 'bc',
  '2': 'abdeg',
  '3': 'abcdg',
  '4': 'bcfg',
  '5': 'acdfg',
  '6': 'acdefg',
  '7': 'abc',
  '8': 'abcdefg',
  '9': 'abcdfg',
  '-': 'g',
  A: 'abcefg',
  B: 'cdefg',
  C: 'adef',
  D: 'bcdeg',
  E: 'adefg',
  F: 'aefg',
  H: 'bcefg',
  L: 'def',
  N: 'ceg',
  O: 'cdeg',
  P: 'abefg',
  R: 'eg',
  T: 'defg',
  U: 'bcdef',
  Y: 'bcdfg',
}

/**
 * What each digit of a `digits`-wide display shows for `text`, right-aligned: its segments and
 * whether its decimal point is lit. Text too long for the display shows dashes. Pure.
 */
export function sevenSegmentCells(
  text: string,
  digits: number,
): { segments: string; point: boolean }[] {
  const cells: { segments: string; point: boolean }[] = []
  for (const ch of text.toUpperCase()) {
    if (ch === '.' || ch === ',') {
      const last = cells[cells.length - 1]
      if (last && !last.point) last.point = true
      else cells.push({ segments: '', point: true })
    } else cells.push({ segments: SEVEN[ch] ?? '', point: false })
  }
  if (cells.length > digits)
    return Array.from({ length: digits }, () => ({ segments: 'g', point: false }))
  const blank = Array.from({ length: digits - cells.length }, () => ({
    segments: '',
    point: false,
  }))
  return [...blank, ...cells]
}

const SEG_COLORS = { lit: '#ff1405', dark: '#3a0c08' }
const DIGIT = { height: 0.02, width: 0.0095, pitch: 0.0148, stroke: 0.0019 }

function segmentPlace(s: string): { at: [number, number]; vertical: boolean } {
  const w = DIGIT.width / 2
  const h = DIGIT.height / 2
  switch (s) {
    case 'a':
      return { at: [0, h], vertical: false }
    case 'g':
      return { at: [0, 0], vertical: false }
    case 'd':
      return { at: [0, -h], vertical: false }
    case 'b':
      return { at: [w, h / 2], vertical: true }
    case 'c':
      return { at: [w, -h / 2], vertical: true }
    case 'e':
      return { at: [-w, -h / 2], vertical: true }
    default:
      return { at: [-w, h / 2], vertical: true }
  }
}

/** The unit as bar letters, when every character of it has one (°C, V, bar, kW, rpm). */
function barUnit(unit: string | undefined): string | undefined {
  const u = unit?.toUpperCase()
  return u && [...u].every((ch) => GLYPHS[ch] !== undefined) ? u : undefined
}

/** A red 7-segment LED display of `digits` digits in a black housing, with its unit beside it. */
export function SevenSegment(props: LookProps) {
  const { model, index, store, detail } = props
  const { decimals, unit } = reading(props)
  const digits = Math.max(2, Math.min(8, Math.round(numberParam(props, 'digits'))))
  const segments = useRef<(Mesh | null)[][]>([])
  const group = useRef<Group>(null)
  const value = selectDerived(model, index)
  useSceneEffect(
    store,
    (s) => formatDisplay(value(s), decimals, undefined),
    (text) => {
      group.current!.userData['text'] = text
      sevenSegmentCells(text, digits).forEach((cell, d) => {
        const row = segments.current[d] ?? []
        ;[...'abcdefg.'].forEach((s, k) => {
          const lit = s === '.' ? cell.point : cell.segments.includes(s)
          const piece = row[k]
          if (piece)
            setPieceLook(
              piece,
              lit
                ? { color: SEG_COLORS.lit, finish: 'glow' }
                : { color: SEG_COLORS.dark, finish: 'matte' },
            )
        })
      })
    },
  )
  const label = detail === 'detailed' ? barUnit(unit) : undefined
  const unitWidth = label ? label.length * 0.0055 + 0.004 : 0
  const digitsWidth = digits * DIGIT.pitch
  const width = digitsWidth + unitWidth + 0.012
  const left = -width / 2 + 0.006
  return (
    <group>
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        finish="painted"
        position={[0, 0, 0.006]}
        scale={[width, 0.034, 0.012]}
      />
      <Piece
        geometry={geo.box()}
        color="#1a0605"
        finish="painted"
        position={[0, 0, 0.0122]}
        scale={[width - 0.006, 0.028, 0.0006]}
      />
      <group ref={group} name="digits" position={[0, 0, 0.0128]}>
        {Array.from({ length: digits }, (_, d) => {
          const x = left + DIGIT.pitch * (d + 0.5)
          return (
            <group key={d} position={[x, 0, 0]}>
              {[...'abcdefg'].map((s, k) => {
                const { at, vertical } = segmentPlace(s)
                const long = vertical ? DIGIT.height / 2 - 0.0012 : DIGIT.width - 0.0012
                return (
                  <Piece
                    key={s}
                    ref={(m) => {
                      ;(segments.current[d] ??= [])[k] = m
                    }}
                    geometry={geo.box()}
                    color={SEG_COLORS.dark}
                    position={[at[0], at[1], 0]}
                    scale={vertical ? [DIGIT.stroke, long, 0.0004] : [long, DIGIT.stroke, 0.0004]}
                  />
                )
              })}
              <Piece
                ref={(m) => {
                  ;(segments.current[d] ??= [])[7] = m
                }}
                geometry={geo.box()}
                color={SEG_COLORS.dark}
                position={[DIGIT.width / 2 + 0.0024, -DIGIT.height / 2, 0]}
                scale={[0.002, 0.002, 0.0004]}
              />
            </group>
          )
        })}
      </group>
      {label && (
        <Letters
          text={label}
          size={0.0065}
          color={PANEL.white}
          position={[left + digitsWidth + unitWidth / 2, -0.0065, 0.0128]}
        />
      )}
    </group>
  )
}

function gaugeCase() {
  // for a gauge of diameter 1: the case's back at z = 0, the bezel ring at the front
  return latheZ('bourdon-case', [
    [0, 0],
    [0.49, 0],
    [0.5, 0.02],
    [0.5, 0.25],
    [0.525, 0.26],
    [0.53, 0.29],
    [0.515, 0.32],
    [0.48, 0.325],
    [0.455, 0.305],
    [0.455, 0.26],
    [0, 0.26],
  ])
}

/**
 * A Bourdon tube pressure gauge of `diameter`: stainless case and bezel, a white dial marked from
 * min to max with the unit, a black needle over it, the glass, and the socket below.
 */
export function BourdonGauge(props: LookProps) {
  const { model, index, store, detail } = props
  const { min, max, unit } = reading(props)
  const d = numberParam(props, 'diameter') || 0.1
  const needle = useRef<Group>(null)
  useSceneEffect(store, selectDerived(model, index), (value) => {
    needle.current!.rotation.z = getNeedleAngle(Number(value ?? 0), min, max)
  })
  return (
    <group scale={d}>
      <Piece geometry={gaugeCase()} color={PANEL.chrome} finish="stainless" />
      {/* the dial's own texture: drawn as a mesh of its own */}
      <mesh
        name="dial"
        geometry={geo.plane()}
        material={faceMaterial(dialTexture(min, max, unit ?? ''))}
        scale={0.9}
        position={[0, 0, 0.262]}
      />
      <group ref={needle} name="needle" position={[0, 0, 0.275]}>
        <Piece
          geometry={geo.box()}
          color="#15171a"
          position={[0, 0.15, 0]}
          scale={[0.018, 0.42, 0.006]}
        />
        <Piece
          geometry={geo.box()}
          color="#15171a"
          position={[0, -0.06, 0]}
          scale={[0.035, 0.08, 0.006]}
        />
      </group>
      <Piece
        geometry={cylinderZ(24)}
        color="#15171a"
        position={[0, 0, 0.27]}
        scale={[0.06, 0.06, 0.02]}
      />
      {detail === 'detailed' && (
        <>
          <Piece
            geometry={cylinderZ(24)}
            color="#dfe8ee"
            finish="glass"
            position={[0, 0, 0.3]}
            scale={[0.93, 0.93, 0.01]}
          />
          <Piece
            geometry={cylinderZ(6)}
            color={PANEL.brass}
            finish="stainless"
            rotation={[Math.PI / 2, 0, 0]}
            position={[0, -0.49, 0.13]}
            scale={[0.16, 0.16, 0.12]}
          />
          <Piece
            geometry={cylinderZ(12)}
            color={PANEL.brass}
            finish="stainless"
            rotation={[Math.PI / 2, 0, 0]}
            position={[0, -0.6, 0.13]}
            scale={[0.1, 0.1, 0.1]}
          />
        </>
      )}
    </group>
  )
}
