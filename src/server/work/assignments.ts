// Assignments: a published scenario@version given to a class, in one mode, with optional open and
// close dates and a number of attempts allowed. Learners list their class's assignments with the
// attempts they used.
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import type { AssignmentsTable, Database } from '../db/schema.ts'
import { readJson } from '../http/body.ts'
import { callerOf, classOf } from '../http/guard.ts'
import { ApiError } from '../http/errors.ts'
import { route } from '../http/route.ts'
import { param } from './param.ts'
import { closeAssignment, closeDueAssignments } from './close.ts'

const dateField = z.iso.datetime({ offset: true, message: 'a date is an ISO date-time' })
const modeField = z.enum(['practice', 'assessment'], {
  message: 'the mode is practice or assessment',
})
const maxAttemptsField = z
  .number()
  .int('the number of attempts is a whole number')
  .min(1, 'at least one attempt is allowed')
  .max(1000, 'at most 1000 attempts can be allowed')

const newAssignment = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  version: z.string().min(1).max(100),
  mode: modeField,
  opensAt: z.optional(z.nullable(dateField)),
  closesAt: z.optional(z.nullable(dateField)),
  maxAttempts: z.optional(z.nullable(maxAttemptsField)),
})

const assignmentChange = z.strictObject({
  mode: z.optional(modeField),
  opensAt: z.optional(z.nullable(dateField)),
  closesAt: z.optional(z.nullable(dateField)),
  maxAttempts: z.optional(z.nullable(maxAttemptsField)),
})

export interface AssignmentView {
  readonly id: string
  readonly classId: string
  readonly scenario: {
    readonly id: string
    readonly version: string
    readonly sha256: string
    readonly title: Record<string, string>
  }
  readonly mode: 'practice' | 'assessment'
  readonly opensAt: string | null
  readonly closesAt: string | null
  readonly maxAttempts: number | null
  readonly closedAt: string | null
  /** learners only: their attempts on it so far */
  readonly attemptsUsed?: number
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString())

/** The assignments of a class (or one assignment), as the API shows them. */
export async function assignmentViews(
  db: Kysely<Database>,
  where: { classId?: string; assignmentId?: string },
  learnerId?: string,
): Promise<AssignmentView[]> {
  let query = db
    .selectFrom('assignments')
    .innerJoin('scenarios', (join) =>
      join
        .onRef('scenarios.id', '=', 'assignments.scenario_id')
        .onRef('scenarios.version', '=', 'assignments.scenario_version'),
    )
    .selectAll('assignments')
    .select(['scenarios.sha256', 'scenarios.title'])
    .orderBy('assignments.created_at')
    .orderBy('assignments.id')
  if (where.classId) query = query.where('assignments.class_id', '=', where.classId)
  if (where.assignmentId) query = query.where('assignments.id', '=', where.assignmentId)
  const rows = await query.execute()
  const used = new Map<string, number>()
  if (learnerId && rows.length > 0) {
    const counts = await db
      .selectFrom('attempts')
      .select(['assignment_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('user_id', '=', learnerId)
      .where(
        'assignment_id',
        'in',
        rows.map((r) => r.id),
      )
      .groupBy('assignment_id')
      .execute()
    for (const c of counts) used.set(c.assignment_id, Number(c.n))
  }
  return rows.map((r) => ({
    ...view(r, { sha256: r.sha256, title: r.title }),
    ...(learnerId ? { attemptsUsed: used.get(r.id) ?? 0 } : {}),
  }))
}

function view(
  r: Selectable<AssignmentsTable>,
  scenario: { sha256: string; title: Record<string, string> },
): AssignmentView {
  return {
    id: r.id,
    classId: r.class_id,
    scenario: { id: r.scenario_id, version: r.scenario_version, ...scenario },
    mode: r.mode,
    opensAt: iso(r.opens_at),
    closesAt: iso(r.closes_at),
    maxAttempts: r.max_attempts,
    closedAt: iso(r.closed_at),
  }
}

function checkDates(opensAt: string | null | undefined, closesAt: string | null | undefined) {
  if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt))
    throw new ApiError(
      400,
      'bad-dates',
      'The close date must come after the open date; change one of them.',
      { field: 'closesAt' },
    )
}

