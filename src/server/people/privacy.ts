// A learner's data on request: the admin exports everything stored about them (their credentials
// too), or deletes them with all their attempts; a retention setting deletes attempts after a
// number of days (README "People, classes and privacy": what is stored and why).
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { z } from 'zod'
import { learnerCredentials } from '../badges/export.ts'
import type { Database } from '../db/schema.ts'
import { readJson } from '../http/body.ts'
import { route } from '../http/route.ts'
import { clearTries, pruneTries, rateKeys } from './rateLimit.ts'

const DAY_MS = 86_400_000
export const RETENTION_KEY = 'retentionDays'

/** Days attempts are kept (0: for ever): the admin's setting, else the server's default. */
export async function retentionDays(db: Kysely<Database>, defaultDays: number): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', RETENTION_KEY)
    .executeTakeFirst()
  const value = row?.value
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : defaultDays
}

/**
 * Deletes the attempts (with their events, results and audit) last written more than the
 * retention setting's days before `now`, and sign-ins that ran out; returns how many attempts
 * went. `defaultDays` applies while the admin has set nothing (PRACTICA_RETENTION_DAYS).
 */
export async function applyRetention(
  db: Kysely<Database>,
  now: Date,
  defaultDays = 0,
): Promise<number> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
  await pruneTries(db, now)
  const days = await retentionDays(db, defaultDays)
  if (days === 0) return 0
  const cutoff = new Date(now.getTime() - days * DAY_MS)
  const result = await db.deleteFrom('attempts').where('updated_at', '<', cutoff).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Runs applyRetention now and then every 24 hours, until `stop`. */
export function scheduleRetention(options: {
  readonly db: Kysely<Database>
  readonly now: () => Date
  readonly defaultDays: number
  readonly log: Logger
}): { readonly stop: () => void; readonly first: Promise<void> } {
  const run = () =>
    applyRetention(options.db, options.now(), options.defaultDays).then(
      (deleted) => {
        if (deleted > 0) options.log.info({ deleted }, 'retention: old attempts deleted')
      },
      (e: unknown) => options.log.error({ err: e }, 'retention: deleting old attempts failed'),
    )
  const first = run()
  const timer = setInterval(() => void run(), DAY_MS)
  timer.unref()
  return { stop: () => clearInterval(timer), first }
}

