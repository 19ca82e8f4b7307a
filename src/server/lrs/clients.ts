// The admin's side of the LRS: its clients (a name, a key and a secret shown once, kept as an
// scrypt hash; revoked, never deleted, so that statements keep naming who stored them) and its
// settings (the base IRI of the activities Practica's attempts become statements of).
import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import {
  ACTIVITY_BASE_WORDS,
  activityBaseProblem,
  isUuid,
  normalActivityBase,
} from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { readJson } from '../http/body.ts'
import type { AppEnv } from '../http/context.ts'
import { notFound } from '../http/errors.ts'
import { callerOf } from '../http/guard.ts'
import { route } from '../http/route.ts'
import { hashSecret } from '../people/secret.ts'
import { newCredentials } from './auth.ts'

/** settings key of the activity base IRI the admin set */
export const ACTIVITY_BASE_KEY = 'lrs.activityBase'

/** The activity base IRI the admin set; undefined while none is (attempts are not stored then). */
export async function activityBaseOf(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', ACTIVITY_BASE_KEY)
    .executeTakeFirst()
  return typeof row?.value === 'string' ? row.value : undefined
}

/** The LRS's address as the request reached the server (behind a proxy: as the proxy says). */
export function endpointOf(c: Context): string {
  const url = new URL(c.req.url)
  const host = c.req.header('x-forwarded-host')
  const proto = c.req.header('x-forwarded-proto')
  return host ? `${proto ?? 'https'}://${host}/xapi/` : `${url.origin}/xapi/`
}

const newClientSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'give the client a name (e.g. the LMS it is for)')
    .max(100, 'a client name has at most 100 characters'),
})

const activityBaseSchema = z.object({
  activityBase: z
    .string()
    .superRefine((s, ctx) => {
      const problem = activityBaseProblem(s)
      if (problem) ctx.addIssue({ code: 'custom', message: ACTIVITY_BASE_WORDS[problem] })
    })
    .transform(normalActivityBase),
})

type Admin = Context<AppEnv>

async function listClients(c: Admin) {
  const rows = await c
    .get('deps')
    .db.selectFrom('lrs_clients')
    .leftJoin('users', 'users.id', 'lrs_clients.created_by')
    .select([
      'lrs_clients.id',
      'lrs_clients.name',
      'lrs_clients.key',
      'lrs_clients.created_at',
      'lrs_clients.revoked_at',
      'users.name as createdBy',
    ])
    .orderBy('lrs_clients.created_at')
    .orderBy('lrs_clients.name')
    .execute()
  return c.json(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      key: r.key,
      createdAt: r.created_at.toISOString(),
      createdBy: r.createdBy ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
    })),
  )
}

export const lrsAdminRoutes = [
  route({
    method: 'GET',
    path: '/api/lrs/clients',
    allow: ['admin'],
    scope: 'none',
    summary: 'the LRS clients (keys, never secrets)',
    handler: listClients,
  }),
  route({
    method: 'POST',
    path: '/api/lrs/clients',
    allow: ['admin'],
    scope: 'none',
    summary: 'make an LRS client: its key and secret (the secret shown this once)',
    async handler(c) {
      const { db, now } = c.get('deps')
      const { name } = await readJson(c, newClientSchema, 10_000)
      const { key, secret } = newCredentials()
      const id = randomUUID()
      const createdAt = now()
      await db
        .insertInto('lrs_clients')
        .values({
          id,
          name,
          key,
          secret_hash: await hashSecret(secret),
          created_by: callerOf(c).id,
          created_at: createdAt,
        })
        .execute()
      return c.json(
        { id, name, key, secret, endpoint: endpointOf(c), createdAt: createdAt.toISOString() },
        201,
      )
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/lrs/clients/:clientId',
    allow: ['admin'],
    scope: 'none',
    summary: 'revoke an LRS client: its credentials stop working at once',
    async handler(c) {
      const { db, now } = c.get('deps')
      const id = c.req.param('clientId') ?? ''
      const row = isUuid(id)
        ? await db
            .updateTable('lrs_clients')
            .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now())) }))
            .where('id', '=', id)
            .returning(['id', 'revoked_at'])
            .executeTakeFirst()
        : undefined
      if (!row) throw notFound('LRS client')
      return c.json({ id: row.id, revokedAt: row.revoked_at?.toISOString() ?? null })
    },
  }),
  route({
    method: 'GET',
    path: '/api/lrs/settings',
    allow: ['admin'],
    scope: 'none',
    summary: "the LRS's address and the activity base IRI",
    async handler(c) {
      const activityBase = await activityBaseOf(c.get('deps').db)
      return c.json({ endpoint: endpointOf(c), activityBase: activityBase ?? null })
    },
  }),
  route({
    method: 'PUT',
    path: '/api/lrs/settings',
    allow: ['admin'],
    scope: 'none',
    summary: "set the activity base IRI of attempts' statements",
    async handler(c) {
      const { db } = c.get('deps')
      const { activityBase } = await readJson(c, activityBaseSchema, 10_000)
      await db
        .insertInto('settings')
        .values({ key: ACTIVITY_BASE_KEY, value: JSON.stringify(activityBase) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(activityBase) }))
        .execute()
      return c.json({ endpoint: endpointOf(c), activityBase })
    },
  }),
]
