// The guard in front of every route: who is asking (session), whether their role may call the
// route, and whether the class the path points at is one they may reach. It answers 401 to no
// sign-in, 403 to a wrong role or another class, 404 to a path naming nothing.
import type { Context } from 'hono'
import type { Caller, AppEnv } from './context.ts'
import { ApiError, forbidden, notFound, unauthenticated } from './errors.ts'
import type { Route } from './route.ts'
import { readCaller } from './session.ts'

/** The class a scoped path points at, and (for attempts) whose attempt it is. */
async function findClass(
  c: Context<AppEnv>,
  route: Route,
): Promise<{ classId: string; ownerId?: string } | undefined> {
  const { db } = c.get('deps')
  const param = (name: string) => c.req.param(name) ?? ''
  // ids are uuids: anything else names nothing (and never reaches SQL as a uuid cast error)
  const uuid = (value: string) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  switch (route.scope) {
    case 'none':
      return undefined
    case 'class': {
      const id = param('classId')
      const row = uuid(id)
        ? await db.selectFrom('classes').select('id').where('id', '=', id).executeTakeFirst()
        : undefined
      if (!row) throw notFound('class')
      return { classId: row.id }
    }
    case 'assignment': {
      const id = param('assignmentId')
      const row = uuid(id)
        ? await db
            .selectFrom('assignments')
            .select('class_id')
            .where('id', '=', id)
            .executeTakeFirst()
        : undefined
      if (!row) throw notFound('assignment')
      return { classId: row.class_id }
    }
    case 'attempt': {
      const id = param('attemptId')
      const row = uuid(id)
        ? await db
            .selectFrom('attempts')
            .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
            .select(['assignments.class_id', 'attempts.user_id'])
            .where('attempts.id', '=', id)
            .executeTakeFirst()
        : undefined
      if (!row) throw notFound('attempt')
      return { classId: row.class_id, ownerId: row.user_id }
    }
    case 'learner': {
      const id = param('userId')
      const row = uuid(id)
        ? await db
            .selectFrom('class_learners')
            .select('class_id')
            .where('user_id', '=', id)
            .executeTakeFirst()
        : undefined
      if (!row) throw notFound('learner')
      return { classId: row.class_id }
    }
  }
}

/** Whether `caller` may reach class `classId`. */
export async function mayReachClass(
  c: Context<AppEnv>,
  caller: Caller,
  classId: string,
): Promise<boolean> {
  const { db } = c.get('deps')
  switch (caller.role) {
    case 'admin':
      return true
    case 'instructor':
      return !!(await db
        .selectFrom('classes')
        .select('id')
        .where('id', '=', classId)
        .where('instructor_id', '=', caller.id)
        .executeTakeFirst())
    case 'assessor':
      return !!(await db
        .selectFrom('assessor_classes')
        .select('class_id')
        .where('class_id', '=', classId)
        .where('assessor_id', '=', caller.id)
        .executeTakeFirst())
    case 'learner':
      return !!(await db
        .selectFrom('class_learners')
        .select('class_id')
        .where('class_id', '=', classId)
        .where('user_id', '=', caller.id)
        .executeTakeFirst())
  }
}

/** Checks the request against the route; sets `caller` and `classId`, or throws an ApiError. */
export async function guard(c: Context<AppEnv>, route: Route): Promise<void> {
  const caller = await readCaller(c)
  c.set('caller', caller)
  c.set('classId', undefined)
  if (route.allow === 'public') return
  if (!caller) throw unauthenticated()
  if (!route.allow.includes(caller.role)) throw forbidden()
  const target = await findClass(c, route)
  if (!target) return
  if (!(await mayReachClass(c, caller, target.classId))) throw forbidden('this for this class')
  if (route.scope === 'attempt' && caller.role === 'learner' && target.ownerId !== caller.id)
    throw forbidden("this with another learner's attempt")
  c.set('classId', target.classId)
}

/** The signed-in caller of a guarded (non-public) route. */
export function callerOf(c: Context<AppEnv>): Caller {
  const caller = c.get('caller')
  if (!caller) throw unauthenticated()
  return caller
}

/** The class a class-scoped route acts on, checked by the guard. */
export function classOf(c: Context<AppEnv>): string {
  const id = c.get('classId')
  if (!id) throw new ApiError(500, 'internal', 'The route has no class scope.')
  return id
}
