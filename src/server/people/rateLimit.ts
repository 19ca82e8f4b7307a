// Counting wrong passwords and PINs in the database (table rate_limits), so that several server
// processes share the counts. Counted per account and per class, never per network address alone:
// a whole class behind one address must get in, while guessing one learner's PIN is stopped.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'

export interface Rule {
  /** how many tries a window allows */
  readonly limit: number
  readonly windowMs: number
}

const MINUTES = 60_000

/** A staff login name: 10 wrong passwords in 15 minutes. */
export const LOGIN_RULE: Rule = { limit: 10, windowMs: 15 * MINUTES }
/** One learner of one class (class code + learner ID): 5 wrong PINs in 15 minutes. */
export const LEARNER_RULE: Rule = { limit: 5, windowMs: 15 * MINUTES }
/** A class's PIN, whichever learner ID is typed: 100 wrong class PINs in 15 minutes. */
export const CLASS_PIN_RULE: Rule = { limit: 100, windowMs: 15 * MINUTES }
/** Class codes that do not exist, from one network address: 100 in 15 minutes. */
export const UNKNOWN_CODE_RULE: Rule = { limit: 100, windowMs: 15 * MINUTES }

export const rateKeys = {
  login: (login: string) => `login:${login.toLowerCase()}`,
  learner: (classId: string, learnerId: string) => `learner:${classId}:${learnerId.toLowerCase()}`,
  classPin: (classId: string) => `class-pin:${classId}`,
  unknownCode: (address: string) => `unknown-code:${address}`,
}

function tooManyTries(windowStart: Date, rule: Rule, now: Date): ApiError {
  const retryAfter = Math.max(
    1,
    Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000),
  )
  return new ApiError(
    429,
    'too-many-tries',
    `Too many wrong tries. Wait ${Math.ceil(retryAfter / 60)} minute(s), then try again, or ask your instructor.`,
    { retryAfter },
  )
}

/**
 * Counts one try against `key` before the secret is checked (so that tries sent all at once are
 * counted too), and throws 429 `too-many-tries` once the window's limit is passed. A try that
 * turns out right is given back with `refund`.
 */
export async function takeTry(
  db: Kysely<Database>,
  rule: Rule,
  key: string,
  now: Date,
): Promise<void> {
  const cutoff = new Date(now.getTime() - rule.windowMs)
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // every SET expression reads the row as it was: a window that ran out starts again now
        hits: sql<number>`CASE WHEN rate_limits.window_start <= ${cutoff} THEN 1 ELSE rate_limits.hits + 1 END`,
        window_start: sql<Date>`CASE WHEN rate_limits.window_start <= ${cutoff} THEN ${now} ELSE rate_limits.window_start END`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow()
  if (row.hits > rule.limit) throw tooManyTries(row.window_start, rule, now)
}

/** Gives back a try counted by `takeTry` that was right. */
export async function refund(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ hits: sql<number>`hits - 1` })
    .where('key', '=', key)
    .where('hits', '>', 0)
    .execute()
}

/** Throws 429 when `key` has used up its window already (without counting a try). */
export async function checkNotBlocked(
  db: Kysely<Database>,
  rule: Rule,
  key: string,
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['hits', 'window_start'])
    .where('key', '=', key)
    .executeTakeFirst()
  if (row && row.hits >= rule.limit && row.window_start.getTime() > now.getTime() - rule.windowMs)
    throw tooManyTries(row.window_start, rule, now)
}

/** Forgets the counts of `keys` (a learner deleted, a PIN reset by the instructor). */
export async function clearTries(db: Kysely<Database>, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('rate_limits').where('key', 'in', keys).execute()
}

/** Deletes windows that ran out long ago, so the table stays small. */
export async function pruneTries(db: Kysely<Database>, now: Date): Promise<void> {
  const oldest = new Date(now.getTime() - 24 * 60 * MINUTES)
  await db.deleteFrom('rate_limits').where('window_start', '<', oldest).execute()
}
