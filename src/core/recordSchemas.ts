// The zod schemas of the attempt and result formats (spec sections 5 and 6): the source of their
// TypeScript types. Structure only; the attempt loader (attempt.ts) checks meaning.
import * as z from 'zod/mini'
import { ATTEMPT_FORMAT, RESULT_FORMAT } from './formats.ts'
import { Severity } from './schema.ts'

const Millis = z.int().check(z.minimum(0))

const AttemptEvent = z.strictObject({
  t: z.int({ error: 'event.timeWhole' }).check(z.minimum(0, { error: 'event.timeNegative' })),
  action: z.string(),
  target: z.optional(z.string()),
  value: z.optional(z.string()),
})
export type AttemptEvent = z.output<typeof AttemptEvent>

/**
 * Whether AttemptEvent accepts `e` as it is (an `x-` field makes it not plain): an attempt has
 * thousands of events, and this asks the same as the schema without its memory. Tested against
 * the schema on generated events. Pure.
 */
export function isPlainEvent(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return false
  for (const key in e)
    if (key !== 't' && key !== 'action' && key !== 'target' && key !== 'value') return false
  const { t, action, target, value } = e as Record<string, unknown>
  return (
    Number.isSafeInteger(t) &&
    (t as number) >= 0 &&
    typeof action === 'string' &&
    (target === undefined || typeof target === 'string') &&
    (value === undefined || typeof value === 'string')
  )
}

const Mark = z.strictObject({
  mark: z.nullable(z.int().check(z.minimum(0))),
  assessor: z.optional(z.string()),
  at: z.optional(z.string()),
})
export type Mark = z.output<typeof Mark>

export const AttemptSchema = z.strictObject({
  format: z.literal(ATTEMPT_FORMAT, {
    error: 'shape.format',
  }),
  id: z.string().check(z.minLength(1)),
  scenario: z.strictObject({
    id: z.string(),
    version: z.optional(z.string()),
    sha256: z.optional(z.string()),
  }),
  learner: z.optional(z.strictObject({ id: z.optional(z.string()), name: z.optional(z.string()) })),
  mode: z.enum(['practice', 'assessment']),
  startedAt: z.optional(z.string()),
  faults: z.optional(z.array(z.string())),
  events: z.array(AttemptEvent),
  judgements: z.optional(z.record(z.string(), z.nullable(Mark))),
})
export type Attempt = z.output<typeof AttemptSchema>
export type Mode = Attempt['mode']

const EventRef = z.strictObject({ index: Millis, t: Millis })

export const ResultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  attempt: z.string(),
  scenario: z.strictObject({ id: z.string(), version: z.string() }),
  status: z.enum(['passed', 'failed', 'pending']),
  passed: z.boolean(),
  score: z.strictObject({ raw: z.number(), max: z.number(), percent: z.number() }),
  durationMs: z.number(),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      complete: z.boolean(),
      outOfOrder: z.boolean(),
      t: z.nullable(z.number()),
      hints: z.int(),
      points: z.number(),
      earned: z.number(),
    }),
  ),
  hazards: z.array(z.strictObject({ id: z.string(), severity: Severity, t: z.number() })),
  unexpected: z.array(EventRef),
  blocked: z.array(EventRef),
  judgements: z.array(
    z.strictObject({
      id: z.string(),
      mark: z.nullable(z.int()),
      maxMark: z.int(),
      points: z.number(),
      earned: z.number(),
    }),
  ),
  faults: z.array(z.string()),
  warnings: z.array(z.string()),
  competencies: z.array(
    z.strictObject({
      id: z.string(),
      earned: z.number(),
      possible: z.number(),
      ratio: z.number(),
      level: z.enum(['not-assessed', 'not-yet-competent', 'competent', 'proficient']),
    }),
  ),
})
export type Result = z.output<typeof ResultSchema>
export type Status = Result['status']
export type Level = Result['competencies'][number]['level']
