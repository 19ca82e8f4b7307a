// Reading attempts back: one attempt with its stored events and the server's result (for the
// learner who made it and the staff of its class), and a learner's own attempts (the app's
// "saved on the server" and the results it shows).
import { route } from '../http/route.ts'
import { param } from './param.ts'
import { callerOf } from '../http/guard.ts'
import { notFound } from '../http/errors.ts'
import { closeDueAssignments } from './close.ts'

export const attemptRoutes = [
  route({
    method: 'GET',
    path: '/api/attempts/:attemptId',
    allow: ['admin', 'instructor', 'assessor', 'learner'],
    scope: 'attempt',
    summary: 'one attempt: its header, stored events, result and revision',
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const id = param(c, 'attemptId')
      const owner = await db
        .selectFrom('attempts')
        .select('assignment_id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!owner) throw notFound('attempt')
      await closeDueAssignments(db, now(), { assignmentId: owner.assignment_id, log })
      const row = await db
        .selectFrom('attempts')
        .leftJoin('results', 'results.attempt_id', 'attempts.id')
        .select([
          'attempts.assignment_id',
          'attempts.header',
          'attempts.judgements',
          'attempts.next_seq',
          'attempts.ended',
          'results.result',
          'results.revision',
        ])
        .where('attempts.id', '=', id)
        .executeTakeFirstOrThrow()
      const events = await db
        .selectFrom('attempt_events')
        .select('event')
        .where('attempt_id', '=', id)
        .orderBy('seq')
        .execute()
      return c.json({
        id,
        assignmentId: row.assignment_id,
        header: row.header,
        events: events.map((e) => e.event),
        nextSeq: row.next_seq,
        ended: row.ended,
        result: row.result ?? null,
        revision: row.revision ?? null,
        judgements: row.judgements,
      })
    },
  }),
  route({
    method: 'GET',
    path: '/api/me/attempts',
    allow: ['learner'],
    scope: 'none',
    summary: "the signed-in learner's own attempts, with what the server stored of each",
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const caller = callerOf(c)
      const mine = await db
        .selectFrom('class_learners')
        .select('class_id')
        .where('user_id', '=', caller.id)
        .executeTakeFirst()
      if (mine) await closeDueAssignments(db, now(), { classId: mine.class_id, log })
      const rows = await db
        .selectFrom('attempts')
        .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
        .leftJoin('results', 'results.attempt_id', 'attempts.id')
        .select([
          'attempts.id',
          'attempts.assignment_id',
          'attempts.header',
          'attempts.next_seq',
          'attempts.ended',
          'assignments.mode',
          'results.result',
          'results.revision',
        ])
        .where('attempts.user_id', '=', caller.id)
        .orderBy('attempts.created_at')
        .orderBy('attempts.id')
        .execute()
      return c.json(
        rows.map((r) => ({
          id: r.id,
          assignmentId: r.assignment_id,
          scenario: r.header.scenario,
          mode: r.mode,
          startedAt: r.header.startedAt,
          nextSeq: r.next_seq,
          ended: r.ended,
          ...(r.result !== null && r.revision !== null
            ? { result: r.result, revision: r.revision }
            : {}),
        })),
      )
    },
  }),
]
