// Runs a zod schema over untrusted JSON and turns its issues into readable problems.
// `x-` fields are the project's extension point: they are set aside here, never validated.
import * as z from 'zod/mini'
import type { JsonValue } from './json.ts'
import { FIELD_NAMES } from './fieldNames.ts'
import { didYouMean, formatPath, type Outcome, type PathSegment, type Problem } from './problems.ts'

/** A copy of `value` without any `x-` keys, at any depth. Pure. */
export function withoutExtensions(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutExtensions)
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {}
    for (const [key, v] of Object.entries(value))
      if (!key.startsWith('x-')) out[key] = withoutExtensions(v)
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
  const parsed = z.safeParse(schema, withoutExtensions(value), { reportInput: true })
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, problems: parsed.error.issues.flatMap((issue) => toProblems(issue, base)) }
}

function describe(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'a list'
  if (typeof input === 'string')
    return `the text ${JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)}`
  if (typeof input === 'object') return 'an object'
  return `${typeof input === 'number' ? 'the number' : typeof input} ${String(input)}`
}

function toProblems(issue: z.core.$ZodIssue, base: readonly PathSegment[]): Problem[] {
  const path = [...base, ...(issue.path as PathSegment[])]
  const at = formatPath(path)
  const last = path[path.length - 1]
  const hasInput = 'input' in issue && issue.input !== undefined
  switch (issue.code) {
    case 'unrecognized_keys': {
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: `unknown field "${key}"${didYouMean(key, FIELD_NAMES)}; remove it, or name it "x-${key}" to keep it as an extension`,
      }))
    }
    case 'invalid_type':
      if (!hasInput && typeof last === 'string')
        return [{ path: at, message: `missing required field "${last}"` }]
      return [
        { path: at, message: `must be ${article(issue.expected)}, not ${describe(issue.input)}` },
      ]
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v))
      if (!hasInput && typeof last === 'string')
        return [{ path: at, message: `missing required field "${last}"` }]
      // a message given in the schema says it better than the generic one
      if (!issue.message.startsWith('Invalid')) return [{ path: at, message: issue.message }]
      const near =
        typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : ''
      return [
        {
          path: at,
          message: `must be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}, not ${describe(issue.input)}${near}`,
        },
      ]
    }
    case 'invalid_union': {
      if (!hasInput && typeof last === 'string')
        return [{ path: at, message: `missing required field "${last}"` }]
      if (
        'note' in issue &&
        issue.note === 'No matching discriminator' &&
        issue.input !== null &&
        typeof issue.input === 'object'
      ) {
        const kind = (issue.input as { kind?: unknown }).kind
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? []
        if (kind === undefined) return [{ path: at, message: 'missing required field "kind"' }]
        const near = typeof kind === 'string' ? didYouMean(kind, options) : ''
        return [
          {
            path: at,
            message: `unknown kind ${typeof kind === 'string' ? JSON.stringify(kind) : describe(kind)}${near}; use one of ${options.join(', ')}`,
          },
        ]
      }
      return [{ path: at, message: `${issue.message}, not ${describe(issue.input)}` }]
    }
    default:
      return [{ path: at, message: friendly(issue.message) }]
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list'
  if (expected === 'object' || expected === 'record') return 'an object'
  if (expected === 'int') return 'a whole number'
  return `a ${expected}`
}

// zod's own phrasing starts with "Too small: expected number to be >=0"; ours is already plain
function friendly(message: string): string {
  return message
    .replace(/^Too small: expected (\w+) to have >=(\d+) (\w+)$/, 'needs at least $2 $3')
    .replace(/^Too big: expected (\w+) to have <=(\d+) (\w+)$/, 'may have at most $2 $3')
    .replace(/^Too small: expected \w+ to be >=(.+)$/, 'must be at least $1')
    .replace(/^Too small: expected \w+ to be >(.+)$/, 'must be greater than $1')
    .replace(/^Too big: expected \w+ to be <=(.+)$/, 'must be at most $1')
    .replace(/^Too big: expected \w+ to be <(.+)$/, 'must be less than $1')
    .replace(/^Invalid input: /, '')
}
