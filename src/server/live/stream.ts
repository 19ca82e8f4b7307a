// What the live streams share (the instructor's grid, a learner's inbox): their query
// parameters, the loop that sends what is stored after the last id sent, and holding the stream
// open (subscribed to the process's hub, a heartbeat, an optional time limit).
import type { Context } from 'hono'
import type { SSEStreamingApi } from 'hono/streaming'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { hubFor, type LiveSubscriber } from './hub.ts'

/** A comment line this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000
/** How long a browser waits before reconnecting a dropped stream. */
export const RECONNECT_MS = 2000

/** A whole number query parameter in [min, max], or undefined when absent; 400 otherwise. */
export function wholeQuery(
  c: Context,
  name: string,
  min: number,
  max: number,
  what: string,
): number | undefined {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw new ApiError(
      400,
      'bad-request',
      `"${name}" is ${what}: a whole number from ${min} to ${max}.`,
      { field: name },
    )
  return n
}

/** `?maxSeconds=N`: the stream ends after N seconds (0: once it sent what it had). */
export const maxSecondsOf = (c: Context) =>
  wholeQuery(c, 'maxSeconds', 0, 86_400, 'how long the stream lasts')

/** The id a reconnecting EventSource sends (or `lastEventId` in the query), if it is one of ours. */
export function resumeId(c: Context): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId')
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}

/**
 * A loop that sends what is stored after the last id sent: `step` reads and sends one batch,
 * saying whether it sent any (`closed` tells it to stop between events). A pump while one runs
 * makes it look again; an error (the database away) goes to `failed`, and the next pump tries
 * again.
 */
export function pumper(
  step: (closed: () => boolean) => Promise<boolean>,
  failed: (err: unknown) => void,
): { pump: () => Promise<void>; close: () => void } {
  let closed = false
  let pumping = false
  let again = false
  const isClosed = () => closed
  const pump = async (): Promise<void> => {
    if (closed) return
    if (pumping) {
      again = true
      return
    }
    pumping = true
    try {
      do {
        again = false
        while (!closed && (await step(isClosed)));
      } while (again && !closed)
    } catch (err) {
      failed(err)
    } finally {
      pumping = false
    }
  }
  return { pump, close: () => void (closed = true) }
}

/**
 * Holds `stream` open: subscribed as `key` to the hub of the process using `db` (a wake calls
 * `wake`), a comment every HEARTBEAT_MS, ended after `maxSeconds` if given (0: once `start` is
 * done), by the browser going away or by the server stopping. `start` sends what comes first.
 */
export async function holdStream(
  stream: SSEStreamingApi,
  db: Kysely<Database>,
  key: string,
  maxSeconds: number | undefined,
  wake: () => void,
  start: () => Promise<void>,
): Promise<void> {
  let finish: () => void = () => undefined
  const done = new Promise<void>((resolve) => (finish = resolve))
  const subscriber: LiveSubscriber = { assignmentId: key, wake, end: () => finish() }
  stream.onAbort(() => finish())
  const hub = hubFor(db)
  hub.add(subscriber)
  const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS)
  const limit =
    maxSeconds !== undefined && maxSeconds > 0
      ? setTimeout(() => finish(), maxSeconds * 1000)
      : undefined
  try {
    await start()
    if (maxSeconds === 0) finish()
    await done
  } finally {
    clearInterval(heartbeat)
    clearTimeout(limit)
    hub.remove(subscriber)
  }
}
