// How a module declares its API routes. The route table (routes.ts) lists every one; the app
// mounts them behind the guard, and the authorization-matrix test walks the same table, so a
// route cannot be added without saying who may call it and on which class.
import type { Context } from 'hono'
import type { Role } from '../db/schema.ts'
import type { AppEnv } from './context.ts'

/**
 * Which class a route acts on, found from its path, checked against the caller:
 * - `class`: the `:classId` parameter;
 * - `assignment`: the class of the `:assignmentId` parameter;
 * - `attempt`: the class of the `:attemptId` parameter; a learner must own the attempt;
 * - `learner`: the class of the learner `:userId`;
 * - `none`: no class (the caller's own things, or admin-wide routes).
 * An admin reaches every class; an instructor the classes they teach; an assessor the classes
 * the admin assigned them; a learner their own class.
 */
export type Scope = 'class' | 'assignment' | 'attempt' | 'learner' | 'none'

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Hono path under the origin, starting with /api/ */
  readonly path: string
  /** `public`: anyone, signed in or not; otherwise the roles that may call it */
  readonly allow: 'public' | readonly Role[]
  readonly scope: Scope
  /** A few words for the matrix test's report and the README's API list. */
  readonly summary: string
  readonly handler: (c: Context<AppEnv>) => Response | Promise<Response>
}

/** A route (identity: it only checks the shape at compile time). */
export const route = (r: Route): Route => r
