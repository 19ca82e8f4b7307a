// A learner joins a class (or signs in again) with the class code, their learner ID and name, the
// class PIN when the class has one, and their own PIN when the class requires learner PINs.
//
// A learner-PIN class: the first join of a learner ID makes the learner (so the instructor sees
// them in the class) but does not sign them in: the answer is `learner-pin-needed`. The instructor
// makes the learner's PIN (POST /api/learners/:userId/pin) and hands it to them in the room;
// from then on that PIN signs them in. So a classmate who types someone else's ID gets nothing.
import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppEnv } from '../http/context.ts'
import { ApiError } from '../http/errors.ts'
import {
  checkNotBlocked,
  CLASS_PIN_RULE,
  LEARNER_RULE,
  rateKeys,
  refund,
  takeTry,
  UNKNOWN_CODE_RULE,
} from './rateLimit.ts'
import { verifySecret } from './secret.ts'
import { nameField } from './users.ts'

/** Letters and digits of class codes: none that read alike (no 0/O, 1/I). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const CODE_LENGTH = 6

/** A class code as typed: case, spaces and dashes do not matter. */
export const codeField = z
  .string()
  .max(40, 'a class code has 6 letters and digits')
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().min(1, 'type the class code'))

/** A learner ID as the school gave it: 1–64 characters; matched without regard to case. */
export const learnerIdField = z
  .string()
  .trim()
  .min(1, 'type your learner ID')
  .max(64, 'a learner ID has at most 64 characters')
  .regex(/^[^\p{Cc}]*$/u, 'a learner ID has no control characters')

const pinInput = z.string().trim().max(64, 'a PIN has at most 64 characters').optional()

export const joinSchema = z.object({
  code: codeField,
  learnerId: learnerIdField,
  name: nameField,
  classPin: pinInput,
  learnerPin: pinInput,
})

const wrongClassPin = (missing: boolean) =>
  new ApiError(
    401,
    'wrong-class-pin',
    missing
      ? 'This class has a class PIN: type the PIN your instructor gave the class.'
      : 'The class PIN is wrong. Check it with your instructor.',
    { missing },
  )
const wrongLearnerPin = (missing: boolean) =>
  new ApiError(
    401,
    'wrong-learner-pin',
    missing
      ? 'This class needs your own PIN: type the PIN your instructor gave you.'
      : 'Your PIN is wrong. Check it, or ask your instructor for a new one.',
    { missing },
  )
const learnerPinNeeded = () =>
  new ApiError(
    403,
    'learner-pin-needed',
    'This class needs a PIN for each learner, and you have none yet. Ask your instructor for your PIN, then join again.',
  )

function addressOf(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Checks a join; returns the learner's user id to sign in, or throws the refusal. */
export async function admitLearner(
  c: Context<AppEnv>,
  input: z.infer<typeof joinSchema>,
): Promise<string> {
  const { db, now } = c.get('deps')
  const at = now()
  const address = addressOf(c)
  // looking for codes that exist is limited per address; a known code never counts against it
  await checkNotBlocked(db, UNKNOWN_CODE_RULE, rateKeys.unknownCode(address), at)
  const klass = await db
    .selectFrom('classes')
    .select(['id', 'pin_hash', 'learner_pins'])
    .where('code', '=', input.code)
    .executeTakeFirst()
  if (!klass) {
    await takeTry(db, UNKNOWN_CODE_RULE, rateKeys.unknownCode(address), at)
    throw new ApiError(
      404,
      'unknown-class',
      'There is no class with this code. Check the code your instructor gave you.',
    )
  }
  const learnerKey = rateKeys.learner(klass.id, input.learnerId)
  const existing = () =>
    db
      .selectFrom('class_learners')
      .select(['user_id', 'pin_hash'])
      .where('class_id', '=', klass.id)
      .where(sql<string>`lower(learner_id)`, '=', input.learnerId.toLowerCase())
      .executeTakeFirst()

  if (klass.pin_hash !== null) {
    if (!input.classPin) throw wrongClassPin(true)
    await takeTry(db, LEARNER_RULE, learnerKey, at)
    await takeTry(db, CLASS_PIN_RULE, rateKeys.classPin(klass.id), at)
    if (!(await verifySecret(input.classPin, klass.pin_hash))) throw wrongClassPin(false)
    await refund(db, rateKeys.classPin(klass.id))
    await refund(db, learnerKey)
  }

  const learner = (await existing()) ?? (await addLearner(c, klass.id, input))
  if (!klass.learner_pins) return learner.user_id
  if (learner.pin_hash === null) throw learnerPinNeeded()
  if (!input.learnerPin) throw wrongLearnerPin(true)
  await takeTry(db, LEARNER_RULE, learnerKey, at)
  if (!(await verifySecret(input.learnerPin, learner.pin_hash))) throw wrongLearnerPin(false)
  await refund(db, learnerKey)
  return learner.user_id
}

/** Makes the learner of a first join: a person (role learner) in the class. */
async function addLearner(
  c: Context<AppEnv>,
  classId: string,
  input: z.infer<typeof joinSchema>,
): Promise<{ user_id: string; pin_hash: string | null }> {
  const { db, now } = c.get('deps')
  const userId = randomUUID()
  const added = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id: userId,
        role: 'learner',
        login: null,
        name: input.name,
        password_hash: null,
        created_at: now(),
      })
      .execute()
    const row = await trx
      .insertInto('class_learners')
      .values({
        class_id: classId,
        user_id: userId,
        learner_id: input.learnerId,
        pin_hash: null,
        joined_at: now(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning(['user_id', 'pin_hash'])
      .executeTakeFirst()
    // the same learner ID joined at the same moment: keep theirs, drop this person
    if (!row) await trx.deleteFrom('users').where('id', '=', userId).execute()
    return row
  })
  if (added) return added
  const other = await db
    .selectFrom('class_learners')
    .select(['user_id', 'pin_hash'])
    .where('class_id', '=', classId)
    .where(sql<string>`lower(learner_id)`, '=', input.learnerId.toLowerCase())
    .executeTakeFirstOrThrow()
  return other
}
