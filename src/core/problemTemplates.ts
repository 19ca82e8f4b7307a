// Filling a problem's template: {{param}} placeholders, and the filters that say a type, a JSON
// value or a suggestion in one language. Knows no codes; the catalogues are fileProblemCodes.ts
// (what reading a file or record can meet) and problemCodes.ts (every code).
//
// A placeholder may name a filter: {{name:type}} says a type ("number" → "a number"),
// {{name:value}} says a JSON value summarised by `summarize`, and {{name:suggestion}} says
// ` (did you mean "x"?)`, or nothing when the param is empty.

/** The values a problem's text is built from. Lists are already joined with ", ". */
export type ProblemParams = Readonly<Record<string, string | number>>

/** Words the filters say, in one language. */
export interface ProblemWords {
  /** Type names: number, string, boolean, condition, array, object, int. */
  readonly types: Readonly<Record<string, string>>
  /** JSON values: text, number, boolean (each with {{v}}), null, list, object. */
  readonly values: Readonly<Record<string, string>>
  /** The did-you-mean suffix, with {{v}}. */
  readonly suggestion: string
}

/** The English words of the filters. */
export const ENGLISH_WORDS: ProblemWords = {
  types: {
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean',
    trueOrFalse: 'true or false',
    condition: 'a condition (true or false)',
    array: 'a list',
    tuple: 'a list',
    object: 'an object',
    record: 'an object',
    int: 'a whole number',
    points: 'a list of [x, y, z] points',
  },
  values: {
    text: 'the text {{v}}',
    number: 'the number {{v}}',
    boolean: 'boolean {{v}}',
    null: 'null',
    list: 'a list',
    object: 'an object',
  },
  suggestion: ' (did you mean "{{v}}"?)',
}

const PLACEHOLDER = /{{(\w+)(?::(\w+))?}}/g

/**
 * A JSON value as a param for the `value` filter: strings quoted (long ones cut), numbers and
 * booleans as written, lists and objects as `[]` and `{}`. Pure.
 */
export function summarize(input: unknown): string {
  if (Array.isArray(input)) return '[]'
  if (input !== null && typeof input === 'object') return '{}'
  if (typeof input === 'string')
    return JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)
  return String(input)
}

function sayValue(v: string, words: ProblemWords): string {
  // a function, not a string, as the replacement: the value may hold `$&` and the like
  const fill = (text: string | undefined) => (text ?? v).replace('{{v}}', () => v)
  if (v === '[]') return fill(words.values['list'])
  if (v === '{}') return fill(words.values['object'])
  if (v === 'null') return fill(words.values['null'])
  if (v.startsWith('"')) return fill(words.values['text'])
  if (v === 'true' || v === 'false') return fill(words.values['boolean'])
  return fill(words.values['number'])
}

/** Fills a template's placeholders from params, saying filtered ones with `words`. Pure. */
export function fillTemplate(template: string, params: ProblemParams, words: ProblemWords): string {
  return template.replace(PLACEHOLDER, (whole, name: string, filter: string | undefined) => {
    const raw = params[name]
    if (raw === undefined) return filter === 'suggestion' ? '' : whole
    const v = String(raw)
    if (filter === 'type') return words.types[v] ?? v
    if (filter === 'value') return sayValue(v, words)
    if (filter === 'suggestion') return v === '' ? '' : words.suggestion.replace('{{v}}', () => v)
    return v
  })
}

/** The names of the params a template uses. Pure. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}
