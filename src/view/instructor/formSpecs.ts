// What the properties panel shows for each kind of element, as data: a list of fields with the
// JSON key each edits and the choices it offers, derived from the document being edited.
import {
  COMPONENT_KINDS,
  getActions,
  getKindInfo,
  getStates,
  Severity,
  usedIds,
  type Collection,
  type Component,
  type JsonObject,
  type JsonValue,
} from '../../core/index.ts'
import { looksFor } from './lookFields.ts'

export type FieldSpec =
  | { readonly type: 'id'; readonly key: 'id' }
  | {
      readonly type: 'string' | 'number' | 'boolean'
      readonly key: string
      readonly required?: boolean
    }
  | { readonly type: 'text'; readonly key: string; readonly multiline?: boolean }
  | { readonly type: 'expr'; readonly key: string; readonly required?: boolean }
  | {
      readonly type: 'select'
      readonly key: string
      readonly options: readonly string[]
      readonly optional?: boolean
    }
  | { readonly type: 'vec3'; readonly key: string }
  | { readonly type: 'list'; readonly key: string; readonly required?: boolean }
  | {
      readonly type: 'choices'
      readonly key: string
      readonly options: readonly string[]
      readonly weighted?: boolean
    }
  | { readonly type: 'setmap'; readonly key: string }
  | { readonly type: 'action'; readonly key: string }
  | { readonly type: 'effects'; readonly key: 'on' }
  | { readonly type: 'look'; readonly key: 'look' }
  | { readonly type: 'params'; readonly key: 'params' }
  | { readonly type: 'parent'; readonly key: 'parent' }
  | {
      readonly type: 'stateLabels'
      readonly key: 'stateLabels'
      readonly states: readonly string[]
    }

type Obj = Record<string, JsonValue>

export function ids(doc: JsonObject, collection: Collection): string[] {
  const list = doc[collection]
  return Array.isArray(list)
    ? list.flatMap((el) =>
        el && typeof el === 'object' && !Array.isArray(el) && typeof el['id'] === 'string'
          ? [el['id']]
          : [],
      )
    : []
}

/** The fields of a component of the given kind, read off the kinds table. Pure. */
export function componentFields(component: Obj): FieldSpec[] {
  const kind = component['kind']
  const info = getKindInfo(kind)
  const fields: FieldSpec[] = [
    { type: 'id', key: 'id' },
    { type: 'select', key: 'kind', options: COMPONENT_KINDS },
    { type: 'text', key: 'label' },
  ]
  // a look and its settings, where the kind has looks (spec amendment 1)
  if (info !== undefined && looksFor(kind).length > 0)
    fields.push({ type: 'look', key: 'look' }, { type: 'params', key: 'params' })
  fields.push(
    { type: 'parent', key: 'parent' },
    { type: 'vec3', key: 'position' },
    { type: 'vec3', key: 'rotation' },
    { type: 'string', key: 'color' },
    { type: 'string', key: 'model' },
  )
  if (info === undefined) return fields
  if (info.states === 'required' || info.states === 'optional')
    fields.push({ type: 'list', key: 'states', required: info.states === 'required' })
  if (info.value === 'state') {
    const states = getStates(component as unknown as Component)
    fields.push({ type: 'select', key: 'initial', options: states, optional: true })
    fields.push({ type: 'stateLabels', key: 'stateLabels', states })
  }
  if (info.lockable)
    fields.push({ type: 'boolean', key: 'lockable' }, { type: 'boolean', key: 'taggable' })
  if (info.expression !== undefined)
    fields.push({ type: 'expr', key: info.expression, required: true })
  if (kind === 'gauge')
    fields.push(
      { type: 'number', key: 'min' },
      { type: 'number', key: 'max' },
      { type: 'string', key: 'unit' },
    )
  if (kind === 'display')
    fields.push({ type: 'string', key: 'unit' }, { type: 'number', key: 'decimals' })
  if (kind === 'static')
    fields.push(
      { type: 'select', key: 'shape', options: ['box', 'cylinder', 'sphere'], optional: true },
      { type: 'vec3', key: 'size' },
    )
  if (info.interactive) fields.push({ type: 'effects', key: 'on' })
  return fields
}

