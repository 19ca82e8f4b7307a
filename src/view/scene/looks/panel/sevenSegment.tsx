// The red 7-segment display: each segment a piece that lights or goes dark in place, in a black
// housing. It stands on the face it is mounted on, at z = 0, facing +z, at its real size.
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { formatDisplay } from '../../parts/DisplayPart.tsx'
import { geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { GLYPHS, Letters, PANEL, readingOf } from './common.tsx'

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
  const { decimals, unit } = readingOf(props)
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
