// What the panel looks share: their colours, the 22 mm bezel, lathe shapes turned to face the
// viewer, how a state reads as "on" or as a fraction of the way, the marks a legend plate carries,
// and letters built from bars (a 14-segment style), so that legends and marks are instanced pieces
// like every other shape instead of one draw call per text.
import {
  CylinderGeometry,
  ExtrudeGeometry,
  LatheGeometry,
  Shape,
  Vector2,
  type BufferGeometry,
} from 'three'
import { getLocalText, type Model, type Text } from '../../../../core/index.ts'
import { Piece } from '../../Piece.tsx'
import { geo, sharedGeometry, type Finish } from '../../resources.ts'
import type { LookProps } from '../types.ts'

type Triple = readonly [number, number, number]

export const PANEL = {
  /** RAL 7035, the light grey of enclosures and cabinets. */
  enclosure: '#d5d8d4',
  black: '#1d1f21',
  dark: '#2e3236',
  chrome: '#c9ced3',
  red: '#c8102e',
  yellow: '#f5c400',
  green: '#2e9e44',
  white: '#f2f2ee',
  legend: '#f4f4f0',
  /** A DIN rail's zinc plating. */
  zinc: '#aeb4b8',
  copper: '#b87333',
  brass: '#b9933f',
}

/** A shape turned about the z axis (the part's "out of the panel" axis); points are [radius, z]. */
export function latheZ(key: string, profile: readonly (readonly [number, number])[], sides = 32) {
  return sharedGeometry(`panel.lathe|${key}|${sides}`, () => {
    const g = new LatheGeometry(
      profile.map(([r, z]) => new Vector2(r, z)),
      sides,
    )
    // the lathe turns about y with the profile's y as height: make that height +z
    g.rotateX(Math.PI / 2)
    return g
  })
}

/** A cylinder along z, from z = 0 to z = 1, of diameter 1 (scale it to size). */
export function cylinderZ(sides: 6 | 12 | 24 = 24): BufferGeometry {
  return sharedGeometry(`panel.cylinderZ|${sides}`, () => {
    const g = new CylinderGeometry(0.5, 0.5, 1, sides)
    g.rotateX(Math.PI / 2)
    g.translate(0, 0, 0.5)
    return g
  })
}

/** A flat shape extruded along z from 0 to `depth`, shared per key. */
export function extrudeZ(
  key: string,
  outline: readonly (readonly [number, number])[],
  depth: number,
  bevel = 0,
): BufferGeometry {
  return sharedGeometry(`panel.extrude|${key}`, () => {
    const shape = new Shape(outline.map(([x, y]) => new Vector2(x, y)))
    return new ExtrudeGeometry(shape, {
      depth,
      bevelEnabled: bevel > 0,
      bevelSize: bevel,
      bevelThickness: bevel,
      bevelSegments: 2,
      curveSegments: 8,
    })
  })
}

/** The chrome ring of a 22 mm device, standing 6 mm off the panel (outer diameter 29.6 mm). */
export function bezel22(): BufferGeometry {
  return latheZ('bezel22', [
    [0.0118, 0.0005],
    [0.0148, 0],
    [0.0149, 0.0035],
    [0.0142, 0.0055],
    [0.013, 0.006],
    [0.0118, 0.0058],
    [0.0116, 0.002],
  ])
}

export interface BezelProps {
  readonly color?: string
  readonly finish?: Finish
}

/** The 22 mm bezel every push button, lamp and selector sits in. */
export function Bezel22({ color = PANEL.chrome, finish = 'stainless' }: BezelProps) {
  return <Piece geometry={bezel22()} color={color} finish={finish} />
}

/** The component's colour as the scenario gives it, else `fallback`. */
export function partColor(model: Model, index: number, fallback: string): string {
  return model.components[index]!.source.color ?? fallback
}

/** What a display or gauge component says about its value: decimals, unit, range. */
export function readingOf(props: LookProps) {
  const s = props.model.components[props.index]!.source
  return {
    decimals: s.kind === 'display' ? s.decimals : s.kind === 'gauge' ? 1 : undefined,
    unit: s.kind === 'display' || s.kind === 'gauge' ? s.unit : undefined,
    min: s.kind === 'gauge' ? (s.min ?? 0) : 0,
    max: s.kind === 'gauge' ? (s.max ?? 100) : 100,
  }
}

const ON = /^(on|closed|close|1|i|in|run|running|start|engaged|connected|installed|live)$/i
const OFF = /^(off|open|0|o|out|stop|stopped|tripped|trip|disconnected|removed|isolated|dead)$/i

/** Whether a state reads as "on" (closed contacts): by its name, else any state but the first. */
export function isOnState(states: readonly string[], state: string): boolean {
  if (ON.test(state)) return true
  if (OFF.test(state)) return false
  return states.indexOf(state) > 0
}

/** Whether a state is a breaker's "tripped" (its toggle rests in the middle). */
export function isTripped(state: string): boolean {
  return /^trip(ped)?$/i.test(state)
}

/** How far through its states a component is: 0 at the first, 1 at the last. */
export function stateFraction(states: readonly string[], state: string): number {
  const i = Math.max(0, states.indexOf(state))
  return states.length > 1 ? i / (states.length - 1) : 0
}

/**
 * The angles (radians about z, 0 = pointing up, positive = anticlockwise) of a selector's
 * positions, first state to the left: 90° across for two or three positions, wider for more.
 */
export function positionAngles(n: number): number[] {
  const spread = n <= 3 ? Math.PI / 2 : Math.min(Math.PI, ((n - 1) * Math.PI) / 4)
  if (n <= 1) return [0]
  return Array.from({ length: n }, (_, i) => spread / 2 - (spread * i) / (n - 1))
}

