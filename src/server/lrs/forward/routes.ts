// The admin's forwarding to the school's own LRS: set the receiving endpoint and its credentials
// (the secret is stored sealed under the server's secret, as the badges' signing key is, for
// sending, and never answered back), pause, remove, try again now, and
// the dashboard's figures (pending, delivered, refused, the last failure). A new endpoint gets
// every statement stored so far, in storage order: its outbox is refilled from the statements.
import type { ForwardStatus } from '../../../api/lrsForward.ts'
import type { Context } from 'hono'
import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.ts'
import { readJson } from '../../http/body.ts'
import type { AppEnv } from '../../http/context.ts'
import { ApiError } from '../../http/errors.ts'
import { callerOf } from '../../http/guard.ts'
import { route } from '../../http/route.ts'
import { seal, serverSecret } from '../../badges/secret.ts'

/** What the stored secret is sealed for (AES-GCM under the server's secret, as the badges' key). */
export const SECRET_LABEL = 'lrs-forward secret'

export async function forwardStatus(db: Kysely<Database>): Promise<ForwardStatus> {
  const row = await db.selectFrom('lrs_forward').selectAll().where('id', '=', 1).executeTakeFirst()
  const counts = await db
    .selectFrom('lrs_outbox')
    .select([
      sql<string>`count(*) FILTER (WHERE refused_status IS NULL)`.as('pending'),
      sql<string>`count(*) FILTER (WHERE refused_status IS NOT NULL)`.as('refused'),
    ])
    .executeTakeFirstOrThrow()
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null)
  return {
    configured: !!row,
    endpoint: row?.endpoint ?? null,
    username: row?.username ?? null,
    paused: row?.paused ?? false,
    pending: Number(counts.pending),
    delivered: Number(row?.delivered ?? 0),
    refused: Number(counts.refused),
    lastDeliveredAt: iso(row?.last_delivered_at),
    lastError:
      row?.last_error_at && row.last_error_message !== null
        ? {
            status: row.last_error_status,
            message: row.last_error_message,
            at: iso(row.last_error_at)!,
          }
        : null,
    failures: row?.failures ?? 0,
    nextAttemptAt: iso(row?.next_attempt_at),
  }
}

const settingsSchema = z
  .object({
    endpoint: z
      .string()
      .trim()
      .max(500)
      .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), {
        message: 'give the receiving LRS’s address, starting with https:// (or http://)',
      }),
    username: z.string().max(200),
    /** left out: keep the secret stored */
    secret: z.string().min(1).max(500).optional(),
    paused: z.boolean().optional(),
  })
  .strict()

/** The endpoint as stored: its xAPI base address, ending with / (…/statements is added). */
export function normalEndpoint(text: string): string {
  const url = new URL(text.trim())
  url.hash = ''
  url.search = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url.toString()
}

async function save(c: Context<AppEnv>): Promise<Response> {
  const { db, now, config } = c.get('deps')
  const body = await readJson(c, settingsSchema, 10_000)
  const sealed =
    body.secret === undefined
      ? undefined
      : seal(body.secret, serverSecret(config.dataDir), SECRET_LABEL)
  const endpoint = normalEndpoint(body.endpoint)
  const by = callerOf(c).id
  await db.transaction().execute(async (tx) => {
    // statements stored while this commits wait for it, so the refill below cannot miss one
    await sql`LOCK TABLE lrs_statements IN SHARE MODE`.execute(tx)
    const old = await tx
      .selectFrom('lrs_forward')
      .select(['endpoint', 'generation'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirst()
    if (!old && body.secret === undefined)
      throw new ApiError(
        400,
        'secret-needed',
        'Give the password (secret) of the receiving LRS’s credentials.',
        { field: 'secret' },
      )
    const fresh = !old || old.endpoint !== endpoint
    const common = {
      endpoint,
      username: body.username,
      ...(sealed !== undefined ? { secret: sealed } : {}),
      paused: body.paused ?? false,
      updated_by: by,
      updated_at: now(),
      // a change of settings is a reason to try again now
      failures: 0,
      next_attempt_at: null,
    }
    const restart = {
      generation: (old?.generation ?? 0) + 1,
      delivered: 0,
      last_delivered_at: null,
      last_error_status: null,
      last_error_message: null,
      last_error_at: null,
    }
    if (!old)
      await tx
        .insertInto('lrs_forward')
        .values({ id: 1, secret: sealed!, ...common, ...restart })
        .execute()
    else
      await tx
        .updateTable('lrs_forward')
        .set({ ...common, ...(fresh ? restart : {}) })
        .where('id', '=', 1)
        .execute()
    if (fresh) {
      // a new receiver gets every statement stored so far, in storage order
      await tx.deleteFrom('lrs_outbox').execute()
      await sql`INSERT INTO lrs_outbox (seq, statement_id) SELECT seq, id FROM lrs_statements`.execute(
        tx,
      )
    }
  })
  return c.json(await forwardStatus(db))
}

export const forwardRoutes = [
  route({
    method: 'GET',
    path: '/api/lrs/forward',
    allow: ['admin'],
    scope: 'none',
    summary: 'forwarding to the school’s LRS: its endpoint and what is pending, delivered, failed',
    handler: async (c) => c.json(await forwardStatus(c.get('deps').db)),
  }),
  route({
    method: 'PUT',
    path: '/api/lrs/forward',
    allow: ['admin'],
    scope: 'none',
    summary: 'set the school’s LRS to forward statements to (endpoint, credentials, paused)',
    handler: save,
  }),
  route({
    method: 'DELETE',
    path: '/api/lrs/forward',
    allow: ['admin'],
    scope: 'none',
    summary: 'stop forwarding: the endpoint, its credentials and the outbox are removed',
    async handler(c) {
      const db = c.get('deps').db
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('lrs_forward').execute()
        await tx.deleteFrom('lrs_outbox').execute()
      })
      return c.json(await forwardStatus(db))
    },
  }),
  route({
    method: 'POST',
    path: '/api/lrs/forward/retry',
    allow: ['admin'],
    scope: 'none',
    summary: 'try forwarding again now, the statements the receiver refused too',
    async handler(c) {
      const db = c.get('deps').db
      await readJson(c, z.object({}).strict(), 1_000)
      const updated = await db
        .updateTable('lrs_forward')
        .set({ failures: 0, next_attempt_at: null })
        .where('id', '=', 1)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) === 0)
        throw new ApiError(404, 'not-found', 'Forwarding is not set: give the receiving LRS first.')
      await db
        .updateTable('lrs_outbox')
        .set({ refused_status: null, refused_message: null })
        .where('refused_status', 'is not', null)
        .execute()
      return c.json(await forwardStatus(db))
    },
  }),
]
