// Refusals the API sends: an HTTP status, a stable code the app translates, and a plain English
// sentence that says what to fix (for the CLI, logs and anyone calling the API by hand).
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export const unauthenticated = () =>
  new ApiError(401, 'sign-in-needed', 'Sign in first: this needs a signed-in account.')
export const forbidden = (what = 'this') =>
  new ApiError(403, 'not-allowed', `Your account may not do ${what}.`)
export const notFound = (what: string) =>
  new ApiError(404, 'not-found', `There is no such ${what}.`)

/** The body of an error answer. */
export function errorBody(e: ApiError) {
  return { error: { code: e.code, message: e.message, ...(e.details ?? {}) } }
}

/** Seconds a client is told to wait (Retry-After) while the database cannot be reached. */
export const DATABASE_AWAY_RETRY_S = 5

/**
 * The answer while the database cannot be reached (stopped, restarting, the network to it cut):
 * 503 with Retry-After, so that apps wait and send again; nothing of the request was stored.
 */
export const databaseAway = () =>
  new ApiError(
    503,
    'database-away',
    `The server cannot reach its database right now; nothing was stored. Try again in ${DATABASE_AWAY_RETRY_S} seconds.`,
    { retryAfter: DATABASE_AWAY_RETRY_S },
  )
