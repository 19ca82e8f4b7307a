// Time for the exporters: ISO 8601 timestamps to milliseconds and back, and ISO 8601 durations.
// Writing a timestamp is Date's toISOString of a number (no clock, no zone). Reading one keeps a
// strict parser: Date.parse accepts 2026-02-30 and reads a zone-less time as local time.

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):?(\d{2}))$/i

/** 400 Gregorian years, which repeat the calendar exactly. */
const CYCLE_MS = 146_097 * 86_400_000

/** Milliseconds since 1970-01-01T00:00:00Z of an ISO 8601 date-time with a zone, or undefined. Pure. */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  // fractions finer than a millisecond are dropped, not rounded, so no second rolls over
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'))
  let offsetMinutes = 0
  if (m[8]!.toUpperCase() !== 'Z') {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 23 || om > 59) return undefined
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  // Date.UTC of fields already checked: numbers in, no parsing of text; a year below 100 is
  // moved by whole 400-year cycles, since Date.UTC reads 0-99 as 1900-1999
  const cycles = year < 100 ? 1 : 0
  const midnight = Date.UTC(year + cycles * 400, month - 1, day) - cycles * CYCLE_MS
  return midnight + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` for milliseconds since the epoch (rounded to a millisecond). Pure. */
export function formatTimestamp(epochMs: number): string {
  return new Date(Math.round(epochMs)).toISOString()
}

/** An ISO 8601 duration like `PT1M4.5S` for a number of milliseconds (negative counts as 0). Pure. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms))
  const h = Math.floor(total / 3_600_000)
  const m = Math.floor(total / 60_000) % 60
  const rest = total % 60_000
  const fraction = rest % 1000
  const seconds =
    String(Math.floor(rest / 1000)) +
    (fraction === 0 ? '' : '.' + String(fraction).padStart(3, '0').replace(/0+$/, ''))
  let out = 'PT'
  if (h > 0) out += `${h}H`
  if (m > 0) out += `${m}M`
  if (rest > 0 || (h === 0 && m === 0)) out += `${seconds}S`
  return out
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}
