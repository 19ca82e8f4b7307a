// The assessor's routes: a class's (or an assignment's) attempts with their stored results,
// judgement marks with their audit log, and the class's exports. Admins reach every class,
// instructors their own, assessors the classes the admin assigned them; learners none. A mark
// rescores the attempt: the live grid is told. The messages the instructor sent the learner while
// the attempt was under way are shown beside it.
import type { Context } from 'hono'
import { z } from 'zod'
import { readJson } from '../http/body.ts'
import type { AppEnv } from '../http/context.ts'
import { ApiError } from '../http/errors.ts'
import { callerOf, classOf } from '../http/guard.ts'
import { route } from '../http/route.ts'
import { EXPORT_FORMATS, type ExportFormat } from '../../core/index.ts'
import type { Role } from '../db/schema.ts'
import { closeDueAssignments } from '../work/close.ts'
import { messagesDuringAttempt } from '../live/commands.ts'
import { publishAssignment } from '../live/hub.ts'
import { exportClass } from './export.ts'
import { auditOf, setMark } from './judgements.ts'
import { listResults, type ClassResults } from './results.ts'

const REVIEWERS: readonly Role[] = ['admin', 'instructor', 'assessor']

const markSchema = z.object({
  mark: z
    .number({ message: 'the mark is a whole number, or null to clear it' })
    .int('the mark is a whole number, or null to clear it')
    .nullable(),
})

/** A path parameter the guard has already found (the scoped id) or the route's path names. */
const param = (c: Context<AppEnv>, name: string): string => c.req.param(name) ?? ''

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The answer of the results routes: what the review screen opens. */
function resultsBody(results: ClassResults) {
  return {
    scenarios: results.scenarios,
    attempts: results.attempts.map((a) => ({
      assignmentId: a.assignmentId,
      attempt: a.attempt,
      result: a.result,
      revision: a.revision,
      learnerName: a.learnerName,
      ended: a.ended,
    })),
  }
}

export const reviewRoutes = [
  route({
    method: 'GET',
    path: '/api/classes/:classId/results',
    allow: REVIEWERS,
    scope: 'class',
    summary: "a class's attempts with their results",
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const classId = classOf(c)
      await closeDueAssignments(db, now(), { classId, log })
      return c.json(resultsBody(await listResults(db, { classId })))
    },
  }),
  route({
    method: 'GET',
    path: '/api/assignments/:assignmentId/results',
    allow: REVIEWERS,
    scope: 'assignment',
    summary: "an assignment's attempts with their results",
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const assignmentId = param(c, 'assignmentId')
      await closeDueAssignments(db, now(), { assignmentId, log })
      return c.json(resultsBody(await listResults(db, { assignmentId })))
    },
  }),
  route({
    method: 'PUT',
    path: '/api/attempts/:attemptId/judgements/:judgementId',
    allow: REVIEWERS,
    scope: 'attempt',
    summary: 'mark a judgement of an attempt',
    async handler(c) {
      const deps = c.get('deps')
      const { db, now, log } = deps
      const { mark } = await readJson(c, markSchema, 1_000)
      await closeDueAssignments(db, now(), { classId: classOf(c), log })
      const attemptId = param(c, 'attemptId')
      const outcome = await setMark(db, attemptId, param(c, 'judgementId'), mark, callerOf(c), now)
      // the new score on the live grid of the attempt's assignment
      const owner = await db
        .selectFrom('attempts')
        .select('assignment_id')
        .where('id', '=', attemptId)
        .executeTakeFirst()
      if (owner) await publishAssignment(deps, owner.assignment_id)
      return c.json(outcome)
    },
  }),
  route({
    method: 'GET',
    path: '/api/attempts/:attemptId/audit',
    allow: REVIEWERS,
    scope: 'attempt',
    summary: "the changes to an attempt's judgement marks",
    async handler(c) {
      return c.json(await auditOf(c.get('deps').db, param(c, 'attemptId')))
    },
  }),
  route({
    method: 'GET',
    path: '/api/attempts/:attemptId/messages',
    allow: REVIEWERS,
    scope: 'attempt',
    summary: 'the messages the instructor sent the learner while the attempt was under way',
    async handler(c) {
      return c.json(await messagesDuringAttempt(c.get('deps').db, param(c, 'attemptId')))
    },
  }),
  route({
    method: 'GET',
    path: '/api/classes/:classId/export',
    allow: REVIEWERS,
    scope: 'class',
    summary: "a class's (or assignment's) export: csv, xapi, json or moodle",
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const classId = classOf(c)
      const format = c.req.query('format')
      if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
        throw new ApiError(
          400,
          'bad-format',
          `Say which export with ?format= one of ${EXPORT_FORMATS.join(', ')}.`,
        )
      const assignmentId = c.req.query('assignment')
      if (assignmentId !== undefined && !UUID.test(assignmentId))
        throw new ApiError(404, 'not-found', 'There is no such assignment in this class.')
      await closeDueAssignments(db, now(), { classId, log })
      const file = await exportClass(db, {
        classId,
        assignmentId,
        format: format as ExportFormat,
      })
      return c.body(file.text, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '-')}"`,
      })
    },
  }),
]
