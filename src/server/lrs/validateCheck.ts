// The checks of xAPI 1.0.3 Part Two's formats that the statement rules (validate.ts) use: the
// refusal (StatementError), the formats (IRIs, UUIDs, mailto addresses, SHA-1 and SHA-2 digests,
// RFC 5646 language tags, ISO 8601 timestamps and durations, media types) and Check, one walk of
// one statement that knows where it is, for the messages.
import { ApiError } from '../http/errors.ts'

type Json = Record<string, unknown>

/** The refusal of a statement: where (e.g. `statements[2].actor.mbox`) and what to fix. */
export class StatementError extends ApiError {
  constructor(where: string, what: string) {
    super(400, 'bad-statement', `The statement is not valid xAPI 1.0.3 at ${where}: ${what}.`, {
      where,
    })
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** An absolute IRI: a scheme, a colon, no white space (RFC 3987, loosely). */
export const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i
export const MAILTO = /^mailto:[^@\s:]+@[^@\s]+\.[^@\s]+$/i
export const SHA1 = /^[0-9a-f]{40}$/i
export const SHA2 = /^[0-9a-f]{56,128}$/i
/** An RFC 5646 language tag (its well-formed shape). */
export const LANGUAGE_TAG =
  /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wy-z\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$|^x(?:-[a-z\d]{1,8})+$|^i-[a-z]{3,8}$/i
/** ISO 8601 date and time, extended format, seconds and a fraction optional, a zone optional. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/
/** An ISO 8601 duration: PnYnMnDTnHnMnS (the last number may have a fraction), or PnW. */
export const DURATION =
  /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$|^P\d+(?:\.\d+)?W$/
export const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;.*)?$/i

/** Whether `s` is an ISO 8601 timestamp this LRS takes (a real date; never the zone -00:00). */
export function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s)
  if (!m) return false
  const zone = m[7]
  if (zone !== undefined && /^-00(:?00)?$/.test(zone)) return false
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number)
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= 31 &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 60 &&
    !Number.isNaN(Date.parse(zone === undefined ? `${s}Z` : s))
  )
}

/** The instant of a valid timestamp (no zone: UTC), in ms. */
export function instantOf(s: string): number {
  const m = TIMESTAMP.exec(s)
  return Date.parse(m && m[7] === undefined ? `${s}Z` : s)
}

export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** One walk of one statement: `at` is the path so far, for the messages. */
export class Check {
  constructor(readonly at: string) {}

  fail(what: string, where = this.at): never {
    throw new StatementError(where, what)
  }

  in(key: string | number): Check {
    return new Check(typeof key === 'number' ? `${this.at}[${key}]` : `${this.at}.${key}`)
  }

  object(v: unknown, allowed: readonly string[], what: string): Json {
    if (!isObject(v)) this.fail(`${what} must be a JSON object`)
    for (const [key, value] of Object.entries(v)) {
      if (!allowed.includes(key))
        this.fail(`"${key}" is not a property of ${what} (it may have ${allowed.join(', ')})`)
      if (value === null) this.in(key).fail('a property may not be null; leave it out instead')
    }
    return v
  }

  string(v: unknown, what = 'this'): string {
    if (typeof v !== 'string') this.fail(`${what} must be a string`)
    return v
  }

  iri(v: unknown): string {
    const s = this.string(v, 'an IRI')
    if (!IRI.test(s)) this.fail(`"${s.slice(0, 80)}" is not an absolute IRI (such as https://…)`)
    return s
  }

  uuid(v: unknown): string {
    const s = this.string(v, 'a UUID')
    if (!UUID.test(s)) this.fail(`"${s.slice(0, 80)}" is not a UUID`)
    return s
  }

  boolean(v: unknown): boolean {
    if (typeof v !== 'boolean') this.fail('this must be true or false')
    return v
  }

  number(v: unknown): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail('this must be a number')
    return v
  }

  timestamp(v: unknown): string {
    const s = this.string(v, 'a timestamp')
    if (!isTimestamp(s))
      this.fail(
        `"${s.slice(0, 80)}" is not an ISO 8601 timestamp such as 2026-12-04T08:30:00.000Z (and never with the zone -00:00)`,
      )
    return s
  }

  languageMap(v: unknown): void {
    if (!isObject(v)) this.fail('a language map must be an object of language tag → text')
    for (const [tag, text] of Object.entries(v)) {
      if (!LANGUAGE_TAG.test(tag))
        this.fail(`"${tag.slice(0, 40)}" is not an RFC 5646 language tag (such as en-US)`)
      if (typeof text !== 'string') this.in(tag).fail('the text of a language map is a string')
    }
  }

  extensions(v: unknown): void {
    if (!isObject(v)) this.fail('extensions must be an object of IRI → value')
    for (const key of Object.keys(v))
      if (!IRI.test(key)) this.fail(`the key "${key.slice(0, 80)}" is not an IRI`)
  }
}
