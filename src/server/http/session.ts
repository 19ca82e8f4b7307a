// Sign-in sessions: a random token in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS);
// the database keeps only the token's SHA-256, with an expiry. A new session is made at every
// sign-in (never one the browser brought along), so a fixed session id gets an attacker nothing.
import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv, Caller } from './context.ts'

export const SESSION_COOKIE = 'practica_session'

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Whether the request came over HTTPS (directly, or through a proxy that says so). */
export function isSecureRequest(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
}

/** Starts a session for `userId`: ends the one the request brought, sets a fresh cookie. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const { db, config, now } = c.get('deps')
  await endSession(c)
  const token = randomBytes(32).toString('base64url')
  const expires = new Date(now().getTime() + config.sessionHours * 3_600_000)
  await db
    .insertInto('sessions')
    .values({ id: hashToken(token), user_id: userId, expires_at: expires })
    .execute()
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecureRequest(c),
    path: '/',
    expires,
  })
}

/** Ends the request's session (sign-out), if it has one, and clears the cookie. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE)
  if (token) {
    await c.get('deps').db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute()
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecureRequest(c) })
  }
}

/** Who the request's cookie signs in, or undefined (no cookie, unknown, or expired). */
export async function readCaller(c: Context<AppEnv>): Promise<Caller | undefined> {
  const token = getCookie(c, SESSION_COOKIE)
  if (!token) return undefined
  const { db, now } = c.get('deps')
  const id = hashToken(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.role', 'users.name', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  if (row.expires_at.getTime() <= now().getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return undefined
  }
  return { id: row.id, role: row.role, name: row.name, sessionId: id }
}
