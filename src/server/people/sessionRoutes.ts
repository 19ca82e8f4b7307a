// Signing in and out: staff with login name and password, learners by joining their class, and
// the first admin through the one-time setup link. Every sign-in starts a fresh session.
import type { Context } from 'hono'
import { z } from 'zod'
import { readJson } from '../http/body.ts'
import type { AppEnv } from '../http/context.ts'
import { ApiError } from '../http/errors.ts'
import { route } from '../http/route.ts'
import { endSession, startSession } from '../http/session.ts'
import { admitLearner, joinSchema } from './join.ts'
import { limited } from './limited.ts'
import { profileOf } from './profile.ts'
import { LOGIN_RULE, rateKeys, refund, takeTry } from './rateLimit.ts'
import { hashSecret, needsRehash, verifySecret } from './secret.ts'
import { isSetupToken } from './setup.ts'
import { createStaff, hasAdmin, loginField, nameField, passwordField, SETUP_KEY } from './users.ts'

const signInSchema = z.object({
  login: z
    .string()
    .trim()
    .min(1, 'type your login name')
    .max(64)
    .transform((s) => s.toLowerCase()),
  password: z.string().min(1, 'type your password').max(200),
})

const setupSchema = z.object({
  token: z.string().min(1).max(200),
  login: loginField,
  name: nameField,
  password: passwordField,
})

/** Starts a session for `userId` and answers with who they are. */
async function signedIn(c: Context<AppEnv>, userId: string): Promise<Response> {
  await startSession(c, userId)
  return c.json({ user: await profileOf(c.get('deps').db, userId) })
}

export const sessionRoutes = [
  route({
    method: 'GET',
    path: '/api/session',
    allow: 'public',
    scope: 'none',
    summary: 'who is signed in',
    async handler(c) {
      const caller = c.get('caller')
      const user = caller ? await profileOf(c.get('deps').db, caller.id) : undefined
      return c.json({ user: user ?? null })
    },
  }),
  route({
    method: 'POST',
    path: '/api/session',
    allow: 'public',
    scope: 'none',
    summary: 'staff sign-in with login name and password',
    async handler(c) {
      const { db, now } = c.get('deps')
      const input = await readJson(c, signInSchema, 10_000)
      const key = rateKeys.login(input.login)
      await limited(c, () => takeTry(db, LOGIN_RULE, key, now()))
      const user = await db
        .selectFrom('users')
        .select(['id', 'password_hash'])
        .where('login', '=', input.login)
        .where('role', '!=', 'learner')
        .executeTakeFirst()
      // an unknown login costs the same check as a known one, and gets the same answer
      if (!(await verifySecret(input.password, user?.password_hash ?? null)) || !user)
        throw new ApiError(401, 'wrong-password', 'The login name or the password is wrong.')
      await refund(db, key)
      if (user.password_hash && needsRehash(user.password_hash))
        await db
          .updateTable('users')
          .set({ password_hash: await hashSecret(input.password) })
          .where('id', '=', user.id)
          .execute()
      return signedIn(c, user.id)
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/session',
    allow: ['admin', 'instructor', 'assessor', 'learner'],
    scope: 'none',
    summary: 'sign out',
    async handler(c) {
      await endSession(c)
      return c.json({ user: null })
    },
  }),
  route({
    method: 'POST',
    path: '/api/join',
    allow: 'public',
    scope: 'none',
    summary: 'a learner joins a class, or signs in to it again',
    async handler(c) {
      const input = await readJson(c, joinSchema, 10_000)
      const userId = await limited(c, () => admitLearner(c, input))
      return signedIn(c, userId)
    },
  }),
  route({
    method: 'GET',
    path: '/api/setup',
    allow: 'public',
    scope: 'none',
    summary: 'whether the server still needs its first admin',
    async handler(c) {
      return c.json({ needsAdmin: !(await hasAdmin(c.get('deps').db)) })
    },
  }),
  route({
    method: 'POST',
    path: '/api/setup',
    allow: 'public',
    scope: 'none',
    summary: 'the one-time setup link makes the first admin',
    async handler(c) {
      const { db, now } = c.get('deps')
      const input = await readJson(c, setupSchema, 10_000)
      const setupDone = () =>
        new ApiError(
          409,
          'setup-done',
          'This server has its administrator already; sign in instead. (A setup link works once.)',
        )
      if (await hasAdmin(db)) throw setupDone()
      const admin = await db.transaction().execute(async (trx) => {
        // the token's row stays locked until the admin is made: two uses at once make one admin
        const stored = await trx
          .selectFrom('settings')
          .select('value')
          .where('key', '=', SETUP_KEY)
          .forUpdate()
          .executeTakeFirst()
        if (!stored) throw setupDone()
        if (!isSetupToken(input.token, stored.value))
          throw new ApiError(
            403,
            'bad-setup-token',
            'This setup link is not the one the server printed at its last start. Copy the link again from the server window.',
          )
        return createStaff(trx, { ...input, role: 'admin' }, now())
      })
      return signedIn(c, admin.id)
    },
  }),
]
