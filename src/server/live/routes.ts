// The live class view's API: the grid of an assignment's learners (computed by the engine from
// their stored events), its Server-Sent Events stream (a `grid` on connect, then a `learner`
// update per change, resumable by Last-Event-ID), and the instructor's idle setting.
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { readJson } from '../http/body.ts'
import type { AppEnv, Deps } from '../http/context.ts'
import { ApiError } from '../http/errors.ts'
import { route } from '../http/route.ts'
import { closeDueAssignments } from '../work/close.ts'
import { param } from '../work/param.ts'
import { computeGrid, DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES } from './grid.ts'
import { learnerAttempt } from './attempt.ts'
import { headOf, hubFor, updatesAfter, type LiveSubscriber } from './hub.ts'

/** A comment line this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000
/** How long a browser waits before reconnecting a dropped stream. */
const RECONNECT_MS = 2000

const STAFF = ['admin', 'instructor', 'assessor'] as const

/** A whole number query parameter in [min, max], or undefined when absent; 400 otherwise. */
function wholeQuery(
  c: Context<AppEnv>,
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

const idleOf = (c: Context<AppEnv>) =>
  wholeQuery(c, 'idle', 1, MAX_IDLE_MINUTES, 'the minutes without an event that count as idle')

/** The id a reconnecting EventSource sends (or `lastEventId` in the query), if it is one of ours. */
function resumeId(c: Context<AppEnv>): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId')
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}

/**
 * Processes the assignment's close if it is due (as every route that reads attempts does); the
 * close publishes the learners' rows it finished (close.ts).
 */
async function closeIfDue(deps: Deps, assignmentId: string): Promise<void> {
  await closeDueAssignments(deps.db, deps.now(), { assignmentId, log: deps.log })
}

const idleSchema = z.strictObject({
  minutes: z.nullable(
    z
      .number()
      .int('minutes is a whole number')
      .min(1, 'minutes is at least 1')
      .max(MAX_IDLE_MINUTES, `minutes is at most ${MAX_IDLE_MINUTES}`),
  ),
})

