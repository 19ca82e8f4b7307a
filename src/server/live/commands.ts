// The instructor's live commands to an assignment's learners: a message to one learner or to the
// whole class, and "end the assignment now". Both are kept in live_messages (migration 005), never
// in an attempt: an attempt's log has one writer, the learner's app. A learner's app receives them
// on its inbox stream (Server-Sent Events, resumable by Last-Event-ID from the table, woken across
// server processes by the same NOTIFY channel as the live grid, under the key `inbox:<id>`).
//
// Ending now: the command goes to the class, and the assignment's close date becomes now + a
// grace (END_GRACE_MS). Apps that are online append `end` to their attempt themselves and send it
// within the grace, which sync accepts as before the close; when the grace is over the close is
// processed (by this process's timer, by any request touching the assignment, or by the minute
// timer), scoring the attempts that never sent `end` at their last event, as the spec says.
import { streamSSE } from 'hono/streaming'
import type { LiveMessage } from '../../api/live.ts'
import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.ts'
import { readJson } from '../http/body.ts'
import type { Deps } from '../http/context.ts'
import { ApiError } from '../http/errors.ts'
import { callerOf } from '../http/guard.ts'
import { route } from '../http/route.ts'
import { closeDueAssignments } from '../work/close.ts'
import { param } from '../work/param.ts'
import { CHANNEL, hubFor, type LiveSubscriber } from './hub.ts'
import { holdStream, maxSecondsOf, pumper, RECONNECT_MS, resumeId } from './stream.ts'

/** The longest message, in characters. */
export const MESSAGE_MAX = 500
/** How long after "end now" the assignment closes: the apps' own `end` is accepted until then. */
export const END_GRACE_MS = 30_000

/** The hub key a learner's inbox streams of an assignment wait on (NOTIFY's payload). */
export const inboxKey = (assignmentId: string) => `inbox:${assignmentId}`

interface MessageRow {
  seq: number
  kind: 'message' | 'end'
  text: string
  learner_id: string | null
  sent_at: Date
  sent_by: string | null
}

const viewOf = (r: MessageRow): LiveMessage => ({
  seq: Number(r.seq),
  kind: r.kind,
  text: r.text,
  toClass: r.learner_id === null,
  learnerId: r.learner_id,
  sentAt: new Date(r.sent_at).toISOString(),
  sentBy: r.sent_by,
})

const SELECT = sql`SELECT m.seq::float8 AS seq, m.kind, m.text, m.learner_id, m.sent_at,
                          u.name AS sent_by
                     FROM live_messages m LEFT JOIN users u ON u.id = m.sent_by`

/** The commands of `assignmentId` a learner receives (theirs and the class's) after `after`. */
export async function inboxAfter(
  db: Kysely<Database>,
  assignmentId: string,
  userId: string,
  after: number,
  limit = 200,
): Promise<LiveMessage[]> {
  const { rows } = await sql<MessageRow>`${SELECT}
    WHERE m.assignment_id = ${assignmentId} AND m.seq > ${after}
      AND (m.learner_id IS NULL OR m.learner_id = ${userId})
    ORDER BY m.seq LIMIT ${limit}`.execute(db)
  return rows.map(viewOf)
}

/** Every command of `assignmentId`, in order (the staff's list). */
export async function messagesOf(
  db: Kysely<Database>,
  assignmentId: string,
): Promise<LiveMessage[]> {
  const { rows } = await sql<MessageRow>`${SELECT}
    WHERE m.assignment_id = ${assignmentId} ORDER BY m.seq`.execute(db)
  return rows.map(viewOf)
}

/**
 * The commands a learner received while an attempt was under way: theirs and the class's, sent
 * from the attempt's start until it ended (or until now, while it is open). For the assessor.
 */
export async function messagesDuringAttempt(
  db: Kysely<Database>,
  attemptId: string,
): Promise<LiveMessage[]> {
  const { rows } = await sql<MessageRow>`${SELECT}
      JOIN attempts t ON t.assignment_id = m.assignment_id
     WHERE t.id = ${attemptId}
       AND (m.learner_id IS NULL OR m.learner_id = t.user_id)
       AND m.sent_at >= t.created_at
       AND (NOT t.ended OR m.sent_at <= t.updated_at)
     ORDER BY m.seq`.execute(db)
  return rows.map(viewOf)
}

type Command =
  | { readonly kind: 'message'; readonly text: string; readonly learnerId: string | null }
  | { readonly kind: 'end' }

