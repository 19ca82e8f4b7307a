// Reading the query parameters of the xAPI document, Agents and Activities resources the way
// xAPI 1.0.3 asks: a parameter the resource does not know, one that differs from a known one only
// in case, or one given twice is refused with 400 (Part Three 3.2.s3.b7, b8); values are checked
// as they would be in a statement (Part Two 2.2.s4.b4): an IRI has a scheme, a registration is a
// UUID, `since` is an ISO 8601 timestamp.
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { ApiError } from '../http/errors.ts'

export const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** ISO 8601 date and time with a time zone (as xAPI timestamps are written) */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/

const badParameter = (message: string) => new ApiError(400, 'bad-parameter', message)

/** The request's query parameters, each at most once and each one of `allowed` exactly. */
export function readParams(c: Context, allowed: readonly string[]): Map<string, string> {
  const params = new Map<string, string>()
  for (const [name, value] of new URL(c.req.url).searchParams) {
    if (!allowed.includes(name)) {
      const like = allowed.find((a) => a.toLowerCase() === name.toLowerCase())
      throw badParameter(
        like
          ? `The parameter "${name}" must be written "${like}" (parameter names are case sensitive).`
          : `This resource has no parameter "${name}"; it takes ${allowed.map((a) => `"${a}"`).join(', ')}.`,
      )
    }
    if (params.has(name))
      throw badParameter(`The parameter "${name}" is given twice; give it once.`)
    params.set(name, value)
  }
  return params
}

/** A parameter the request must give. */
export function required(params: Map<string, string>, name: string): string {
  const value = params.get(name)
  if (value === undefined || value === '') throw badParameter(`Give the "${name}" parameter.`)
  return value
}

/** An activity id: an IRI, with a scheme (Part Two 2.2.s4.b1.b8). */
export function activityIdOf(params: Map<string, string>, name = 'activityId'): string {
  const value = required(params, name)
  if (!IRI.test(value))
    throw badParameter(
      `"${name}" must be an IRI with a scheme, such as https://school.example/activities/1; it is "${value.slice(0, 80)}".`,
    )
  return value
}

/** The registration: a UUID, written lower case; '' when none is given. */
export function registrationOf(params: Map<string, string>): string {
  const value = params.get('registration')
  if (value === undefined) return ''
  if (!UUID.test(value))
    throw badParameter(`"registration" must be a UUID; it is "${value.slice(0, 80)}".`)
  return value.toLowerCase()
}

/** `since`: an ISO 8601 timestamp, or undefined. */
export function sinceOf(params: Map<string, string>): Date | undefined {
  const value = params.get('since')
  if (value === undefined) return undefined
  const at = new Date(value)
  if (!TIMESTAMP.test(value) || Number.isNaN(at.getTime()))
    throw badParameter(
      `"since" must be an ISO 8601 timestamp such as 2026-12-04T08:00:00Z; it is "${value.slice(0, 80)}".`,
    )
  return at
}

/** A document's id (stateId, profileId): any non-empty string. */
export function documentIdOf(params: Map<string, string>, name: string): string | undefined {
  const value = params.get(name)
  if (value === undefined) return undefined
  if (value === '') throw badParameter(`"${name}" must not be empty.`)
  if (value.length > 1000) throw badParameter(`"${name}" is longer than 1,000 characters.`)
  return value
}

/** The hexadecimal SHA-1 of `bytes`: a document's ETag (Part Three 3.1.s4.b2). */
export const sha1Hex = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex')

/** A JSON answer with its ETag (the SHA-1 of the bytes sent, in quotes: 3.1.s4.b1, b4). */
export function xapiJson(c: Context, value: unknown, lastModified?: Date): Response {
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    ETag: `"${sha1Hex(bytes)}"`,
  }
  if (lastModified) headers['Last-Modified'] = lastModified.toUTCString()
  return c.body(bytes, 200, headers)
}
