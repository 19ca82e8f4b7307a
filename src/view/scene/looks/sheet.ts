// The look sheet: one scenario that shows looks of the catalogue side by side, each once per
// state it can show (a valve closed and open, a lamp lit and dark), for the look makers, the
// screenshots and the tests that check every state draws differently. Pure data, no React.
import {
  getLook,
  KINDS,
  LOOK_NAMES,
  SCENARIO_FORMAT,
  type ComponentKind,
  type LookName,
} from '../../../core/index.ts'
import { LOOK_FAMILY, type FamilyName } from './registry.ts'
import type { Detail } from './types.ts'

/** Where a look stands on the sheet: on the floor, or on an upright plate (panel devices). */
type Mount = 'floor' | 'panel'

/**
 * About how big each look is when drawn (its largest extent, metres), how it is mounted, and how
 * far below its origin it reaches (so that it stands on the floor), as measured from the looks.
 */
const SHEET_LOOKS: Readonly<
  Record<LookName, readonly [extent: number, mount: Mount, bottom: number]>
> = {
  'button.emergency-stop': [0.06, 'panel', -0.03],
  'button.flush': [0.03, 'panel', -0.01],
  'button.illuminated': [0.03, 'panel', -0.02],
  'lamp.pilot': [0.03, 'panel', -0.02],
  'switch.rotary-isolator': [0.14, 'panel', -0.09],
  'switch.key': [0.05, 'panel', -0.02],
  'selector.legend': [0.05, 'panel', -0.02],
  'selector.lever': [0.34, 'panel', -0.07],
  'breaker.mcb': [0.09, 'panel', -0.04],
  'breaker.mccb': [0.16, 'panel', -0.08],
  'display.panel-meter': [0.1, 'panel', -0.02],
  'display.seven-segment': [0.08, 'panel', -0.02],
  'display.sight-glass': [0.14, 'floor', -0.06],
  'gauge.bourdon': [0.12, 'panel', -0.07],
  'static.control-station': [0.47, 'floor', -0.25],
  'static.cabinet': [1.9, 'floor', -1],
  'door.cabinet': [1.8, 'floor', -0.9],
  'valve.gate': [0.39, 'floor', -0.09],
  'valve.ball': [0.22, 'floor', -0.06],
  'valve.butterfly': [0.55, 'floor', -0.17],
  'valve.drain': [0.09, 'floor', -0.02],
  'valve.needle': [0.07, 'floor', -0.01],
  'valve.safety': [0.12, 'floor', 0],
  'static.pipe': [0.64, 'floor', -0.09],
  'machine.pump': [1.37, 'floor', 0],
  'machine.motor': [0.71, 'floor', 0],
  'machine.compressor': [1.15, 'floor', 0],
  'machine.fan': [0.37, 'floor', -0.19],
  'static.receiver': [1.68, 'floor', 0],
  'static.tank': [1.95, 'floor', 0],
  'static.filter': [0.27, 'floor', -0.22],
  'static.strainer': [0.38, 'floor', -0.16],
  'machine.conveyor': [3, 'floor', 0],
  'door.guard': [0.59, 'floor', -0.29],
  'static.inverter': [0.65, 'panel', -0.35],
  'static.pv-array': [4.16, 'floor', 0],
  'static.car': [4.29, 'floor', 0],
  'switch.service-plug': [0.35, 'floor', 0],
  'switch.battery-terminal': [0.46, 'floor', 0],
  'static.bogie': [2.78, 'floor', -0.03],
  'static.rail-vehicle': [4.68, 'floor', -0.03],
  'static.track': [6, 'floor', 0],
  'switch.flag': [1.56, 'floor', 0],
  'switch.hose-coupling': [1.5, 'floor', -0.59],
  'static.workbench': [1.5, 'floor', 0],
  'static.wall': [4, 'floor', 0],
  'static.floor': [6, 'floor', -0.15],
  'static.ppe-rack': [0.73, 'panel', -0.38],
  'static.key-safe': [0.21, 'panel', -0.1],
  'static.trolley': [0.86, 'floor', 0],
  'item.safety-glasses': [0.15, 'floor', -0.05],
  'item.work-gloves': [0.29, 'floor', -0.26],
  'item.insulating-gloves': [0.44, 'floor', -0.41],
  'item.face-shield': [0.29, 'floor', -0.27],
  'item.ear-defenders': [0.25, 'floor', -0.2],
  'item.helmet': [0.38, 'floor', -0.13],
  'item.hi-vis-vest': [0.58, 'floor', -0.56],
  'item.multimeter': [0.28, 'floor', -0.26],
  'item.voltage-tester': [0.32, 'floor', -0.3],
  'item.radio': [0.21, 'floor', -0.12],
}