/** Everything stored about learner `userId`, as one JSON document. */
export async function exportLearner(db: Kysely<Database>, userId: string, now: Date) {
  const person = await db
    .selectFrom('users')
    .select(['id', 'role', 'name', 'created_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  const classes = await db
    .selectFrom('class_learners')
    .innerJoin('classes', 'classes.id', 'class_learners.class_id')
    .select([
      'classes.id',
      'classes.code',
      'classes.name',
      'class_learners.learner_id',
      'class_learners.joined_at',
      'class_learners.pin_hash',
    ])
    .where('class_learners.user_id', '=', userId)
    .execute()
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
  const attempts = await attemptsOf(db, userId)
  const messages = await db
    .selectFrom('live_messages')
    .select(['assignment_id', 'kind', 'text', 'sent_at'])
    .where('learner_id', '=', userId)
    .orderBy('sent_at')
    .orderBy('seq')
    .execute()
  const credentials = await learnerCredentials(db, userId)
  return {
    format: 'practica-learner-export',
    exportedAt: now.toISOString(),
    person: {
      id: person.id,
      role: person.role,
      name: person.name,
      createdAt: person.created_at.toISOString(),
    },
    classes: classes.map((k) => ({
      classId: k.id,
      code: k.code,
      name: k.name,
      learnerId: k.learner_id,
      joinedAt: k.joined_at.toISOString(),
      hasPin: k.pin_hash !== null,
    })),
    sessions: sessions.map((s) => ({
      createdAt: s.created_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
    })),
    attempts,
    // the instructor's messages to this learner alone (those to the whole class are not theirs)
    messages: messages.map((m) => ({
      assignmentId: m.assignment_id,
      kind: m.kind,
      text: m.text,
      sentAt: m.sent_at.toISOString(),
    })),
    // each Open Badges credential as signed and issued, and whether it was revoked
    credentials,
  }
}

/**
 * Learner `userId`'s attempts, each with its events, result, judgement audit and the assessor's
 * confirmation, oldest first.
 */
async function attemptsOf(db: Kysely<Database>, userId: string) {
  const attempts = await db
    .selectFrom('attempts')
    .leftJoin('results', 'results.attempt_id', 'attempts.id')
    .leftJoin('badge_confirmations', 'badge_confirmations.attempt_id', 'attempts.id')
    .leftJoin('users as confirmer', 'confirmer.id', 'badge_confirmations.confirmed_by')
    .select([
      'attempts.id',
      'attempts.assignment_id',
      'attempts.header',
      'attempts.judgements',
      'attempts.next_seq',
      'attempts.ended',
      'attempts.created_at',
      'attempts.updated_at',
      'results.revision',
      'results.result',
      'results.scored_at',
      'badge_confirmations.confirmed_at',
      'badge_confirmations.revision as confirmed_revision',
      'confirmer.name as confirmed_by',
    ])
    .where('attempts.user_id', '=', userId)
    .orderBy('attempts.created_at')
    .execute()
  const ids = attempts.map((a) => a.id)
  const events =
    ids.length === 0
      ? []
      : await db
          .selectFrom('attempt_events')
          .select(['attempt_id', 'seq', 'event'])
          .where('attempt_id', 'in', ids)
          .orderBy('attempt_id')
          .orderBy('seq')
          .execute()
  const audit =
    ids.length === 0
      ? []
      : await db
          .selectFrom('judgement_audit')
          .leftJoin('users', 'users.id', 'judgement_audit.by_user')
          .select([
            'judgement_audit.attempt_id',
            'judgement_audit.judgement',
            'judgement_audit.old_mark',
            'judgement_audit.new_mark',
            'users.name as by',
            'judgement_audit.at',
          ])
          .where('judgement_audit.attempt_id', 'in', ids)
          .orderBy('judgement_audit.id')
          .execute()
  const byAttempt = <T extends { attempt_id: string }>(rows: readonly T[]) => {
    const groups = new Map<string, T[]>()
    for (const row of rows) {
      const group = groups.get(row.attempt_id)
      if (group) group.push(row)
      else groups.set(row.attempt_id, [row])
    }
    return (id: string) => groups.get(id) ?? []
  }
  const eventsOf = byAttempt(events)
  const auditOf = byAttempt(audit)
  return attempts.map((a) => ({
    id: a.id,
    assignmentId: a.assignment_id,
    header: a.header,
    judgements: a.judgements,
    nextSeq: a.next_seq,
    ended: a.ended,
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
    events: eventsOf(a.id).map((e) => e.event),
    result:
      a.revision === null
        ? null
        : { revision: a.revision, result: a.result, scoredAt: a.scored_at?.toISOString() },
    // the assessor's confirmation of the result (for credentials): who, when, which revision
    confirmation:
      a.confirmed_at === null
        ? null
        : { by: a.confirmed_by, at: a.confirmed_at.toISOString(), revision: a.confirmed_revision },
    audit: auditOf(a.id).map((j) => ({
      judgement: j.judgement,
      oldMark: j.old_mark,
      newMark: j.new_mark,
      by: j.by,
      at: j.at.toISOString(),
    })),
  }))
}

/** Deletes learner `userId` with their attempts, sessions and class membership, in one transaction. */
export async function deleteLearner(
  db: Kysely<Database>,
  userId: string,
): Promise<{ attempts: number }> {
  const keys: string[] = []
  const attempts = await db.transaction().execute(async (trx) => {
    const memberships = await trx
      .selectFrom('class_learners')
      .select(['class_id', 'learner_id'])
      .where('user_id', '=', userId)
      .execute()
    for (const m of memberships) keys.push(rateKeys.learner(m.class_id, m.learner_id))
    const deleted = await trx
      .deleteFrom('attempts')
      .where('user_id', '=', userId)
      .executeTakeFirst()
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await trx.deleteFrom('class_learners').where('user_id', '=', userId).execute()
    await trx.deleteFrom('users').where('id', '=', userId).execute()
    return Number(deleted.numDeletedRows)
  })
  await clearTries(db, keys)
  return { attempts }
}

const settingsSchema = z.object({
  retentionDays: z
    .number({ message: 'retentionDays is a whole number of days (0: keep for ever)' })
    .int('retentionDays is a whole number of days')
    .min(0, 'retentionDays is 0 (keep for ever) or more')
    .max(36_500, 'retentionDays is at most 36500 (100 years)'),
})

export const privacyRoutes = [
  route({
    method: 'GET',
    path: '/api/learners/:userId/export',
    allow: ['admin'],
    scope: 'learner',
    summary: 'everything stored about a learner (JSON)',
    async handler(c) {
      const { db, now } = c.get('deps')
      const data = await exportLearner(db, c.req.param('userId') ?? '', now())
      return c.json(data)
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/learners/:userId',
    allow: ['admin'],
    scope: 'learner',
    summary: 'delete a learner with all their attempts',
    async handler(c) {
      const userId = c.req.param('userId') ?? ''
      const deleted = await deleteLearner(c.get('deps').db, userId)
      return c.json({ deleted: { userId, attempts: deleted.attempts } })
    },
  }),
  route({
    method: 'GET',
    path: '/api/settings',
    allow: ['admin'],
    scope: 'none',
    summary: 'the privacy settings (retention)',
    async handler(c) {
      const { db, config } = c.get('deps')
      return c.json({ retentionDays: await retentionDays(db, config.retentionDays) })
    },
  }),
  route({
    method: 'PUT',
    path: '/api/settings',
    allow: ['admin'],
    scope: 'none',
    summary: 'change the retention (applied at once)',
    async handler(c) {
      const { db, config, now } = c.get('deps')
      const input = await readJson(c, settingsSchema, 10_000)
      const value = JSON.stringify(input.retentionDays)
      await db
        .insertInto('settings')
        .values({ key: RETENTION_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
      const deletedAttempts = await applyRetention(db, now(), config.retentionDays)
      return c.json({ retentionDays: input.retentionDays, deletedAttempts })
    },
  }),
]
