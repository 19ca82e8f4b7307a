// The admin's list of staff accounts: see them, add one, remove one.
import { readJson } from '../http/body.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { callerOf } from '../http/guard.ts'
import { route } from '../http/route.ts'
import { createStaff, newStaffSchema, type StaffRole } from './users.ts'

const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)

export const staffRoutes = [
  route({
    method: 'GET',
    path: '/api/users',
    allow: ['admin'],
    scope: 'none',
    summary: 'the staff accounts',
    async handler(c) {
      const rows = await c
        .get('deps')
        .db.selectFrom('users')
        .select(['id', 'role', 'login', 'name', 'created_at'])
        .where('role', '!=', 'learner')
        .orderBy('role')
        .orderBy('login')
        .execute()
      return c.json(
        rows.map((r) => ({
          id: r.id,
          role: r.role as StaffRole,
          login: r.login ?? '',
          name: r.name,
          createdAt: r.created_at.toISOString(),
        })),
      )
    },
  }),
  route({
    method: 'POST',
    path: '/api/users',
    allow: ['admin'],
    scope: 'none',
    summary: 'add a staff account',
    async handler(c) {
      const { db, now } = c.get('deps')
      const input = await readJson(c, newStaffSchema, 10_000)
      return c.json(await createStaff(db, input, now()), 201)
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/users/:userId',
    allow: ['admin'],
    scope: 'none',
    summary: 'remove a staff account (their classes pass to the caller)',
    async handler(c) {
      const { db } = c.get('deps')
      const caller = callerOf(c)
      const userId = c.req.param('userId') ?? ''
      const user = isUuid(userId)
        ? await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst()
        : undefined
      if (!user || user.role === 'learner') throw notFound('staff account')
      if (userId === caller.id)
        throw new ApiError(
          409,
          'cannot-remove-self',
          'You cannot remove your own account; another admin can.',
        )
      // the classes they taught pass to the admin who removes them (no class is left unowned)
      const moved = await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('classes')
          .set({ instructor_id: caller.id })
          .where('instructor_id', '=', userId)
          .executeTakeFirst()
        await trx.deleteFrom('users').where('id', '=', userId).execute()
        return Number(result.numUpdatedRows)
      })
      return c.json({ removed: userId, classesMovedToYou: moved })
    },
  }),
]
