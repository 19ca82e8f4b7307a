// The attempt kept in the LMS between sessions (SCORM 1.2 `cmi.suspend_data`, at most 4,096
// characters): the attempt's setup and its events, as compact arrays, deflated (fflate) and
// written in base64. A learner who leaves goes on where they were on any computer, since the LMS
// holds the attempt, not the browser. Some 500 acts fit; an attempt longer than that keeps only a
// reference in the LMS (its setup and how many events), the events in this browser's IndexedDB
// (keptEvents.ts), so that it resumes on the same computer. Pure.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import type { AttemptEvent, Mode } from '../core/index.ts'

/** What is kept of an unfinished attempt; the learner and the scenario come from the package. */
export interface SuspendedAttempt {
  readonly id: string
  readonly mode: Mode
  readonly startedAt: string
  readonly faults: readonly string[]
  readonly events: readonly AttemptEvent[]
}

/** A longer attempt's reference: its setup and how many events this browser keeps of it. */
export interface SuspendedReference extends Omit<SuspendedAttempt, 'events'> {
  readonly count: number
}

/** SCORM 1.2's limit on `cmi.suspend_data` (CMIString4096). */
export const SUSPEND_DATA_LIMIT = 4096

const PREFIX = 'P1:'
const REFERENCE = 'P1R:'

/** One event as [t since the event before, action, target?, value?]. */
type PackedEvent = [number, string, string?, string?]

function pack(events: readonly AttemptEvent[]): PackedEvent[] {
  let last = 0
  return events.map((e) => {
    const packed: PackedEvent = [e.t - last, e.action]
    last = e.t
    if (e.target !== undefined || e.value !== undefined) packed.push(e.target ?? '')
    if (e.value !== undefined) packed.push(e.value)
    return packed
  })
}

function unpack(packed: readonly PackedEvent[]): AttemptEvent[] {
  let t = 0
  return packed.map(([dt, action, target, value]) => {
    t += dt
    return {
      t,
      action,
      ...(target === undefined ? {} : { target }),
      ...(value === undefined ? {} : { value }),
    }
  })
}

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (const b of bytes) text += String.fromCharCode(b)
  return btoa(text)
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

function deflated(value: unknown): string {
  return toBase64(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }))
}

/** The attempt as `cmi.suspend_data` text (ASCII); its length may pass the limit. */
export function encodeSuspendData(attempt: SuspendedAttempt): string {
  const { id, mode, startedAt, faults, events } = attempt
  return PREFIX + deflated([id, mode, startedAt, faults, pack(events)])
}

/** A reference to an attempt whose events this browser keeps, as `cmi.suspend_data` text. */
export function encodeSuspendReference(reference: SuspendedReference): string {
  const { id, mode, startedAt, faults, count } = reference
  return REFERENCE + deflated([id, mode, startedAt, faults, count])
}

/**
 * The attempt (or the reference to one) kept in `cmi.suspend_data`, or undefined when the text
 * holds none, or is damaged.
 */
export function decodeSuspendData(text: string): SuspendedAttempt | SuspendedReference | undefined {
  const prefix = text.startsWith(PREFIX) ? PREFIX : text.startsWith(REFERENCE) ? REFERENCE : ''
  if (!prefix) return undefined
  try {
    const [id, mode, startedAt, faults, rest] = JSON.parse(
      strFromU8(inflateSync(fromBase64(text.slice(prefix.length)))),
    ) as [string, Mode, string, string[], PackedEvent[] | number]
    const valid =
      typeof id === 'string' &&
      (mode === 'practice' || mode === 'assessment') &&
      typeof startedAt === 'string' &&
      Array.isArray(faults)
    if (!valid) return undefined
    if (prefix === REFERENCE)
      return typeof rest === 'number' ? { id, mode, startedAt, faults, count: rest } : undefined
    return Array.isArray(rest) ? { id, mode, startedAt, faults, events: unpack(rest) } : undefined
  } catch {
    return undefined
  }
}
