// The live class view's API: the grid of an assignment's learners (computed by the engine from
// their stored events), its Server-Sent Events stream (a `grid` on connect, then a `learner`
// update per change, resumable by Last-Event-ID), and the instructor's idle setting.
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import { readJson } from '../http/body.ts'
import type { AppEnv, Deps } from '../http/context.ts'
import { route } from '../http/route.ts'
import { closeDueAssignments } from '../work/close.ts'
import { param } from '../work/param.ts'
import { computeGrid, DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES } from './grid.ts'
import { learnerAttempt } from './attempt.ts'
import { headOf, updatesAfter } from './hub.ts'
import { holdStream, maxSecondsOf, pumper, RECONNECT_MS, resumeId, wholeQuery } from './stream.ts'

const STAFF = ['admin', 'instructor', 'assessor'] as const

const idleOf = (c: Context<AppEnv>) =>
  wholeQuery(c, 'idle', 1, MAX_IDLE_MINUTES, 'the minutes without an event that count as idle')

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
      const maxSeconds = maxSecondsOf(c)
      const resume = resumeId(c)
      // nginx (and proxies like it) pass each event on at once instead of buffering the answer
      c.header('X-Accel-Buffering', 'no')
      return streamSSE(c, async (stream) => {
        /** the id of the last event sent; -1 until the first one */
        let lastId = -1
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
        // sends every update after lastId, in order
        const updates = pumper(
          async (closed) => {
            if (lastId < 0) return false
            const next = await updatesAfter(db, assignmentId, lastId)
            if (next.length === 0) return false
            // ids are 1, 2, 3 …: a hole means pruned rows, so the whole grid again
            if (next[0]!.seq !== lastId + 1) {
              await sendGrid()
              return true
            }
            for (const u of next) {
              if (closed()) return false
              await stream.writeSSE({
                event: 'learner',
                id: String(u.seq),
                data: JSON.stringify(u.learner),
              })
              lastId = u.seq
            }
            return true
          },
          (err) =>
            log.warn({ err, assignment: assignmentId }, 'live stream could not read updates'),
        )
        try {
          await holdStream(stream, db, assignmentId, maxSeconds, updates.pump, async () => {
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
            await updates.pump()
          })
        } catch (err) {
          log.warn({ err, assignment: assignmentId }, 'live stream failed')
          const message = 'The live view stopped on the server; it reconnects by itself.'
          await stream.writeSSE({ event: 'failed', data: JSON.stringify({ message }) })
        } finally {
          updates.close()
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