/**
 * Stores a command under the assignment row's lock (numbered in commit order) and notifies every
 * process at commit; `end` also moves the close date to now + the grace (never later than it
 * was), once: an assignment ending already answers its first `end`. 409 on a closed assignment,
 * 404 on a learner not of its class.
 */
async function storeCommand(
  db: Kysely<Database>,
  assignmentId: string,
  command: Command,
  sentBy: string,
  now: Date,
): Promise<{ message: LiveMessage; closesAt: Date | null }> {
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom('assignments')
      .select(['class_id', 'closes_at', 'closed_at'])
      .where('id', '=', assignmentId)
      .forNoKeyUpdate()
      .executeTakeFirst()
    if (!assignment) throw new ApiError(404, 'not-found', 'There is no such assignment.')
    const closed =
      assignment.closed_at !== null ||
      (assignment.closes_at !== null && assignment.closes_at.getTime() <= now.getTime())
    if (closed)
      throw new ApiError(
        409,
        'assignment-closed',
        'This assignment is closed: its learners are no longer working on it.',
      )
    const learnerId = command.kind === 'message' ? command.learnerId : null
    if (learnerId !== null) {
      const member = await trx
        .selectFrom('class_learners')
        .select('user_id')
        .where('class_id', '=', assignment.class_id)
        .where('user_id', '=', learnerId)
        .executeTakeFirst()
      if (!member)
        throw new ApiError(
          404,
          'not-found',
          "There is no such learner in this assignment's class; send to one of its learners, or to the class.",
          { field: 'learnerId' },
        )
    }
    let closesAt = assignment.closes_at
    if (command.kind === 'end') {
      // ended already (its grace running): the same command, sent once
      const { rows: sent } = await sql<MessageRow>`${SELECT}
        WHERE m.assignment_id = ${assignmentId} AND m.kind = 'end' ORDER BY m.seq LIMIT 1`.execute(
        trx,
      )
      if (sent[0]) return { message: viewOf(sent[0]), closesAt }
      const end = new Date(now.getTime() + END_GRACE_MS)
      if (closesAt === null || closesAt.getTime() > end.getTime()) {
        closesAt = end
        await trx
          .updateTable('assignments')
          .set({ closes_at: end })
          .where('id', '=', assignmentId)
          .execute()
      }
    }
    const { rows } = await sql<{ seq: number }>`
      INSERT INTO live_messages (assignment_id, seq, kind, learner_id, text, sent_by, sent_at)
      SELECT ${assignmentId}, COALESCE(MAX(seq), 0) + 1, ${command.kind}, ${learnerId},
             ${command.kind === 'message' ? command.text : ''}, ${sentBy}, ${now}
        FROM live_messages WHERE assignment_id = ${assignmentId}
      RETURNING seq::float8 AS seq`.execute(trx)
    await sql`SELECT pg_notify(${CHANNEL}, ${inboxKey(assignmentId)})`.execute(trx)
    const [message] = await sql<MessageRow>`${SELECT}
      WHERE m.assignment_id = ${assignmentId} AND m.seq = ${rows[0]!.seq}`
      .execute(trx)
      .then((r) => r.rows.map(viewOf))
    return { message: message!, closesAt }
  })
}

/** How often a process looks whether an ending assignment's grace is over (its clock only). */
const GRACE_CHECK_MS = 1000
/** The assignments whose close this process waits for, by database. */
const WAITING = new WeakMap<Kysely<Database>, Set<string>>()

/**
 * Processes the close of `assignmentId` once its grace is over, in this process (its clock is
 * looked at every second; nothing is read meanwhile); the close publishes the grid. The server's
 * stop cancels it (the hub ends it): then the next request touching the assignment, or the
 * minute timer of any process, closes it.
 */
function closeAfterGrace(deps: Deps, assignmentId: string, at: Date): void {
  const waiting = WAITING.get(deps.db) ?? new Set<string>()
  WAITING.set(deps.db, waiting)
  if (waiting.has(assignmentId)) return
  waiting.add(assignmentId)
  const hub = hubFor(deps.db)
  const stop = () => {
    clearInterval(timer)
    hub.remove(waiter)
    waiting.delete(assignmentId)
  }
  const timer = setInterval(() => {
    if (deps.now().getTime() < at.getTime()) return
    stop()
    closeDueAssignments(deps.db, deps.now(), { assignmentId, log: deps.log }).catch(
      (err: unknown) => deps.log.warn({ err, assignment: assignmentId }, 'ending: close failed'),
    )
  }, GRACE_CHECK_MS)
  timer.unref()
  const waiter: LiveSubscriber = {
    assignmentId: `close:${assignmentId}`,
    wake: () => {},
    end: stop,
  }
  hub.add(waiter)
}

