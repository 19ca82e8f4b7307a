// Problems in the learner's language: the engine gives each problem a code, params and a path of
// segments; this says the code's text from the "problems" section of the interface language, and
// the path in plain words (the element's name, then the fields) instead of a JSON path. The
// section is downloaded when a problem is first said (i18n.ts); until it arrives, a problem reads
// as the engine's English and its place as the JSON path, and `useTranslation` re-renders after.
import {
  COLLECTIONS,
  fillTemplate,
  formatPath,
  getLocalText,
  type JsonValue,
  type PathSegment,
  type Problem,
  type ProblemWords,
} from '../../core/index.ts'
import type { Translate } from './translator.ts'

const TYPES = ['number', 'string', 'boolean', 'trueOrFalse', 'condition', 'array', 'tuple']
const MORE_TYPES = ['object', 'record', 'int']
const VALUES = ['text', 'number', 'boolean', 'null', 'list', 'object']

/** The lists whose elements the editor selects: every list of elements with ids, and the rules. */
export const ELEMENT_LISTS: ReadonlySet<string> = new Set<string>([...COLLECTIONS, 'rules'])

// asked each time, not kept per `t`: a language's words may arrive after its fallback's
function wordsOf(t: Translate): ProblemWords {
  const say = (keys: readonly string[], group: string) =>
    Object.fromEntries(keys.map((k) => [k, t(`problems.words.${group}.${k}`)]))
  return {
    types: say([...TYPES, ...MORE_TYPES], 'types'),
    values: say(VALUES, 'values'),
    suggestion: t('problems.words.suggestion'),
  }
}

/** A problem's text in the language of `t`; the engine's English when the code has no text. */
export function problemText(t: Translate, problem: Problem): string {
  const template = t(`problems.${problem.code}`, { defaultValue: '' })
  return template === '' ? problem.message : fillTemplate(template, problem.params, wordsOf(t))
}

type Doc = { readonly [key: string]: JsonValue }

function member(value: JsonValue | undefined, key: PathSegment): JsonValue | undefined {
  if (value === null || typeof value !== 'object') return undefined
  return Array.isArray(value)
    ? typeof key === 'number'
      ? value[key]
      : undefined
    : (value as Doc)[String(key)]
}

/** The name an element is known by: its label or title in `language`, else its id, else #n. */
function elementName(
  doc: Doc | undefined,
  collection: string,
  index: number,
  language: string,
): string {
  const element = member(member(doc, collection), index)
  const locales = member(doc, 'locales')
  const fallback = Array.isArray(locales) && typeof locales[0] === 'string' ? locales[0] : 'en'
  for (const key of ['label', 'title']) {
    const text = member(element, key)
    if (
      typeof text === 'string' ||
      (text !== null && typeof text === 'object' && !Array.isArray(text))
    )
      return getLocalText(text as string | Record<string, string>, language, fallback)
  }
  const id = member(element, 'id')
  return typeof id === 'string' ? id : `#${index + 1}`
}

/**
 * Where a problem is, in plain words: "Step “Isolate” › action › target", "Scenario settings ›
 * title", "The file". Names come from `doc` (the scenario being edited) when it is given.
 */
export function problemPlace(
  t: Translate,
  path: readonly PathSegment[],
  doc?: Doc,
  language = 'en',
): string {
  const file = t('problems.where.file', { defaultValue: '' })
  // the section has not arrived yet
  if (file === '') return formatPath(path)
  if (path.length === 0) return file
  const [first, second] = path
  const inElement =
    typeof first === 'string' && ELEMENT_LISTS.has(first) && typeof second === 'number'
  const parts = inElement
    ? [t(`problems.where.${first}`, { name: elementName(doc, first, second, language) })]
    : [t('problems.where.scenario')]
  const rest = inElement ? path.slice(2) : path
  rest.forEach((seg, i) => parts.push(fieldWords(t, rest, i, doc)))
  return parts.join(' › ')
}

/** Fields of spec amendment 1 that have plain names in the editor's texts. */
const PLAIN_FIELDS = new Set(['look', 'params', 'parent', 'stateLabels', 'scene'])
/** A named view's fields. */
const VIEW_FIELDS = new Set(['title', 'position', 'target', 'fov'])

/**
 * One segment of a problem's place in plain words: the look's fields and settings, the names of
 * states and the scene's named views are named as the editor names them (its section of the
 * interface texts, here with the raw key as the fallback); other fields keep their key.
 */
function fieldWords(
  t: Translate,
  rest: readonly PathSegment[],
  i: number,
  doc: Doc | undefined,
): string {
  const seg = rest[i]!
  const before = i > 0 ? rest[i - 1] : undefined
  const said = (key: string, fallback: string, values: Record<string, string> = {}) =>
    t(key, { ...values, defaultValue: fallback })
  if (before === 'params' && typeof seg === 'string') return said(`editor.params.${seg}`, seg)
  if (before === 'stateLabels' && typeof seg === 'string')
    return said('editor.stateName', seg, { state: seg })
  // scene › views › n: the view by its id
  if (before === 'views' && rest[i - 2] === 'scene' && typeof seg === 'number') {
    const id = member(member(member(doc, 'scene'), 'views'), seg)
    const name = member(id, 'id')
    return said('editor.place.view', `#${seg + 1}`, {
      name: typeof name === 'string' ? name : `#${seg + 1}`,
    })
  }
  if (typeof seg === 'number') return t('problems.where.item', { n: seg + 1 })
  if (PLAIN_FIELDS.has(seg)) return said(`editor.place.${seg}`, seg)
  if (VIEW_FIELDS.has(seg) && rest[i - 2] === 'views') return said(`editor.place.${seg}`, seg)
  if (seg === 'views' && before === 'scene') return said('editor.place.views', seg)
  // other fields by the editor's names for them, where its texts are loaded
  if (before === 'action') return said(`editor.act.${seg}`, seg)
  return said(`editor.fields.${seg}`, said(`editor.scenarioFields.${seg}`, seg))
}

/** A problem as one line in the language of `t`: where it is, then what is wrong. */
export function problemLine(t: Translate, problem: Problem, doc?: Doc, language?: string): string {
  return `${problemPlace(t, problem.path, doc, language)}: ${problemText(t, problem)}`
}
