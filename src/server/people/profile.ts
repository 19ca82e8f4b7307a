// What the app is told about the signed-in person (GET /api/session and every sign-in's answer).
import type { Kysely } from 'kysely'
import type { SessionUser } from '../../api/session.ts'
import type { Database } from '../db/schema.ts'

export type { SessionUser }

/** The person `userId` as the app shows them; undefined when there is no such person. */
export async function profileOf(
  db: Kysely<Database>,
  userId: string,
): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('users')
    .leftJoin('class_learners', 'class_learners.user_id', 'users.id')
    .leftJoin('classes', 'classes.id', 'class_learners.class_id')
    .select([
      'users.id',
      'users.role',
      'users.name',
      'users.login',
      'classes.id as classId',
      'classes.code as classCode',
      'classes.name as className',
      'class_learners.learner_id as learnerId',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    ...(row.login !== null ? { login: row.login } : {}),
    ...(row.classId !== null && row.classCode !== null && row.className !== null
      ? { classId: row.classId, classCode: row.classCode, className: row.className }
      : {}),
    ...(row.learnerId !== null ? { learnerId: row.learnerId } : {}),
  }
}