export const liveRoutes = [
  route({
    method: 'GET',
    path: '/api/assignments/:assignmentId/live',
    allow: STAFF,
    scope: 'assignment',
    summary: "the live grid: each learner's latest attempt as the server's engine replays it",
    async handler(c) {
      const deps = c.get('deps')
      const assignmentId = param(c, 'assignmentId')
      const idle = idleOf(c)
      await closeIfDue(deps, assignmentId)
      const grid = await computeGrid(deps.db, assignmentId, deps.now(), idle)
      return c.json(grid)
    },
  }),
  route({
    method: 'GET',
    path: '/api/assignments/:assignmentId/live/stream',
    allow: STAFF,
    scope: 'assignment',
    summary: 'the live grid as Server-Sent Events: a grid, then a learner update per change',
    handler(c) {
      const deps = c.get('deps')
      const { db, log } = deps
      const assignmentId = param(c, 'assignmentId')
      const idle = idleOf(c)
      // the stream ends after this long (0: once the grid and the missed updates are sent); the
      // browser reconnects with the last id
      const maxSeconds = wholeQuery(c, 'maxSeconds', 0, 86_400, 'how long the stream lasts')
      const resume = resumeId(c)
      // nginx (and proxies like it) pass each event on at once instead of buffering the answer
      c.header('X-Accel-Buffering', 'no')
      return streamSSE(c, async (stream) => {
        const hub = hubFor(db)
        /** the id of the last event sent; -1 until the first one */
        let lastId = -1
        let closed = false
        let pumping = false
        let again = false
        let finish: () => void = () => undefined
        const done = new Promise<void>((resolve) => (finish = resolve))

        const sendGrid = async () => {
          await closeIfDue(deps, assignmentId)
          const head = await headOf(db, assignmentId)
          const grid = await computeGrid(db, assignmentId, deps.now(), idle)
          await stream.writeSSE({
            event: 'grid',
            id: String(head),
            retry: RECONNECT_MS,
            data: JSON.stringify(grid),
          })
          lastId = head
        }
        // sends every update after lastId, in order; a wake while it runs makes it look again
        const pump = async (): Promise<void> => {
          if (lastId < 0 || closed) return
          if (pumping) {
            again = true
            return
          }
          pumping = true
          try {
            do {
              again = false
              for (;;) {
                const updates = await updatesAfter(db, assignmentId, lastId)
                if (updates.length === 0 || closed) break
                // ids are 1, 2, 3 …: a hole means pruned rows, so the whole grid again
                if (updates[0]!.seq !== lastId + 1) {
                  await sendGrid()
                  continue
                }
                for (const u of updates) {
                  if (closed) return
                  await stream.writeSSE({
                    event: 'learner',
                    id: String(u.seq),
                    data: JSON.stringify(u.learner),
                  })
                  lastId = u.seq
                }
              }
            } while (again && !closed)
          } catch (err) {
            // the database is away: the next wake (or the listener's catch-up) tries again
            log.warn({ err, assignment: assignmentId }, 'live stream could not read updates')
          } finally {
            pumping = false
          }
        }
        const subscriber: LiveSubscriber = {
          assignmentId,
          wake: () => void pump(),
          end: () => finish(),
        }
        stream.onAbort(() => finish())
        hub.add(subscriber)
        const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS)
        const limit =
          maxSeconds !== undefined && maxSeconds > 0
            ? setTimeout(() => finish(), maxSeconds * 1000)
            : undefined
        try {
          const head = await headOf(db, assignmentId)
          const first =
            resume !== undefined && resume < head
              ? await updatesAfter(db, assignmentId, resume, 1)
              : []
          // resume only from an id this assignment gave whose next update is still kept
          if (resume !== undefined && (resume === head || first[0]?.seq === resume + 1)) {
            await stream.write(`retry: ${RECONNECT_MS}\n\n`)
            lastId = resume
          } else await sendGrid()
          await pump()
          if (maxSeconds === 0) finish()
          await done
        } catch (err) {
          log.warn({ err, assignment: assignmentId }, 'live stream failed')
          const message = 'The live view stopped on the server; it reconnects by itself.'
          await stream.writeSSE({ event: 'failed', data: JSON.stringify({ message }) })
        } finally {
          closed = true
          clearInterval(heartbeat)
          clearTimeout(limit)
          hub.remove(subscriber)
        }
      })
    },
  }),
  route({
    method: 'PUT',
    path: '/api/assignments/:assignmentId/live/idle',
    allow: ['admin', 'instructor'],
    scope: 'assignment',
    summary: 'set after how many minutes without an event a learner shows as idle',
    async handler(c) {
      const { minutes } = await readJson(c, idleSchema)
      const assignmentId = param(c, 'assignmentId')
      await c
        .get('deps')
        .db.insertInto('live_heads')
        .values({ assignment_id: assignmentId, idle_minutes: minutes })
        .onConflict((oc) => oc.column('assignment_id').doUpdateSet({ idle_minutes: minutes }))
        .execute()
      return c.json({ idleMinutes: minutes ?? DEFAULT_IDLE_MINUTES, default: minutes === null })
    },
  }),
  route({
    method: 'GET',
    path: '/api/assignments/:assignmentId/live/learners/:userId/attempt',
    allow: STAFF,
    scope: 'assignment',
    summary:
      "a learner's latest attempt on the assignment, its events from `from` on (the live 3D view)",
    async handler(c) {
      const deps = c.get('deps')
      const from = wholeQuery(c, 'from', 0, 1_000_000_000, 'the first event wanted')
      const answer = await learnerAttempt(
        deps.db,
        param(c, 'assignmentId'),
        param(c, 'userId'),
        from ?? 0,
      )
      return c.json(answer)
    },
  }),
]
