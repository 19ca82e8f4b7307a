// The editor's words for what the scenario format names by keys: fields, sections, the choices of
// a select, and the places that refer to an element (the warning before a delete), in the
// interface language (the "editor" texts), so that no raw key such as `position` is shown.
import type { Collection, JsonObject, JsonValue, Reference } from '../../core/index.ts'
import type { Translate } from '../i18n/translator.ts'

/** The name of an element's field, as its form labels it. */
export function fieldLabel(t: Translate, collection: Collection | 'rules', key: string): string {
  // a variable's `initial` is a number, a component's a state
  const name = collection === 'variables' && key === 'initial' ? 'initialValue' : key
  return t(`editor.fields.${name}`, { defaultValue: key })
}

/** The name of one of the scenario's own settings, by the last key of its path. */
export function scenarioFieldLabel(t: Translate, path: readonly string[]): string {
  const last = path[path.length - 1]!
  const key = path[1] === 'camera' ? `camera${last[0]!.toUpperCase()}${last.slice(1)}` : last
  return t(`editor.scenarioFields.${key}`, { defaultValue: path.join('.') })
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

type Obj = Record<string, JsonValue>

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
