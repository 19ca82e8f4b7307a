// The editor's words for what the scenario format names by keys: fields, sections, the choices of
// a select, and the places that refer to an element (the warning before a delete), in the
// interface language (the "editor" texts), so that no raw key such as `position` is shown.
import type { Collection, JsonObject, JsonValue, Reference } from '../../core/index.ts'
import type { Translate } from '../i18n/translator.ts'

type Obj = Record<string, JsonValue>

/** The name of an element's field, as its form labels it. */
export function fieldLabel(t: Translate, collection: Collection | 'rules', key: string): string {
  // a variable's `initial` is a number, a component's a state
  const name = collection === 'variables' && key === 'initial' ? 'initialValue' : key
  return t(`editor.fields.${name}`, { defaultValue: key })
}

/** The one-line help under an element's field, in plain words. */
export function fieldHelp(t: Translate, collection: Collection | 'rules', key: string): string {
  const name = collection === 'variables' && key === 'initial' ? 'initialValue' : key
  return t(`editor.help.${name}`, { defaultValue: '' })
}

/** The key of one of the scenario's own settings in the editor's texts, by its path. */
function scenarioKey(path: readonly string[]): string {
  const last = path[path.length - 1]!
  return path[1] === 'camera' ? `camera${last[0]!.toUpperCase()}${last.slice(1)}` : last
}

/** The name of one of the scenario's own settings, by the last key of its path. */
export function scenarioFieldLabel(t: Translate, path: readonly string[]): string {
  return t(`editor.scenarioFields.${scenarioKey(path)}`, { defaultValue: path.join(' › ') })
}

/** The one-line help under one of the scenario's own settings. */
export function scenarioFieldHelp(t: Translate, path: readonly string[]): string {
  return t(`editor.scenarioHelp.${scenarioKey(path)}`, { defaultValue: '' })
}

type Doc = { readonly [key: string]: JsonValue }

/** A component of the draft by its id. */
function componentOf(doc: Doc, id: string): Obj | undefined {
  const list = doc['components']
  return Array.isArray(list)
    ? (list.find((c) => c && typeof c === 'object' && !Array.isArray(c) && c['id'] === id) as
        Obj | undefined)
    : undefined
}

/** A scenario text (a plain string or one per language) in `language`, else the default's. */
export function localText(doc: Doc, value: JsonValue | undefined, language: string): string {
  if (typeof value === 'string') return value
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ''
  const locales = Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en']
  const own = value[language] ?? value[language.split('-')[0]!] ?? value[locales[0] ?? 'en']
  return typeof own === 'string' ? own : ''
}

/** A part of the draft as the instructor knows it: its label, else its id. */
export function partName(doc: Doc, id: string, language: string): string {
  const c = componentOf(doc, id)
  return (c && localText(doc, c['label'], language)) || id
}

/** An element of a list (a step, a hazard) as the instructor knows it: its title, else its id. */
export function elementTitle(doc: Doc, collection: string, id: string, language: string): string {
  const list = doc[collection]
  const el = Array.isArray(list)
    ? list.find((e) => e && typeof e === 'object' && !Array.isArray(e) && e['id'] === id)
    : undefined
  const title = el && typeof el === 'object' && !Array.isArray(el) ? el['title'] : undefined
  return localText(doc, title, language) || id
}

/**
 * A state of a part in words: the scenario's own name for it (`stateLabels`), else the app's name
 * of a common state ("off" → "分闸"), else the state itself.
 */
export function stateWords(
  t: Translate,
  doc: Doc,
  id: string,
  state: string,
  language: string,
): string {
  const labels = componentOf(doc, id)?.['stateLabels']
  const own =
    labels && typeof labels === 'object' && !Array.isArray(labels)
      ? localText(doc, labels[state], language)
      : ''
  return own || t(`state.${state}`, { defaultValue: state })
}

/** The name of a section of the outline (a collection, or the rules). */
export function sectionName(t: Translate, collection: Collection | 'rules'): string {
  return t(`editor.sections.${collection}`, { defaultValue: collection })
}

/** The groups of the interface texts that name the choices of a select field, by its key. */
const CHOICE_WORDS: Readonly<Record<string, string>> = {
  kind: 'editor.kinds',
  severity: 'editor.severity',
  shape: 'editor.shapes',
  environment: 'editor.environments',
}

/** How a select field shows each of its choices: in plain words where it has them. */
export function choiceWords(t: Translate, key: string): (option: string) => string {
  const group = CHOICE_WORDS[key]
  return group === undefined
    ? (option) => option
    : (option) => t(`${group}.${option}`, { defaultValue: option })
}

/** A learner act in plain words (press, put on, apply lock). */
export function actionWords(t: Translate, action: string): string {
  return t(`editor.actions.${action}`, { defaultValue: action })
}

function elementAt(doc: JsonObject, collection: string, index: number): Obj {
  const list = doc[collection]
  const el = Array.isArray(list) ? list[index] : undefined
  return el && typeof el === 'object' && !Array.isArray(el) ? el : {}
}

/** The element that holds a reference, by its id (a rule by its number), as a sentence's subject. */
function who(t: Translate, doc: JsonObject, collection: string, index: number): string {
  const el = elementAt(doc, collection, index)
  const name = collection === 'rules' ? String(index + 1) : String(el['id'] ?? `#${index + 1}`)
  const kind = typeof el['kind'] === 'string' ? el['kind'] : ''
  return t(`editor.who.${collection}`, {
    name,
    kind: t(`editor.kinds.${kind}`, { defaultValue: t('editor.aComponent') }),
  })
}

/**
 * Where the document refers to the element `id` that is about to be deleted, in plain words: who
 * refers to it and how ("Step “isolate” acts on it"), read off the reference's path. A `set` key
 * that is the id itself sets it; any other place in a `set` reads it.
 */
export function referenceText(t: Translate, doc: JsonObject, ref: Reference, id: string): string {
  const [collection, index, ...rest] = ref.path
  if (typeof collection !== 'string' || typeof index !== 'number') return ref.where
  const values = { who: who(t, doc, collection, index) }
  const say = (key: string, more: Record<string, string> = {}) =>
    t(`editor.uses.${key}`, { ...values, ...more })
  const [first, second, , fourth, fifth] = rest
  switch (first) {
    case 'action':
      return say(collection === 'hazards' ? 'triggeredBy' : 'actsOn')
    case 'after':
      return say('after')
    case 'competencies':
      return say(collection === 'hazards' ? 'countsAgainst' : 'evidence')
    case 'parent':
      return say('mountedOn')
    case 'params':
      return say('shownAs', {
        setting: t(`editor.params.${String(second)}`, { defaultValue: String(second) }),
      })
    case 'set':
      return second === id ? say('sets') : say('readsInSet', { target: String(second) })
    case 'on': {
      const action = actionWords(t, String(second))
      if (fourth === 'if') return say('effectReads', { action })
      return fifth === id
        ? say('effectSets', { action })
        : say('effectReadsInSet', { action, target: String(fifth) })
    }
    default: {
      const field = fieldLabel(t, collection as Collection | 'rules', String(first))
      return say('readsIn', { field })
    }
  }
}
