// Who is signed in, on the wire: what the server answers to GET /api/session and every sign-in
// (src/server/people/profile.ts) and the app's session store reads (src/state/classroom/).
// Types only, one declaration for both sides.

export type Role = 'admin' | 'instructor' | 'assessor' | 'learner'

/** The signed-in person as the app is told. */
export interface SessionUser {
  readonly id: string
  readonly role: Role
  readonly name: string
  /** staff only */
  readonly login?: string
  /** learners only: their class and the learner ID they joined with */
  readonly classId?: string
  readonly classCode?: string
  readonly className?: string
  readonly learnerId?: string
}
