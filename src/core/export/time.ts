// Calendar arithmetic for the exporters: ISO 8601 timestamps to milliseconds and back, and
// ISO 8601 durations. Plain integer arithmetic, so no Date object and no clock in the engine.

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):?(\d{2}))$/i

const DAY_MS = 86_400_000

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
  return (
    daysFromCivil(year, month, day) * DAY_MS +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    ms
  )
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` for milliseconds since the epoch (rounded to a millisecond). Pure. */
export function formatTimestamp(epochMs: number): string {
  const total = Math.round(epochMs)
  const days = Math.floor(total / DAY_MS)
  const inDay = total - days * DAY_MS
  const [year, month, day] = civilFromDays(days)
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  const h = Math.floor(inDay / 3_600_000)
  const mi = Math.floor(inDay / 60_000) % 60
  const s = Math.floor(inDay / 1000) % 60
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(inDay % 1000, 3)}Z`
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

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian calendar)
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day]
}
