// The Practica server's HTTP API as the app calls it: same origin, JSON in and out, the session
// cookie sent along. A refusal or a failed request becomes an ApiError with the server's stable
// `code` (the app says it in the learner's language); a request that never got an answer has
// status 0 and code `network`. Typed functions for each route the learner's app uses follow the
// generic helpers; the staff screens add theirs in staffApi.ts on top of the same helpers.
import type { AttemptEvent, Mode, Result } from '../../core/index.ts'
import type { Role, SessionUser } from '../../api/session.ts'

/** A request the server refused, or one that got no usable answer. */
export class ApiError extends Error {
  constructor(
    /** the HTTP status; 0 when no answer came (no network, server down, timed out) */
    readonly status: number,
    /** the server's stable code (`unknown-class`, `gap`, …); `network` or `not-json` for no answer */
    readonly code: string,
    message: string,
    /** the error body's other fields (e.g. `nextSeq` of a `gap`, `problems` of an invalid scenario) */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Whether an error is one worth trying again later: no answer, the server busy or failing. */
export function isTransient(e: unknown): boolean {
  return (
    !(e instanceof ApiError) ||
    e.status === 0 ||
    e.status === 429 ||
    e.status === 408 ||
    e.status >= 500
  )
}

export interface RequestOptions {
  /** a JSON value (sent as JSON) or bytes (sent as they are) */
  readonly body?: unknown
  readonly signal?: AbortSignal | undefined
  /** milliseconds before the request counts as unanswered (default 20 s) */
  readonly timeoutMs?: number
}

const API = '/api'

/** Joins path pieces, each encoded, after /api: `apiPath('scenarios', id, version)`. */
export function apiPath(...pieces: readonly string[]): string {
  return `${API}/${pieces.map(encodeURIComponent).join('/')}`
}

function signalOf(options: RequestOptions): AbortSignal {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000)
  return options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const { body } = options
  const bytes = body instanceof Uint8Array
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {
      // */* too: a static host that serves the app for every path (vite preview, an SPA host)
      // then answers the health check with the page, not a 404 the console would report
      Accept: 'application/json, */*;q=0.1',
      ...(body === undefined
        ? {}
        : { 'Content-Type': bytes ? 'application/octet-stream' : 'application/json' }),
    },
    signal: signalOf(options),
  }
  if (body !== undefined)
    init.body = bytes ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body)
  try {
    return await fetch(path, init)
  } catch (e) {
    if (options.signal?.aborted) throw e
    throw new ApiError(0, 'network', `No answer from the server (${(e as Error).message}).`)
  }
}

async function failure(response: Response): Promise<ApiError> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return new ApiError(response.status, 'not-json', `The server answered ${response.status}.`)
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error
  if (!error || typeof error['code'] !== 'string')
    return new ApiError(response.status, 'not-json', `The server answered ${response.status}.`)
  const { code, message, ...details } = error
  return new ApiError(
    response.status,
    code,
    typeof message === 'string' ? message : `The server answered ${response.status}.`,
    details,
  )
}

/** Sends a request and returns the answer's JSON; throws ApiError on a refusal or no answer. */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options)
  if (!response.ok) throw await failure(response)
  if (response.status === 204) return undefined as T
  try {
    return (await response.json()) as T
  } catch {
    throw new ApiError(
      response.status,
      'not-json',
      'The server answered something other than JSON.',
    )
  }
}

/** GET of a JSON answer. */
export const apiGet = <T>(path: string, options?: RequestOptions) =>
  apiRequest<T>('GET', path, options)

/** GET of an answer's exact bytes (a scenario file as published). */
export async function apiGetBytes(
  path: string,
  options: RequestOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const response = await send('GET', path, options)
  if (!response.ok) throw await failure(response)
  return new Uint8Array(await response.arrayBuffer())
}

// ---- the routes the learner's app uses -------------------------------------------------------

export type { Role }

/** The signed-in person as GET /api/session tells it. */
export type ServerUser = SessionUser

