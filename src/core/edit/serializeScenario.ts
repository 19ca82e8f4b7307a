// The scenario editor's file writer: spec field order for known objects, everything else kept
// in its order, a stable layout so that saving twice gives the same bytes. Reads nothing else.
import { isJsonObject, type JsonValue } from '../json.ts'
import type { JsonObject } from './applyCommand.ts'

/** How a known object is written: its keys in spec order, and what its fields hold. */
interface ObjectShape {
  readonly keys: readonly string[]
  readonly fields?: { readonly [key: string]: Shape }
}
type Shape = ObjectShape | { readonly list: Shape } | { readonly map: Shape }

const list = (of: Shape): Shape => ({ list: of })
const ActionRef: Shape = { keys: ['action', 'target', 'value'] }
const Effect: Shape = { keys: ['if', 'set'] }

const Competency: Shape = { keys: ['id', 'title', 'framework', 'description'] }
const Component: Shape = {
  keys: [
    'id',
    'kind',
    'label',
    'position',
    'rotation',
    'scale',
    'color',
    'model',
    'states',
    'initial',
    'lockable',
    'taggable',
    'lit',
    'running',
    'value',
    'min',
    'max',
    'unit',
    'decimals',
    'shape',
    'size',
    'on',
  ],
  fields: { on: { map: list(Effect) } },
}
const Variable: Shape = { keys: ['id', 'initial', 'min', 'max', 'unit', 'rate'] }
const Rule: Shape = { keys: ['when', 'set'] }
const Step: Shape = {
  keys: ['id', 'title', 'hint', 'points', 'competencies', 'after', 'critical', 'action', 'state'],
  fields: { competencies: list({ keys: ['id', 'weight'] }), action: ActionRef },
}
const Hazard: Shape = {
  keys: ['id', 'title', 'severity', 'when', 'action', 'penalty', 'competencies'],
  fields: { action: ActionRef },
}
const Judgement: Shape = {
  keys: ['id', 'title', 'points', 'maxMark', 'competencies', 'guide'],
}
const Fault: Shape = { keys: ['id', 'title', 'chance', 'set'] }
const Scoring: Shape = {
  keys: ['passPercent', 'timeLimitSeconds', 'endOnCritical', 'penalties', 'levels'],
  fields: {
    penalties: { keys: ['outOfOrder', 'hint', 'unexpectedAction', 'blocked'] },
    levels: { keys: ['competent', 'proficient'] },
  },
}
const Scene: Shape = {
  keys: ['camera', 'environment', 'model'],
  fields: { camera: { keys: ['position', 'target', 'fov'] } },
}
const Scenario: ObjectShape = {
  keys: [
    '$schema',
    'format',
    'id',
    'version',
    'title',
    'description',
    'locales',
    'industry',
    'estimatedMinutes',
    'tags',
    'competencies',
    'components',
    'variables',
    'rules',
    'steps',
    'hazards',
    'judgements',
    'faults',
    'scoring',
    'simulation',
    'scene',
  ],
  fields: {
    competencies: list(Competency),
    components: list(Component),
    variables: list(Variable),
    rules: list(Rule),
    steps: list(Step),
    hazards: list(Hazard),
    judgements: list(Judgement),
    faults: list(Fault),
    scoring: Scoring,
    simulation: { keys: ['tickMs'] },
    scene: Scene,
  },
}

const WIDTH = 100

/** The value with the keys of known objects in spec order; maps and unknown keys keep theirs. */
function order(value: JsonValue, shape: Shape | undefined): JsonValue {
  if (shape === undefined) return value
  if ('list' in shape) return Array.isArray(value) ? value.map((v) => order(v, shape.list)) : value
  if (!isJsonObject(value)) return value
  if ('map' in shape)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, order(v, shape.map)]))
  const known = shape.keys.filter((k) => Object.hasOwn(value, k))
  const rest = Object.keys(value).filter((k) => !shape.keys.includes(k))
  return Object.fromEntries(
    [...known, ...rest].map((k) => [k, order(value[k]!, shape.fields?.[k])]),
  )
}

/** Writes a value whose first line starts `column` characters into the line. */
function write(value: JsonValue, indent: string, column: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((v) => v === null || typeof v !== 'object')) {
      // short lists of numbers, ids and states read best on one line, as in [x, y, z]
      const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
      if (column + inline.length + 1 <= WIDTH) return inline
    }
    const inner = indent + '  '
    return `[\n${value.map((v) => inner + write(v, inner, inner.length)).join(',\n')}\n${indent}]`
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined)
    if (keys.length === 0) return '{}'
    const inner = indent + '  '
    const lines = keys.map((k) => {
      const head = `${inner}${JSON.stringify(k)}: `
      return head + write(value[k]!, inner, head.length)
    })
    return `{\n${lines.join(',\n')}\n${indent}}`
  }
  return JSON.stringify(value)
}

/**
 * The scenario as a file: keys of known objects in the spec's field order, unknown and `x-` keys
 * after them in their original order, two-space indentation, lists of plain values on one line
 * where they fit in 100 columns, final newline. Serializing what it produced again gives the same
 * text. Pure.
 */
export function serializeScenario(doc: JsonObject): string {
  return `${write(order(doc, Scenario), '', 0)}\n`
}
