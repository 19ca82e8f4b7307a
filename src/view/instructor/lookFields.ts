// A component's look in the editor, as data: the looks offered per kind, the fields generated
// from a look's parameter specs (src/core/looks.ts), and the edits that change a look, one of its
// parameters or a state's name, each one undoable command. Pure: the forms draw what this says.
import {
  getLook,
  getLooksForKind,
  type ComponentKind,
  type EditCommand,
  type JsonValue,
  type LookParam,
} from '../../core/index.ts'

type Obj = Record<string, JsonValue>

/** One field of the look settings: the param's key, its spec, and what it shows when unset. */
export interface ParamField {
  readonly key: string
  readonly spec: LookParam
  /** The default, as the field's placeholder shows it ('' for none). */
  readonly placeholder: string
  /** The look cannot be drawn without it. */
  readonly required: boolean
}

/** The interface key of a look's plain name (editor.looks.valve.gate). */
export const lookNameKey = (look: string) => `editor.looks.${look}`

/** The looks a component of `kind` can have, in catalogue order (none for an unknown kind). */
export function looksFor(kind: unknown): string[] {
  return typeof kind === 'string' ? getLooksForKind(kind as ComponentKind) : []
}

/** The fields of a look's parameters, in the catalogue's order; none for an unknown look. */
export function getParamFields(look: unknown): ParamField[] {
  const info = typeof look === 'string' ? getLook(look) : undefined
  if (info === undefined) return []
  return Object.entries(info.params).map(([key, spec]) => ({
    key,
    spec,
    placeholder: 'default' in spec ? String(spec.default) : '',
    required: info.required?.includes(key) === true,
  }))
}

/**
 * The value a field's text stands for: undefined for an empty field (the default), a number for
 * a number or integer that parses, else the text as typed (which validation then reports).
 */
export function parseParamInput(spec: LookParam, raw: string): JsonValue | undefined {
  if (raw.trim() === '') return undefined
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const n = Number(raw)
      return Number.isFinite(n) ? n : raw
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined
    default:
      return raw
  }
}

/** Whether the param has a value of its own that the field can clear (back to the default). */
export function canClear(field: ParamField, value: JsonValue | undefined): boolean {
  return value !== undefined && !field.required
}

/** A starting value for a param the look cannot be drawn without: a 1 m pipe run along x. */
function starter(spec: LookParam): JsonValue | undefined {
  return spec.type === 'points'
    ? Array.from({ length: Math.max(2, spec.minItems) }, (_, i) => [i, 0, 0])
    : undefined
}

/**
 * The component with look `look` (undefined: none, the kind's plain shape): params the new look
 * does not take are dropped, required ones get a starting value, and fixed equipment drops its
 * plain `shape` (which would be drawn instead of the look) or gets one back without a look. The
 * keys keep their order; `look` and `params` follow `label` (or `kind`). Pure.
 */
export function withLook(component: Obj, look: string | undefined): Obj {
  const info = look === undefined ? undefined : getLook(look)
  const old = component['params']
  const params: Obj = {}
  if (info !== undefined) {
    if (old && typeof old === 'object' && !Array.isArray(old))
      for (const [k, v] of Object.entries(old)) if (Object.hasOwn(info.params, k)) params[k] = v
    for (const key of info.required ?? []) {
      const value = starter(info.params[key]!)
      if (params[key] === undefined && value !== undefined) params[key] = value
    }
  }
  const out: Obj = {}
  const after = Object.hasOwn(component, 'label') ? 'label' : 'kind'
  const put = () => {
    if (look !== undefined) out['look'] = look
    if (Object.keys(params).length > 0) out['params'] = params
  }
  for (const [k, v] of Object.entries(component)) {
    if (k === 'look' || k === 'params') continue
    if (component['kind'] === 'static' && look !== undefined && (k === 'shape' || k === 'size'))
      continue
    out[k] = v
    if (k === after) put()
  }
  if (!Object.hasOwn(out, 'look') && look !== undefined) put()
  if (component['kind'] === 'static' && look === undefined && out['shape'] === undefined) {
    out['shape'] = 'box'
    out['size'] ??= [0.5, 0.5, 0.5]
  }
  return out
}

/** The edit that gives component `index` the look `look` (see withLook), as one command. */
export function lookCommand(component: Obj, index: number, look: string | undefined): EditCommand {
  return { kind: 'set', path: ['components', index], value: withLook(component, look) }
}

function objectOf(value: JsonValue | undefined): Obj {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

/**
 * The edit that sets param `key` of component `index` to `value` (undefined: back to the
 * default); the `params` object is created with the first and removed with the last. `mergeKey`
 * makes typing into one field one undoable step.
 */
export function paramCommand(
  component: Obj,
  index: number,
  key: string,
  value: JsonValue | undefined,
): EditCommand {
  const params = objectOf(component['params'])
  const others = Object.keys(params).filter((k) => k !== key)
  const mergeKey = `components[${index}].params.${key}`
  if (value === undefined && others.length === 0)
    return { kind: 'set', path: ['components', index, 'params'], value: undefined, mergeKey }
  return { kind: 'set', path: ['components', index, 'params', key], value, mergeKey }
}

/** Whether a text (a string or a map of locales) has no words in any locale. */
function isEmptyText(value: JsonValue | undefined): boolean {
  if (value === undefined || value === '') return true
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.values(value).every((v) => v === '' || v === undefined)
  return false
}

/**
 * The edit that names state `state` of component `index` for the learner (an empty text removes
 * the name; the last one removes `stateLabels`).
 */
export function stateLabelCommand(
  component: Obj,
  index: number,
  state: string,
  value: JsonValue | undefined,
): EditCommand {
  const labels = objectOf(component['stateLabels'])
  const mergeKey = `components[${index}].stateLabels.${state}`
  const empty = isEmptyText(value)
  if (empty && Object.keys(labels).every((k) => k === state))
    return { kind: 'set', path: ['components', index, 'stateLabels'], value: undefined, mergeKey }
  return {
    kind: 'set',
    path: ['components', index, 'stateLabels', state],
    value: empty ? undefined : value,
    mergeKey,
  }
}

/** An id for a new view from its title: lower case words joined by '-', not yet used. */
export function proposeViewId(title: string, taken: readonly string[]): string {
  const base =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'view'
  const start = /^[a-z]/.test(base) ? base : `view-${base}`
  if (!taken.includes(start)) return start
  for (let n = 2; ; n++) if (!taken.includes(`${start}-${n}`)) return `${start}-${n}`
}
