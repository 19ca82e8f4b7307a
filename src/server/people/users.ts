// Staff accounts (admin, instructor, assessor): made by the admin in the app, by the one-time
// setup link, or by `npm run -s cli -- server add-user`. All three go through createStaff.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database, Role } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { hashSecret } from './secret.ts'

export type StaffRole = Exclude<Role, 'learner'>
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'instructor', 'assessor']

/** A person's name as shown to others: 1–100 characters, no line breaks. */
export const nameField = z
  .string()
  .trim()
  .min(1, 'a name is needed')
  .max(100, 'a name has at most 100 characters')
  .regex(/^[^\p{Cc}]*$/u, 'a name has no control characters')

/** A sign-in name: 2–64 letters, digits, dots, dashes, underscores or @; stored in lower case. */
export const loginField = z
  .string()
  .trim()
  .min(2, 'a login name has at least 2 characters')
  .max(64, 'a login name has at most 64 characters')
  .regex(/^[\w.@-]+$/, 'a login name has only letters, digits, dots, dashes, underscores and @')
  .transform((s) => s.toLowerCase())

/** A new password: 8–200 characters. */
export const passwordField = z
  .string()
  .min(8, 'a password has at least 8 characters')
  .max(200, 'a password has at most 200 characters')

export const newStaffSchema = z.object({
  role: z.enum(['admin', 'instructor', 'assessor'], {
    message: 'the role is one of admin, instructor, assessor',
  }),
  login: loginField,
  name: nameField,
  password: passwordField,
})
export type NewStaff = z.infer<typeof newStaffSchema>

export interface StaffView {
  readonly id: string
  readonly role: StaffRole
  readonly login: string
  readonly name: string
  readonly createdAt: string
}

export const loginTaken = (login: string) =>
  new ApiError(409, 'login-taken', `The login name "${login}" is taken; choose another.`)

/** Makes a staff account; throws 409 `login-taken` when the login name is in use. */
export async function createStaff(
  db: Kysely<Database>,
  staff: NewStaff,
  now: Date,
): Promise<StaffView> {
  const id = randomUUID()
  const password_hash = await hashSecret(staff.password)
  const row = await db
    .insertInto('users')
    .values({
      id,
      role: staff.role,
      login: staff.login,
      name: staff.name,
      password_hash,
      created_at: now,
    })
    .onConflict((oc) => oc.column('login').doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst()
  if (!row) throw loginTaken(staff.login)
  if (staff.role === 'admin') await db.deleteFrom('settings').where('key', '=', SETUP_KEY).execute()
  return {
    id,
    role: staff.role,
    login: staff.login,
    name: staff.name,
    createdAt: row.created_at.toISOString(),
  }
}

/** settings key of the one-time setup token's hash (there while there is no admin) */
export const SETUP_KEY = 'setupTokenHash'

/** Whether the server has an admin yet. */
export async function hasAdmin(db: Kysely<Database>): Promise<boolean> {
  return !!(await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst())
}