/**
 * The mark a legend plate shows for a state: "0" and "I" for off and on; else its name (its label
 * in the scenario's own language, as a plate is printed once) when it fits the plate (6 letters
 * for two positions, 4 for three), else its first letter, else the position's number.
 */
export function stateMark(model: Model, index: number, state: string): string {
  const c = model.components[index]!
  if (/^(off|0|o)$/i.test(state)) return '0'
  if (/^(on|1|i)$/i.test(state)) return 'I'
  const labels = (c.source as { stateLabels?: Readonly<Record<string, Text>> }).stateLabels
  const label = labels?.[state]
  const name = (
    label === undefined ? state : getLocalText(label, model.locales[0]!, model.locales[0]!)
  ).toUpperCase()
  const word = name.replace(/[^A-Z0-9]/g, '')
  const fits = c.states.length <= 2 ? 6 : c.states.length === 3 ? 4 : 1
  if (word.length > 0 && word.length <= fits && word === name) return word
  const letter = word[0]
  return letter ?? String(Math.max(0, c.states.indexOf(state)) + 1)
}

// A cell is 0.6 wide and 1 high; each segment runs from one point to another.
const SEGMENTS = {
  a: [0, 1, 0.6, 1],
  b: [0.6, 1, 0.6, 0.5],
  c: [0.6, 0.5, 0.6, 0],
  d: [0, 0, 0.6, 0],
  e: [0, 0.5, 0, 0],
  f: [0, 1, 0, 0.5],
  g: [0, 0.5, 0.3, 0.5],
  G: [0.3, 0.5, 0.6, 0.5],
  h: [0, 1, 0.3, 0.5],
  i: [0.3, 1, 0.3, 0.5],
  j: [0.6, 1, 0.3, 0.5],
  k: [0.3, 0.5, 0, 0],
  l: [0.3, 0.5, 0.3, 0],
  m: [0.3, 0.5, 0.6, 0],
  // the rounded right side of a D
  p: [0, 1, 0.42, 1],
  q: [0.42, 1, 0.6, 0.78],
  r: [0.6, 0.78, 0.6, 0.22],
  s: [0.6, 0.22, 0.42, 0],
  t: [0, 0, 0.42, 0],
} as const

const DIAGONAL = new Set<string>(['h', 'j', 'k', 'm', 'q', 's'])

type Segment = keyof typeof SEGMENTS

/** The segments of each character a legend can carry. */
export const GLYPHS: Readonly<Record<string, string>> = {
  A: 'abcefgG',
  B: 'abcdilG',
  C: 'adef',
  D: 'efpqrst',
  E: 'adefg',
  F: 'aefg',
  G: 'acdefG',
  H: 'bcefgG',
  I: 'adil',
  J: 'bcde',
  K: 'efgjm',
  L: 'def',
  M: 'bcefhj',
  N: 'bcefhm',
  O: 'abcdef',
  P: 'abefgG',
  Q: 'abcdefm',
  R: 'abefgGm',
  S: 'acdfgG',
  T: 'ail',
  U: 'bcdef',
  V: 'efjk',
  W: 'bcefkm',
  X: 'hjkm',
  Y: 'hjl',
  Z: 'adjk',
  '0': 'abcdef',
  '1': 'bc',
  '2': 'abdegG',
  '3': 'abcdG',
  '4': 'bcfgG',
  '5': 'acdfgG',
  '6': 'acdefgG',
  '7': 'abc',
  '8': 'abcdefgG',
  '9': 'abcdfgG',
  '-': 'gG',
  '/': 'jk',
  '°': 'abfgG',
  '|': 'il',
}

export interface LettersProps {
  readonly text: string
  /** Height of a letter, metres. */
  readonly size: number
  readonly color: string
  readonly finish?: Finish
  /** Where the middle of the text sits. */
  readonly position?: Triple
  /** Turned about z, radians. */
  readonly angle?: number
  readonly name?: string
}

/** Text drawn as bars, centred on `position`; characters it has no glyph for leave a gap. */
export function Letters({
  text,
  size,
  color,
  finish = 'matte',
  position = [0, 0, 0],
  angle = 0,
  name,
}: LettersProps) {
  const pitch = 0.85 * size
  const stroke = 0.14 * size
  const width = pitch * text.length - 0.25 * size
  const pieces: { key: string; at: Triple; turn: number; length: number }[] = []
  ;[...text].forEach((ch, n) => {
    // the bar "I" and the mark "|" draw one stroke only: no serifs
    const glyph = ch === 'I' && text.length === 1 ? 'il' : (GLYPHS[ch] ?? '')
    for (const s of glyph as Iterable<Segment>) {
      const [x1, y1, x2, y2] = SEGMENTS[s]
      const dx = (x2 - x1) * size
      const dy = (y2 - y1) * size
      pieces.push({
        key: `${n}${s}`,
        at: [-width / 2 + n * pitch + ((x1 + x2) / 2) * size, ((y1 + y2) / 2 - 0.5) * size, 0],
        turn: Math.atan2(dy, dx),
        length: Math.hypot(dx, dy) + (DIAGONAL.has(s) ? 0 : stroke),
      })
    }
  })
  return (
    <group name={name ?? ''} position={position} rotation={[0, 0, angle]}>
      {pieces.map((p) => (
        <Piece
          key={p.key}
          geometry={geo.box()}
          color={color}
          finish={finish}
          position={p.at}
          rotation={[0, 0, p.turn]}
          scale={[p.length, stroke, stroke * 0.4]}
        />
      ))}
    </group>
  )
}
