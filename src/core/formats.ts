// The identifiers of the three file formats, and telling which one a parsed file claims to be.
// Apart from the schemas so that code which only writes a format (the live attempt, the result)
// does not carry the validator with it.
import { isJsonObject, type JsonValue } from './jsonValue.ts'
import { problemAt, type Problem } from './problems.ts'

export const SCENARIO_FORMAT = 'practica.scenario/1'
export const ATTEMPT_FORMAT = 'practica.attempt/1'
export const RESULT_FORMAT = 'practica.result/1'

/** What a file says it is, by its `format`; `unknown` when it is none of Practica's files. */
export type FileFormat = 'scenario' | 'attempt' | 'result' | 'unknown'

const FAMILIES: ReadonlyArray<readonly [FileFormat, string]> = [
  ['scenario', SCENARIO_FORMAT],
  ['attempt', ATTEMPT_FORMAT],
  ['result', RESULT_FORMAT],
]

/**
 * The format a parsed file claims. Matched by family (`practica.attempt/…`), not by version, so
 * that a file of another version reaches its schema, which names the versions supported. Pure.
 */
export function detectFormat(json: JsonValue): FileFormat {
  const format = isJsonObject(json) ? json['format'] : undefined
  if (typeof format !== 'string') return 'unknown'
  const family = format.slice(0, format.indexOf('/') + 1)
  return FAMILIES.find(([, id]) => family !== '' && id.startsWith(family))?.[0] ?? 'unknown'
}

/**
 * The refusal of a file that is not the format wanted: what its schema says of a `format` it does
 * not accept, or, when none is wanted, that it is no Practica file. Pure.
 */
export function wrongFormat(wanted?: string): { ok: false; problems: Problem[] } {
  return {
    ok: false,
    problems: [
      wanted === undefined
        ? problemAt(['format'], 'file.unknownFormat')
        : problemAt(['format'], 'shape.format', { format: wanted }),
    ],
  }
}