async function oneView(db: Kysely<Database>, assignmentId: string): Promise<AssignmentView> {
  const [one] = await assignmentViews(db, { assignmentId })
  if (!one) throw new ApiError(404, 'not-found', 'There is no such assignment.')
  return one
}

export const assignmentRoutes = [
  route({
    method: 'POST',
    path: '/api/classes/:classId/assignments',
    allow: ['admin', 'instructor'],
    scope: 'class',
    summary: 'assign a published scenario version to the class',
    async handler(c) {
      const { db, now } = c.get('deps')
      const body = await readJson(c, newAssignment)
      checkDates(body.opensAt, body.closesAt)
      const scenario = await db
        .selectFrom('scenarios')
        .select('sha256')
        .where('id', '=', body.scenarioId)
        .where('version', '=', body.version)
        .executeTakeFirst()
      if (!scenario)
        throw new ApiError(
          404,
          'unknown-scenario',
          `No version ${body.version} of scenario "${body.scenarioId}" is published; publish it first.`,
        )
      const id = randomUUID()
      await db
        .insertInto('assignments')
        .values({
          id,
          class_id: classOf(c),
          scenario_id: body.scenarioId,
          scenario_version: body.version,
          mode: body.mode,
          opens_at: body.opensAt ?? null,
          closes_at: body.closesAt ?? null,
          max_attempts: body.maxAttempts ?? null,
          created_by: callerOf(c).id,
          created_at: now(),
        })
        .execute()
      return c.json(await oneView(db, id), 201)
    },
  }),
  route({
    method: 'GET',
    path: '/api/classes/:classId/assignments',
    allow: ['admin', 'instructor', 'assessor', 'learner'],
    scope: 'class',
    summary: "the class's assignments (a learner: with the attempts they used)",
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const caller = callerOf(c)
      const classId = classOf(c)
      await closeDueAssignments(db, now(), { classId, log })
      return c.json(
        await assignmentViews(db, { classId }, caller.role === 'learner' ? caller.id : undefined),
      )
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/assignments/:assignmentId',
    allow: ['admin', 'instructor'],
    scope: 'assignment',
    summary: "change an assignment's mode (before any attempt), dates or attempts allowed",
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const id = param(c, 'assignmentId')
      const body = await readJson(c, assignmentChange)
      await closeDueAssignments(db, now(), { assignmentId: id, log })
      const row = await db
        .selectFrom('assignments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      if (row.closed_at)
        throw new ApiError(
          409,
          'assignment-closed',
          'This assignment is closed and its unfinished attempts were scored; assign the scenario again instead.',
        )
      checkDates(
        body.opensAt === undefined ? iso(row.opens_at) : body.opensAt,
        body.closesAt === undefined ? iso(row.closes_at) : body.closesAt,
      )
      if (body.mode !== undefined && body.mode !== row.mode) {
        const started = await db
          .selectFrom('attempts')
          .select('id')
          .where('assignment_id', '=', id)
          .executeTakeFirst()
        if (started)
          throw new ApiError(
            409,
            'has-attempts',
            'Learners have started this assignment, so its mode cannot change; assign the scenario again in the other mode.',
          )
      }
      const change = {
        ...(body.mode !== undefined ? { mode: body.mode } : {}),
        ...(body.opensAt !== undefined ? { opens_at: body.opensAt } : {}),
        ...(body.closesAt !== undefined ? { closes_at: body.closesAt } : {}),
        ...(body.maxAttempts !== undefined ? { max_attempts: body.maxAttempts } : {}),
      }
      if (Object.keys(change).length > 0)
        await db.updateTable('assignments').set(change).where('id', '=', id).execute()
      await closeDueAssignments(db, now(), { assignmentId: id, log })
      return c.json(await oneView(db, id))
    },
  }),
  route({
    method: 'POST',
    path: '/api/assignments/:assignmentId/close',
    allow: ['admin', 'instructor'],
    scope: 'assignment',
    summary: 'close an assignment now: unfinished attempts are scored at their last event',
    async handler(c) {
      const { db, now, log } = c.get('deps')
      const id = param(c, 'assignmentId')
      await closeAssignment(db, id, now(), { force: true, log })
      return c.json(await oneView(db, id))
    },
  }),
]