/** Side of one cell of the sheet's grid, metres; every look is scaled to fill most of it. */
const CELL = 1.2
const FILL = 0.62

/** About how big each kind's default part (Simple graphics) is, metres. */
const DEFAULT_PART: Readonly<Record<Exclude<ComponentKind, 'static'>, number>> = {
  button: 0.1,
  switch: 0.16,
  selector: 0.14,
  valve: 0.5,
  breaker: 0.14,
  door: 0.8,
  // a worn item is drawn near the camera at its part's scale: keep it life-size
  item: FILL * CELL,
  lamp: 0.08,
  gauge: 0.2,
  display: 0.24,
  machine: 1,
}

/** Height of a plate's centre. */
const RAISED = 0.5
const FOV = 45

/** One copy of a look in the sheet: the state it shows and the component fields that make it. */
export interface SheetEntry {
  readonly look: LookName
  /** The state shown, as the label says it. */
  readonly state: string
  readonly fields: Readonly<Record<string, unknown>>
}

/** The copies of `look` the sheet shows: one per state of the kind it is made for. Pure. */
export function getSheetEntries(look: LookName): SheetEntry[] {
  const info = getLook(look)!
  const kind = info.kinds[0]! as ComponentKind
  const one = (state: string, fields: Record<string, unknown>): SheetEntry => ({
    look,
    state,
    fields: { kind, ...fields },
  })
  switch (kind) {
    case 'static':
      return [one('static', look === 'static.pipe' ? { params: PIPE } : {})]
    case 'button':
      return [one('ready', {})]
    case 'lamp':
      return [one('lit', { lit: 'true' }), one('dark', { lit: 'false' })]
    case 'gauge':
      return [
        one('low', { value: '1.5', min: 0, max: 10, unit: 'bar' }),
        one('high', { value: '8.5', min: 0, max: 10, unit: 'bar' }),
      ]
    case 'display':
      return [
        one('low', { value: '12.5', unit: 'V', decimals: 1 }),
        one('high', { value: '230', unit: 'V', decimals: 1 }),
      ]
    case 'machine':
      return [one('running', { running: 'true' }), one('stopped', { running: 'false' })]
    case 'item':
      return [one('stored', { initial: 'stored' }), one('worn', { initial: 'worn' })]
    case 'selector':
      return [
        ...SELECTOR.map((s) => one(s, { states: SELECTOR, initial: s })),
        one(LOCKED, { states: SELECTOR, initial: 'off', ...LOCKABLE }),
      ]
    default: {
      const states = KINDS[kind].defaultStates
      const copies = states.map((s) => one(s, { initial: s }))
      // where a learner isolates energy, one more copy carries a padlock and a danger tag
      return KINDS[kind].lockable && kind !== 'door'
        ? [...copies, one(LOCKED, { initial: states[0], ...LOCKABLE })]
        : copies
    }
  }
}

/** The state of the sheet's copy that is locked and tagged (createLookSheet locks it). */
export const LOCKED = 'locked and tagged'
const LOCKABLE = { lockable: true, taggable: true }

const SELECTOR = ['hand', 'off', 'auto']
/** A sample pipe run: along, up and back, with a tee on its first leg. */
const PIPE = {
  points: [
    [-0.45, 0, 0],
    [0.1, 0, 0],
    [0.1, 0.45, 0],
    [0.1, 0.45, -0.35],
  ],
  tees: [[-0.2, 0, 0]],
}

/** The looks a `?sheet=looks` address asks for: `look=a,b`, `family=panel`, or all. Pure. */
export function getSheetLooks(search: string): LookName[] {
  const params = new URLSearchParams(search)
  const named = params.get('look')
  const family = params.get('family')
  return LOOK_NAMES.filter(
    (look) =>
      (named === null || named.split(',').includes(look)) &&
      (family === null || LOOK_FAMILY[look] === (family as FamilyName)),
  )
}

