// The guard in front of every route: who is asking (session), whether their role may call the
// route, and whether the class the path points at is one they may reach. It answers 401 to no
// sign-in, 403 to a wrong role or another class, 404 to a path naming nothing. A class-scoped
// route takes two queries: the session, then the class the path points at with whether the
// caller reaches it (every sync batch passes here).
import type { Context } from 'hono'
import { sql, type RawBuilder } from 'kysely'
import type { Caller, AppEnv } from './context.ts'
import { ApiError, forbidden, notFound, unauthenticated } from './errors.ts'
import type { Route, Scope } from './route.ts'
import { readCaller } from './session.ts'

// ids are uuids: anything else names nothing (and never reaches SQL as a uuid cast error)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Scoped = Exclude<Scope, 'none'>

/** The path parameter each scope names its target by, and what a 404 calls it. */
const TARGET: Record<Scoped, { readonly param: string; readonly noun: string }> = {
  class: { param: 'classId', noun: 'class' },
  assignment: { param: 'assignmentId', noun: 'assignment' },
  attempt: { param: 'attemptId', noun: 'attempt' },
  learner: { param: 'userId', noun: 'learner' },
}

/** The class (and, for attempts, the owner) that `id` of a `scope` points at: one row or none. */
function targetQuery(scope: Scoped, id: string): RawBuilder<unknown> {
  switch (scope) {
    case 'class':
      return sql`SELECT k.id AS class_id, NULL::uuid AS owner_id FROM classes k WHERE k.id = ${id}`
    case 'assignment':
      return sql`SELECT a.class_id, NULL::uuid AS owner_id FROM assignments a WHERE a.id = ${id}`
    case 'attempt':
      return sql`SELECT a.class_id, t.user_id AS owner_id
                   FROM attempts t JOIN assignments a ON a.id = t.assignment_id WHERE t.id = ${id}`
    case 'learner':
      return sql`SELECT l.class_id, NULL::uuid AS owner_id
                   FROM class_learners l WHERE l.user_id = ${id} LIMIT 1`
  }
}

/**
 * Whether `caller` reaches class `t.class_id`: an admin every class, an instructor the classes
 * they teach, an assessor the classes assigned to them, a learner their own class.
 */
function reachQuery(caller: Caller): RawBuilder<boolean> {
  switch (caller.role) {
    case 'admin':
      return sql<boolean>`true`
    case 'instructor':
      return sql<boolean>`EXISTS (SELECT 1 FROM classes k
                                   WHERE k.id = t.class_id AND k.instructor_id = ${caller.id})`
    case 'assessor':
      return sql<boolean>`EXISTS (SELECT 1 FROM assessor_classes x
                                   WHERE x.class_id = t.class_id AND x.assessor_id = ${caller.id})`
    case 'learner':
      return sql<boolean>`EXISTS (SELECT 1 FROM class_learners l
                                   WHERE l.class_id = t.class_id AND l.user_id = ${caller.id})`
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
  if (route.scope === 'none') return
  const { noun, param } = TARGET[route.scope]
  const id = c.req.param(param) ?? ''
  // the class the path points at and whether the caller reaches it, in one query
  const { rows } = UUID.test(id)
    ? await sql<{ class_id: string; owner_id: string | null; reach: boolean }>`
        SELECT t.class_id, t.owner_id, ${reachQuery(caller)} AS reach
          FROM (${targetQuery(route.scope, id)}) t`.execute(c.get('deps').db)
    : { rows: [] }
  const target = rows[0]
  if (!target) throw notFound(noun)
  if (!target.reach) throw forbidden('this for this class')
  if (route.scope === 'attempt' && caller.role === 'learner' && target.owner_id !== caller.id)
    throw forbidden("this with another learner's attempt")
  c.set('classId', target.class_id)
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
