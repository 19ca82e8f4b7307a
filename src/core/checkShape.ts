// Runs a zod schema over untrusted JSON and turns its issues into problems with codes.
// `x-` fields are the project's extension point: they are set aside here, never validated.
import * as z from 'zod/mini'
import type { JsonValue } from './json.ts'
import { FIELD_NAMES } from './fieldNames.ts'
import { anyProblemAt, isProblemCode, type ProblemCode } from './problemCodes.ts'
import { nearestName, type Outcome, type PathSegment, type Problem } from './problems.ts'
import { summarize, type ProblemParams } from './problemTemplates.ts'

/** Whether `value` has an `x-` key at any depth; reads without allocating. */
function hasExtensions(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasExtensions)
  if (value === null || typeof value !== 'object') return false
  for (const key in value) if (key.startsWith('x-') || hasExtensions(value[key]!)) return true
  return false
}

/**
 * `value` without any `x-` keys, at any depth: a copy where it has some, else `value` itself
 * (the editor re-checks a whole scenario on every edit; most have none). Pure.
 */
export function withoutExtensions(value: JsonValue): JsonValue {
  return hasExtensions(value) ? copyWithoutExtensions(value) : value
}

function copyWithoutExtensions(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(copyWithoutExtensions)
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {}
    for (const [key, v] of Object.entries(value))
      if (!key.startsWith('x-')) out[key] = copyWithoutExtensions(v)
    return out
  }
  return value
}

/** Validates the shape of `value` against `schema`, reporting every problem. Pure. */
export function checkShape<S extends z.ZodMiniType>(
  schema: S,
  value: JsonValue,
  base: readonly PathSegment[] = [],
): Outcome<z.output<S>> {
  const parsed = z.safeParse(schema, withoutExtensions(value), { reportInput: true, error: codeOf })
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, problems: parsed.error.issues.flatMap((issue) => toProblems(issue, base)) }
}

// zod 4's per-parse error map: an issue the schema does not name itself (schema.ts gives codes as
// its `error`) gets a problem code as its message, so problems are built from codes and from the
// issue's own fields (minimum, expected, values), never by rewording zod's English
function codeOf(issue: z.core.$ZodRawIssue): ProblemCode {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'shape.unknownField'
    case 'invalid_type':
      return 'shape.wrongType'
    case 'invalid_value':
      return issue.values.length === 1 ? 'shape.notValue' : 'shape.notOneOf'
    case 'invalid_union':
      return 'note' in issue && issue.note === 'No matching discriminator'
        ? 'shape.unknownKind'
        : 'shape.invalid'
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set')
        return 'shape.tooFew'
      return issue.inclusive === false ? 'shape.notAbove' : 'shape.tooSmall'
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set')
        return 'shape.tooMany'
      return issue.inclusive === false ? 'shape.notBelow' : 'shape.tooBig'
    default:
      return 'shape.invalid'
  }
}

const UNITS: Readonly<Record<string, string>> = {
  string: 'characters',
  array: 'items',
  set: 'items',
}

/** The params every shape problem may use, read from the issue's own fields. */
function paramsOf(issue: z.core.$ZodIssue): ProblemParams {
  const got = 'input' in issue ? summarize(issue.input) : ''
  switch (issue.code) {
    case 'invalid_type':
      return { expected: issue.expected, got }
    case 'invalid_value': {
      const near =
        typeof issue.input === 'string' ? nearestName(issue.input, issue.values.map(String)) : ''
      return {
        expected: JSON.stringify(issue.values[0]),
        format: String(issue.values[0]),
        options: issue.values.map((v) => JSON.stringify(v)).join(', '),
        got,
        near: near ?? '',
      }
    }
    case 'too_small':
      return { minimum: String(issue.minimum), unit: UNITS[issue.origin] ?? '', got }
    case 'too_big':
      return { maximum: String(issue.maximum), unit: UNITS[issue.origin] ?? '', got }
    default:
      return { got }
  }
}

function toProblems(issue: z.core.$ZodIssue, base: readonly PathSegment[]): Problem[] {
  const path = [...base, ...(issue.path as PathSegment[])]
  const last = path[path.length - 1]
  const missing =
    !('input' in issue && issue.input !== undefined) &&
    typeof last === 'string' &&
    (issue.code === 'invalid_type' ||
      issue.code === 'invalid_value' ||
      issue.code === 'invalid_union')
  if (missing) return [anyProblemAt(path, 'shape.missingField', { field: last })]
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      anyProblemAt([...path, key], 'shape.unknownField', {
        field: key,
        near: nearestName(key, FIELD_NAMES) ?? '',
      }),
    )
  }
  if (issue.code === 'invalid_union' && issue.message === 'shape.invalid')
    return unionProblems(issue, path)
  // a schema from outside this project's catalogue may still say its own English
  if (!isProblemCode(issue.message))
    return [anyProblemAt(path, 'shape.other', { detail: issue.message })]
  if (issue.message === 'shape.unknownKind') {
    const input = 'input' in issue ? issue.input : undefined
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      return [anyProblemAt(path, 'shape.wrongType', { expected: 'object', got: summarize(input) })]
    const kind = (input as { kind?: unknown }).kind
    if (kind === undefined) return [anyProblemAt(path, 'shape.missingField', { field: 'kind' })]
    const options = (issue as { options?: unknown[] }).options?.map(String) ?? []
    return [
      anyProblemAt(path, 'shape.unknownKind', {
        got: summarize(kind),
        near: typeof kind === 'string' ? (nearestName(kind, options) ?? '') : '',
        options: options.join(', '),
      }),
    ]
  }
  return [anyProblemAt(path, issue.message, paramsOf(issue))]
}

/**
 * A value that none of a union's options took: the problems of the one option it has the type
 * of (a list of three with a text in it), or what types it could have been.
 */
function unionProblems(
  issue: z.core.$ZodIssueInvalidUnion,
  path: readonly PathSegment[],
): Problem[] {
  const got = summarize('input' in issue ? issue.input : undefined)
  const wrongType = (branch: readonly z.core.$ZodIssue[]) =>
    branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0
  const typed = issue.errors.filter((branch) => !wrongType(branch))
  if (typed.length === 1) return typed[0]!.flatMap((inner) => toProblems(inner, path))
  const [a, b] = issue.errors.map((branch) => (branch[0] as { expected?: string }).expected)
  if (typed.length === 0 && issue.errors.length === 2 && a && b)
    return [anyProblemAt(path, 'shape.either', { a, b, got })]
  return [anyProblemAt(path, 'shape.invalid', { got })]
}