/** The component id of a sheet copy: the look's name and the copy's number. Pure. */
export function getSheetId(look: LookName, copy: number): string {
  return `${look.replace(/[^a-z0-9]+/g, '_')}_${copy}`
}

/** The width over the height of the view a sheet is framed for, unless it is told another. */
export const SHEET_ASPECT = 16 / 9

/**
 * A scenario (spec format) that shows each of `looks` once per state, in a grid on a plain floor,
 * facing a camera that takes in the whole grid in a view of `aspect` (width over height); each
 * copy is labelled "<look> — <state>". Each is scaled to fill its cell as `detail` draws it
 * (Simple draws operated parts as their kinds' default parts). Pure.
 */
export function lookSheetScenario(
  looks: readonly LookName[],
  detail: Detail = 'detailed',
  aspect: number = SHEET_ASPECT,
): Record<string, unknown> {
  const entries = looks.flatMap(getSheetEntries)
  // about 1.6 columns a row, never more columns than copies (a lone copy stands in the middle)
  const columns = Math.max(1, Math.min(entries.length, Math.ceil(Math.sqrt(entries.length * 1.6))))
  const rows = Math.max(1, Math.ceil(entries.length / columns))
  const components: Record<string, unknown>[] = []
  const copies = new Map<LookName, number>()
  entries.forEach((entry, i) => {
    const copy = copies.get(entry.look) ?? 0
    copies.set(entry.look, copy + 1)
    const id = getSheetId(entry.look, copy)
    const kind = entry.fields['kind'] as ComponentKind
    // Simple draws an operated part as its kind's default part, which has a size of its own
    const plain = detail === 'simple' && kind !== 'static' ? DEFAULT_PART[kind] : undefined
    const [extent, mount, bottom] = plain
      ? [plain, SHEET_LOOKS[entry.look][1], -plain / 2]
      : SHEET_LOOKS[entry.look]
    const x = ((i % columns) - (columns - 1) / 2) * CELL
    const z = (Math.floor(i / columns) - (rows - 1) / 2) * CELL
    const scale = round((FILL * CELL) / extent)
    const part = {
      id,
      label: `${entry.look} — ${entry.state}`,
      look: entry.look,
      ...entry.fields,
      scale,
    }
    if (mount === 'panel') {
      // a grey plate stands for the panel face the device is mounted on
      components.push({
        kind: 'static',
        id: `${id}_plate`,
        shape: 'box',
        size: [CELL * 0.8, CELL * 0.8, 0.04],
        color: '#b9bec3',
        // a locked device's padlock and tag hang below it: its plate stands higher
        position: [round(x), entry.state === LOCKED ? RAISED + 0.45 : RAISED, round(z)],
      })
      components.push({ ...part, parent: `${id}_plate`, position: [0, 0, 0.02] })
    } else components.push({ ...part, position: [round(x), round(-bottom * scale), round(z)] })
  })
  const width = columns * CELL
  const depth = rows * CELL
  const elevation = (48 * Math.PI) / 180
  const half = ((FOV / 2) * Math.PI) / 180
  // far enough that the grid fits across a view of `aspect`, and from its front row to its back
  // row (the front row is nearer the camera than the grid's centre, so it spreads wider)
  const across = width / 2 / (Math.tan(half) * aspect) + (depth / 2) * Math.cos(elevation)
  const along = (depth * Math.sin(elevation) + CELL) / 2 / Math.tan(half)
  const distance = Math.max(across, along, 1.5) * 1.05
  const target = [0, RAISED * 0.6, 0]
  return {
    format: SCENARIO_FORMAT,
    id: 'look-sheet',
    version: '1.0.0',
    title: { en: 'Look sheet', 'zh-CN': '外观一览' },
    locales: ['en', 'zh-CN'],
    competencies: [],
    components,
    steps: [{ id: 'look', title: { en: 'Look', 'zh-CN': '查看' }, state: 'true' }],
    scene: {
      environment: 'plain',
      camera: {
        position: [
          0,
          round(target[1]! + distance * Math.sin(elevation)),
          round(distance * Math.cos(elevation)),
        ],
        target,
        fov: FOV,
      },
    },
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000
