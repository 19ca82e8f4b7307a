// The look catalogue (spec amendment 1): every look name the project can draw, the component kinds
// each one fits, and the parameters each one takes. Plain data, so that the CLI, the build check,
// the editor (which shows `params` as fields) and the server refuse an unknown look or a bad
// parameter the same way. How each look is drawn lives in src/view/scene/looks/.
import type { ComponentKind } from './schema.ts'

/** One parameter of a look, as the editor shows it and validation checks it. */
export type LookParam =
  | {
      readonly type: 'number'
      readonly min: number
      readonly max: number
      readonly default: number
      /** What the number measures, for the editor's field. */
      readonly unit?: 'm' | 'deg'
    }
  | {
      readonly type: 'integer'
      readonly min: number
      readonly max: number
      readonly default: number
    }
  | { readonly type: 'boolean'; readonly default: boolean }
  | { readonly type: 'choice'; readonly choices: readonly string[]; readonly default: string }
  /** A list of [x, y, z] points in the part's own frame, metres. */
  | { readonly type: 'points'; readonly minItems: number; readonly maxItems: number }
  /** The id of another component of the scenario (an illuminated button's lamp). */
  | { readonly type: 'component' }

export interface LookInfo {
  /** The kinds this look can draw; the first is the one it is made for. */
  readonly kinds: readonly ComponentKind[]
  readonly params: Readonly<Record<string, LookParam>>
  /** Parameters the look cannot be drawn without. */
  readonly required?: readonly string[]
}

/** The form of every look name (spec amendment 1). */
export const LOOK_NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/

const size = (min: number, max: number, value: number): LookParam => ({
  type: 'number',
  min,
  max,
  default: value,
  unit: 'm',
})
const box = (width: number, height: number, depth: number) => ({
  width: size(0.02, 30, width),
  height: size(0.02, 10, height),
  depth: size(0.01, 30, depth),
})
const pipeSize = (value: number) => ({ size: size(0.01, 0.6, value) })

