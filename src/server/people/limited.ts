// A 429 answer carries Retry-After (seconds), so that the app and scripts know when to try again.
import type { Context } from 'hono'
import { ApiError } from '../http/errors.ts'

/** Runs `work`; a too-many-tries refusal from it gets its Retry-After header on the way out. */
export async function limited<T>(c: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof ApiError && e.status === 429)
      c.header('Retry-After', String(e.details?.['retryAfter'] ?? 60))
    throw e
  }
}
