// Reading an attempt file: JSON, then its shape (spec section 5). Apart from attempt.ts, which the
// live attempt needs, so that the app's first download does not carry the schemas.
import { checkShape } from './checkShape.ts'
import { ATTEMPT_FORMAT, detectFormat, wrongFormat } from './formats.ts'
import { isJsonObject, readJsonFile, type JsonValue } from './json.ts'
import type { Outcome } from './problems.ts'
import { AttemptSchema, isPlainEvent, type Attempt, type AttemptEvent } from './recordSchemas.ts'

/**
 * Reads an attempt file (its bytes, or its text): `readJsonFile`, then its shape. A scenario or
 * result file is refused as such. Pure.
 */
export function loadAttempt(file: Uint8Array | string): Outcome<Attempt> {
  const json = readJsonFile(file)
  if (!json.ok) return json
  const format = detectFormat(json.value)
  if (format === 'scenario' || format === 'result') return wrongFormat(ATTEMPT_FORMAT)
  return checkAttemptShape(json.value)
}

/**
 * Checks the shape of a parsed attempt file: what `checkShape(AttemptSchema, value)` says, with a
 * fraction of its memory. When every event is plain, the events are taken as they are and the
 * schema checks the rest. Pure.
 */
export function checkAttemptShape(value: JsonValue): Outcome<Attempt> {
  const events = isJsonObject(value) ? value['events'] : undefined
  if (!Array.isArray(events) || !events.every(isPlainEvent)) return checkShape(AttemptSchema, value)
  const rest = checkShape(AttemptSchema, { ...(value as object), events: [] })
  return rest.ok ? { ok: true, value: { ...rest.value, events: events as AttemptEvent[] } } : rest
}