/** Every look, by name. */
export const LOOKS = {
  // panel devices
  'button.emergency-stop': { kinds: ['button', 'switch'], params: {} },
  'button.flush': { kinds: ['button'], params: {} },
  'button.illuminated': { kinds: ['button'], params: { lamp: { type: 'component' } } },
  'lamp.pilot': { kinds: ['lamp'], params: {} },
  'switch.rotary-isolator': {
    kinds: ['switch', 'breaker'],
    params: { enclosure: { type: 'boolean', default: true } },
  },
  'switch.key': { kinds: ['switch', 'selector'], params: {} },
  'selector.legend': { kinds: ['selector', 'switch'], params: {} },
  'selector.lever': { kinds: ['selector', 'switch', 'valve'], params: {} },
  'breaker.mcb': {
    kinds: ['breaker', 'switch'],
    params: { poles: { type: 'integer', min: 1, max: 4, default: 1 } },
  },
  'breaker.mccb': {
    kinds: ['breaker', 'switch'],
    params: { poles: { type: 'integer', min: 2, max: 4, default: 3 } },
  },
  'display.panel-meter': { kinds: ['display', 'gauge'], params: {} },
  'display.seven-segment': {
    kinds: ['display', 'gauge'],
    params: { digits: { type: 'integer', min: 2, max: 8, default: 4 } },
  },
  'display.sight-glass': { kinds: ['display', 'lamp'], params: {} },
  'gauge.bourdon': { kinds: ['gauge'], params: { diameter: size(0.04, 0.4, 0.1) } },
  'static.control-station': {
    kinds: ['static'],
    params: { ...box(0.3, 0.45, 0.15), pedestal: { type: 'boolean', default: false } },
  },
  'static.cabinet': { kinds: ['static'], params: box(0.8, 1.8, 0.4) },
  'door.cabinet': {
    kinds: ['door'],
    params: {
      width: size(0.1, 3, 0.8),
      height: size(0.1, 3, 1.8),
      hinge: { type: 'choice', choices: ['left', 'right'], default: 'left' },
    },
  },

  // process equipment
  'valve.gate': { kinds: ['valve'], params: pipeSize(0.08) },
  'valve.ball': { kinds: ['valve'], params: pipeSize(0.05) },
  'valve.butterfly': { kinds: ['valve'], params: pipeSize(0.15) },
  'valve.drain': { kinds: ['valve'], params: pipeSize(0.025) },
  'valve.needle': { kinds: ['valve'], params: pipeSize(0.015) },
  'valve.safety': { kinds: ['static', 'button', 'valve'], params: pipeSize(0.025) },
  'static.pipe': {
    kinds: ['static'],
    params: {
      points: { type: 'points', minItems: 2, maxItems: 32 },
      size: size(0.01, 0.6, 0.08),
      flanges: { type: 'boolean', default: true },
      tees: { type: 'points', minItems: 0, maxItems: 16 },
    },
    required: ['points'],
  },
  'machine.pump': { kinds: ['machine', 'static'], params: {} },
  'machine.motor': { kinds: ['machine', 'static'], params: {} },
  'machine.compressor': { kinds: ['machine', 'static'], params: {} },
  'machine.fan': { kinds: ['machine', 'static'], params: { diameter: size(0.05, 2, 0.3) } },
  'static.receiver': {
    kinds: ['static'],
    params: { diameter: size(0.1, 3, 0.6), height: size(0.3, 6, 1.6) },
  },
  'static.tank': {
    kinds: ['static'],
    params: { diameter: size(0.1, 6, 0.6), height: size(0.2, 8, 1.5) },
  },
  'static.filter': { kinds: ['static', 'door'], params: {} },
  'static.strainer': { kinds: ['static'], params: {} },

  // machines and installations
  'machine.conveyor': {
    kinds: ['machine', 'static'],
    params: {
      length: size(0.5, 20, 3),
      width: size(0.2, 2, 0.6),
      height: size(0.2, 2, 0.8),
    },
  },
  'door.guard': {
    kinds: ['door'],
    params: { width: size(0.1, 3, 0.5), height: size(0.1, 3, 0.5) },
  },
  'static.inverter': { kinds: ['static', 'machine'], params: box(0.5, 0.6, 0.2) },
  'static.pv-array': {
    kinds: ['static'],
    params: {
      rows: { type: 'integer', min: 1, max: 6, default: 2 },
      columns: { type: 'integer', min: 1, max: 12, default: 4 },
      tilt: { type: 'number', min: 0, max: 60, default: 25, unit: 'deg' },
    },
  },
  'static.car': { kinds: ['static'], params: {} },
  'switch.service-plug': { kinds: ['switch', 'door', 'item'], params: {} },
  'switch.battery-terminal': { kinds: ['switch'], params: {} },
  'static.bogie': { kinds: ['static'], params: {} },
  'static.rail-vehicle': {
    kinds: ['static'],
    params: {
      length: size(1, 25, 4),
      type: { type: 'choice', choices: ['wagon', 'locomotive'], default: 'wagon' },
    },
  },
  'static.track': { kinds: ['static'], params: { length: size(1, 50, 6) } },
  'switch.flag': { kinds: ['switch'], params: {} },
  'switch.hose-coupling': { kinds: ['switch'], params: {} },
  'static.workbench': { kinds: ['static'], params: box(1.5, 0.9, 0.7) },
  'static.wall': { kinds: ['static'], params: box(4, 2.6, 0.1) },
  'static.floor': {
    kinds: ['static'],
    params: { width: size(0.5, 60, 6), depth: size(0.5, 60, 4) },
  },
  'static.ppe-rack': {
    kinds: ['static'],
    params: { width: size(0.2, 2, 0.4), height: size(0.3, 2, 0.7) },
  },
  'static.key-safe': { kinds: ['static'], params: {} },
  'static.trolley': { kinds: ['static'], params: box(0.6, 0.85, 0.45) },

  // PPE and tools
  'item.safety-glasses': { kinds: ['item'], params: {} },
  'item.work-gloves': { kinds: ['item'], params: {} },
  'item.insulating-gloves': { kinds: ['item'], params: {} },
  'item.face-shield': { kinds: ['item'], params: {} },
  'item.ear-defenders': { kinds: ['item'], params: {} },
  'item.helmet': { kinds: ['item'], params: {} },
  'item.hi-vis-vest': { kinds: ['item'], params: {} },
  'item.multimeter': { kinds: ['item', 'display', 'gauge'], params: {} },
  'item.voltage-tester': { kinds: ['item', 'display', 'gauge', 'button'], params: {} },
  'item.radio': { kinds: ['item', 'button'], params: {} },
} as const satisfies Record<string, LookInfo>

export type LookName = keyof typeof LOOKS

/** Every look name, in catalogue order. */
export const LOOK_NAMES = Object.keys(LOOKS) as LookName[]

/** The catalogue entry of `name`, or undefined for a name the catalogue does not know. */
export function getLook(name: string): LookInfo | undefined {
  return Object.hasOwn(LOOKS, name) ? (LOOKS as Record<string, LookInfo>)[name] : undefined
}

/** The looks that can draw a component of `kind`. */
export function getLooksForKind(kind: ComponentKind): LookName[] {
  return LOOK_NAMES.filter((name) => (LOOKS[name].kinds as readonly string[]).includes(kind))
}

/** The value of parameter `key` of a look: the component's own, else the catalogue's default. */
export function getLookParam(
  name: string,
  params: Readonly<Record<string, unknown>> | undefined,
  key: string,
): unknown {
  const own = params !== undefined && Object.hasOwn(params, key) ? params[key] : undefined
  if (own !== undefined) return own
  const look = getLook(name)
  // own keys only: "constructor" is no parameter of any look
  const spec = look !== undefined && Object.hasOwn(look.params, key) ? look.params[key] : undefined
  return spec && 'default' in spec ? spec.default : undefined
}
