// The attempt kept in the LMS between sessions (SCORM 1.2 `cmi.suspend_data`, at most 4,096
// characters): the attempt's setup and its events, as compact arrays, deflated (fflate) and
// written in base64. A learner who leaves goes on where they were on any computer, since the LMS
// holds the attempt, not the browser. Pure.
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

/** SCORM 1.2's limit on `cmi.suspend_data` (CMIString4096). */
export const SUSPEND_DATA_LIMIT = 4096

const PREFIX = 'P1:'

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

/** The attempt as `cmi.suspend_data` text (ASCII); its length may pass the limit. */
export function encodeSuspendData(attempt: SuspendedAttempt): string {
  const json = JSON.stringify([
    attempt.id,
    attempt.mode,
    attempt.startedAt,
    attempt.faults,
    pack(attempt.events),
  ])
  return PREFIX + toBase64(deflateSync(strToU8(json), { level: 9 }))
}

/** The attempt kept in `cmi.suspend_data`, or undefined when the text holds none (or is damaged). */
export function decodeSuspendData(text: string): SuspendedAttempt | undefined {
  if (!text.startsWith(PREFIX)) return undefined
  try {
    const [id, mode, startedAt, faults, events] = JSON.parse(
      strFromU8(inflateSync(fromBase64(text.slice(PREFIX.length)))),
    ) as [string, Mode, string, string[], PackedEvent[]]
    const valid =
      typeof id === 'string' &&
      (mode === 'practice' || mode === 'assessment') &&
      typeof startedAt === 'string' &&
      Array.isArray(faults) &&
      Array.isArray(events)
    return valid ? { id, mode, startedAt, faults, events: unpack(events) } : undefined
  } catch {
    return undefined
  }
}
