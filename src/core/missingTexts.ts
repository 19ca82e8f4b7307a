// Texts missing in one of the scenario's languages. The format requires only the default language
// (checkTexts), but a learner reading the other one sees the default's words: the editor warns
// of each. Reads a draft document (JSON), not a validated scenario. Pure.
import type { JsonValue } from './jsonValue.ts'
import type { PathSegment } from './problems.ts'

export interface MissingText {
  /** Where the text is, as the engine's problems write paths. */
  readonly path: readonly PathSegment[]
  /** The scenario's languages it has no words in. */
  readonly missing: readonly string[]
}

type Obj = { readonly [key: string]: JsonValue }

const isObj = (v: JsonValue | undefined): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** The localized fields of each list's elements, as checkTexts knows them. */
const TEXT_FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ['competencies', ['title', 'description']],
  ['components', ['label']],
  ['steps', ['title', 'hint']],
  ['hazards', ['title']],
  ['judgements', ['title', 'guide']],
  ['faults', ['title']],
]

/** Every text of a draft that lacks one of its languages (none for a one-language scenario). Pure. */
export function findMissingTexts(doc: Obj): MissingText[] {
  const locales = Array.isArray(doc['locales'])
    ? doc['locales'].filter((l): l is string => typeof l === 'string')
    : []
  if (locales.length < 2) return []
  const out: MissingText[] = []
  const text = (value: JsonValue | undefined, path: PathSegment[]) => {
    if (value === undefined) return
    const has = (l: string) =>
      typeof value === 'string'
        ? l === locales[0] && value !== ''
        : isObj(value) && typeof value[l] === 'string' && value[l] !== ''
    const missing = locales.filter((l) => !has(l))
    if (missing.length > 0) out.push({ path, missing })
  }
  text(doc['title'], ['title'])
  text(doc['description'], ['description'])
  for (const [key, fields] of TEXT_FIELDS) {
    const list = doc[key]
    if (!Array.isArray(list)) continue
    list.forEach((el, i) => {
      if (!isObj(el)) return
      for (const f of fields) text(el[f], [key, i, f])
      const labels = el['stateLabels']
      if (key === 'components' && isObj(labels))
        for (const [state, label] of Object.entries(labels))
          text(label, ['components', i, 'stateLabels', state])
    })
  }
  const scene = doc['scene']
  const views = isObj(scene) ? scene['views'] : undefined
  if (Array.isArray(views))
    views.forEach((v, i) => isObj(v) && text(v['title'], ['scene', 'views', i, 'title']))
  return out
}