const messageSchema = z.strictObject({
  text: z
    .string({ message: 'text is the message, in words' })
    .trim()
    .min(1, 'the message is empty; write something to send')
    .max(MESSAGE_MAX, `a message is at most ${MESSAGE_MAX} characters`),
  learnerId: z.optional(
    z.nullable(z.uuid({ message: "learnerId is a learner's user id, or null for the class" })),
  ),
})

const STAFF = ['admin', 'instructor', 'assessor'] as const
const RUNNERS = ['admin', 'instructor'] as const

export const commandRoutes = [
  route({
    method: 'POST',
    path: '/api/assignments/:assignmentId/messages',
    allow: RUNNERS,
    scope: 'assignment',
    summary: 'send a message to one learner (learnerId) or to the whole class (no learnerId)',
    async handler(c) {
      const { db, now } = c.get('deps')
      const body = await readJson(c, messageSchema, 10_000)
      const { message } = await storeCommand(
        db,
        param(c, 'assignmentId'),
        { kind: 'message', text: body.text, learnerId: body.learnerId ?? null },
        callerOf(c).id,
        now(),
      )
      hubFor(db).wake(inboxKey(param(c, 'assignmentId')))
      return c.json(message, 201)
    },
  }),
  route({
    method: 'GET',
    path: '/api/assignments/:assignmentId/messages',
    allow: STAFF,
    scope: 'assignment',
    summary: 'the messages and commands sent to the learners of an assignment',
    async handler(c) {
      return c.json(await messagesOf(c.get('deps').db, param(c, 'assignmentId')))
    },
  }),
  route({
    method: 'POST',
    path: '/api/assignments/:assignmentId/end',
    allow: RUNNERS,
    scope: 'assignment',
    summary: `end the assignment now: the learners' apps end their attempts, it closes ${END_GRACE_MS / 1000} s later`,
    async handler(c) {
      const deps = c.get('deps')
      const assignmentId = param(c, 'assignmentId')
      // a close that was due already is processed first (then this answers 409: closed)
      await closeDueAssignments(deps.db, deps.now(), { assignmentId, log: deps.log })
      const now = deps.now()
      const { message, closesAt } = await storeCommand(
        deps.db,
        assignmentId,
        { kind: 'end' },
        callerOf(c).id,
        now,
      )
      hubFor(deps.db).wake(inboxKey(assignmentId))
      closeAfterGrace(deps, assignmentId, closesAt!)
      return c.json(
        {
          seq: message.seq,
          closesAt: closesAt!.toISOString(),
          graceSeconds: Math.round((closesAt!.getTime() - now.getTime()) / 1000),
        },
        202,
      )
    },
  }),
  route({
    method: 'GET',
    path: '/api/assignments/:assignmentId/inbox/stream',
    allow: ['learner'],
    scope: 'assignment',
    summary:
      "the learner's messages on an assignment (theirs and the class's) and the end command, as Server-Sent Events",
    handler(c) {
      const { db, log } = c.get('deps')
      const assignmentId = param(c, 'assignmentId')
      const userId = callerOf(c).id
      const maxSeconds = maxSecondsOf(c)
      const after = resumeId(c) ?? 0
      c.header('X-Accel-Buffering', 'no')
      return streamSSE(c, async (stream) => {
        let lastId = after
        // sends the learner's commands after lastId, in order
        const inbox = pumper(
          async (closed) => {
            const batch = await inboxAfter(db, assignmentId, userId, lastId)
            for (const m of batch) {
              if (closed()) return false
              await stream.writeSSE({ event: m.kind, id: String(m.seq), data: JSON.stringify(m) })
              lastId = m.seq
            }
            return batch.length > 0
          },
          (err) =>
            log.warn({ err, assignment: assignmentId }, 'inbox stream could not read messages'),
        )
        try {
          await holdStream(stream, db, inboxKey(assignmentId), maxSeconds, inbox.pump, async () => {
            await stream.write(`retry: ${RECONNECT_MS}\n\n`)
            await inbox.pump()
          })
        } finally {
          inbox.close()
        }
      })
    },
  }),
]