/**
 * Whether a Practica server answers at this page's origin. A static host answers 404 or the app's
 * page instead of JSON; no answer at all counts as none here (the caller tells "none" from
 * "unreachable" by whether one answered before).
 */
export async function hasServer(timeoutMs = 8000): Promise<boolean> {
  // offline, the request could only fail (and the console say so): no need to try
  if (globalThis.navigator?.onLine === false) return false
  try {
    const health = await apiGet<{ ok?: unknown }>(apiPath('health'), { timeoutMs })
    return health?.ok === true
  } catch {
    return false
  }
}

export const getSession = (options?: RequestOptions) =>
  apiGet<{ user: ServerUser | null }>(apiPath('session'), options)

/** Staff sign-in. */
export const signIn = (login: string, password: string) =>
  apiRequest<{ user: ServerUser }>('POST', apiPath('session'), { body: { login, password } })

export const signOut = () => apiRequest<unknown>('DELETE', apiPath('session'))

export interface JoinRequest {
  readonly code: string
  readonly learnerId: string
  readonly name: string
  readonly classPin?: string
  readonly learnerPin?: string
}

/** A learner joins their class (the first time) or signs in to it again. */
export const joinClass = (request: JoinRequest) =>
  apiRequest<{ user: ServerUser }>('POST', apiPath('join'), { body: request })

export interface ScenarioRef {
  readonly id: string
  readonly version: string
  readonly sha256: string
  readonly title: Readonly<Record<string, string>>
}

/** An assignment of a class, as the class's list gives it. */
export interface Assignment {
  readonly id: string
  readonly scenario: ScenarioRef
  readonly mode: Mode
  readonly opensAt: string | null
  readonly closesAt: string | null
  readonly maxAttempts: number | null
  readonly closedAt: string | null
  /** the learner's own attempts the server holds (in a learner's list) */
  readonly attemptsUsed?: number
}

export const listAssignments = (classId: string, options?: RequestOptions) =>
  apiGet<Assignment[]>(apiPath('classes', classId, 'assignments'), options)

/** A published scenario's exact bytes (its SHA-256 is the one assignments name). */
export const getScenarioBytes = (id: string, version: string, options?: RequestOptions) =>
  apiGetBytes(apiPath('scenarios', id, version), options)

/** The attempt's header (spec section 5, without the events), set once on the server. */
export interface AttemptHeader {
  readonly format: string
  readonly id: string
  readonly scenario: { readonly id: string; readonly version: string; readonly sha256?: string }
  readonly learner: { readonly id: string; readonly name?: string }
  readonly mode: Mode
  readonly startedAt: string
  readonly faults: readonly string[]
}

/**
 * Events per request at most: what the outbox sends at once when events wait (a lab whose
 * network came back, an attempt made offline); live, it sends each event within moments.
 */
export const BATCH_SIZE = 100

export interface EventBatch {
  /** required on the first batch (`from` 0) */
  readonly header?: AttemptHeader
  /** the seq of the batch's first event */
  readonly from: number
  readonly events: readonly AttemptEvent[]
}

/** What the server holds of an attempt after a batch: events 0 … nextSeq − 1. */
export interface EventsAck {
  readonly nextSeq: number
  readonly ended: boolean
  /** the server's own score, once the attempt ended */
  readonly result?: Result
  readonly revision?: number
}

export const sendEvents = (
  assignmentId: string,
  attemptId: string,
  batch: EventBatch,
  options?: RequestOptions,
) =>
  apiRequest<EventsAck>(
    'POST',
    apiPath('assignments', assignmentId, 'attempts', attemptId, 'events'),
    { ...options, body: batch },
  )

/** One of the signed-in learner's attempts the server holds. */
export interface MyAttempt {
  readonly id: string
  readonly assignmentId: string
  readonly nextSeq: number
  readonly ended: boolean
  readonly result?: Result | null
  readonly revision?: number | null
}

export const listMyAttempts = (options?: RequestOptions) =>
  apiGet<MyAttempt[]>(apiPath('me', 'attempts'), options)