/** The fields of an element of a collection other than components. Pure. */
export function elementFields(doc: JsonObject, collection: Collection, element: Obj): FieldSpec[] {
  const competencies = ids(doc, 'competencies')
  switch (collection) {
    case 'variables':
      return [
        { type: 'id', key: 'id' },
        { type: 'number', key: 'initial', required: true },
        { type: 'number', key: 'min' },
        { type: 'number', key: 'max' },
        { type: 'string', key: 'unit' },
        { type: 'expr', key: 'rate' },
      ]
    case 'steps':
      return [
        { type: 'id', key: 'id' },
        { type: 'text', key: 'title' },
        { type: 'text', key: 'hint', multiline: true },
        { type: 'number', key: 'points' },
        { type: 'boolean', key: 'critical' },
        {
          type: 'choices',
          key: 'after',
          options: ids(doc, 'steps').filter((s) => s !== element['id']),
        },
        { type: 'choices', key: 'competencies', options: competencies, weighted: true },
        element['state'] === undefined
          ? { type: 'action', key: 'action' }
          : { type: 'expr', key: 'state', required: true },
      ]
    case 'hazards':
      return [
        { type: 'id', key: 'id' },
        { type: 'text', key: 'title' },
        { type: 'select', key: 'severity', options: Severity.options },
        element['action'] === undefined
          ? { type: 'expr', key: 'when', required: true }
          : { type: 'action', key: 'action' },
        { type: 'number', key: 'penalty' },
        { type: 'choices', key: 'competencies', options: competencies },
      ]
    case 'judgements':
      return [
        { type: 'id', key: 'id' },
        { type: 'text', key: 'title' },
        { type: 'number', key: 'points', required: true },
        { type: 'number', key: 'maxMark' },
        { type: 'choices', key: 'competencies', options: competencies },
        { type: 'text', key: 'guide', multiline: true },
      ]
    case 'faults':
      return [
        { type: 'id', key: 'id' },
        { type: 'text', key: 'title' },
        { type: 'number', key: 'chance', required: true },
        { type: 'setmap', key: 'set' },
      ]
    case 'competencies':
      return [
        { type: 'id', key: 'id' },
        { type: 'text', key: 'title' },
        { type: 'string', key: 'framework' },
        { type: 'text', key: 'description', multiline: true },
      ]
    case 'components':
      return componentFields(element)
  }
}

/** The learner actions of a component in the document, for step and hazard actions. Pure. */
export function actionsOf(component: Obj | undefined): {
  actions: readonly string[]
  states: readonly string[]
} {
  if (!component) return { actions: [], states: [] }
  const c = component as unknown as Component
  return { actions: getActions(c), states: getStates(c) }
}

/** A new element of a collection, with an id not yet used. Pure. */
export function newElement(
  doc: JsonObject,
  collection: Collection | `component:${string}`,
  locales: readonly string[],
): Obj {
  const used = usedIds(doc)
  const fresh = (base: string, sep = '_') => {
    for (let n = 1; ; n++) if (!used.has(`${base}${sep}${n}`)) return `${base}${sep}${n}`
  }
  const text = (en: string): JsonValue =>
    locales.length > 1 ? Object.fromEntries(locales.map((l) => [l, en])) : en
  if (collection.startsWith('component:')) {
    const kind = collection.slice('component:'.length)
    const base: Obj = { id: fresh(kind), kind, label: text(kind), position: [0, 1, 0] }
    if (kind === 'selector') base['states'] = ['a', 'b', 'c']
    if (kind === 'lamp') base['lit'] = 'true'
    if (kind === 'machine') base['running'] = 'false'
    if (kind === 'gauge' || kind === 'display') base['value'] = '0'
    if (kind === 'static') {
      delete base['label']
      base['shape'] = 'box'
      base['size'] = [0.5, 0.5, 0.5]
    }
    return base
  }
  switch (collection) {
    case 'variables':
      return { id: fresh('var'), initial: 0 }
    case 'steps':
      return { id: fresh('step', '-'), title: text('New step'), state: 'true' }
    case 'hazards':
      return {
        id: fresh('hazard', '-'),
        title: text('New hazard'),
        severity: 'major',
        when: 'false',
      }
    case 'judgements':
      return { id: fresh('judgement', '-'), title: text('New judgement'), points: 3 }
    case 'faults':
      return { id: fresh('fault'), title: text('New fault'), chance: 0.2, set: {} }
    case 'competencies':
      return { id: fresh('COMP', '.'), title: text('New competency') }
    default:
      return { id: fresh('component'), kind: 'button', label: text('Button') }
  }
}
