// Classes: an instructor's group of learners, joined with a short code. The instructor may set a
// class PIN and may require a PIN for each learner; the admin assigns assessors to classes.
import { randomInt, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.ts'
import { readJson } from '../http/body.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { callerOf, classOf } from '../http/guard.ts'
import { route } from '../http/route.ts'
import { CODE_ALPHABET, CODE_LENGTH } from './join.ts'
import { clearTries, rateKeys } from './rateLimit.ts'
import { hashSecret } from './secret.ts'
import { nameField } from './users.ts'

/** A class PIN the instructor chooses: 4–32 characters. */
const classPinField = z
  .string()
  .trim()
  .min(4, 'a class PIN has at least 4 characters')
  .max(32, 'a class PIN has at most 32 characters')

const newClassSchema = z.object({
  name: nameField,
  pin: classPinField.optional(),
  learnerPins: z.boolean().optional(),
})

const classChangeSchema = z.object({
  name: nameField.optional(),
  pin: classPinField.nullable().optional(),
  learnerPins: z.boolean().optional(),
})

/** A new random class code: 6 characters of CODE_ALPHABET. */
export function newClassCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** A new random learner PIN: 6 digits. */
export function newLearnerPin(): string {
  return String(randomInt(1_000_000)).padStart(6, '0')
}

const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)

/** A class as its instructor, the admin and its assessors see it. */
export async function classDetail(db: Kysely<Database>, classId: string) {
  const klass = await db
    .selectFrom('classes')
    .innerJoin('users', 'users.id', 'classes.instructor_id')
    .select([
      'classes.id',
      'classes.code',
      'classes.name',
      'classes.pin_hash',
      'classes.learner_pins',
      'classes.created_at',
      'users.id as instructorId',
      'users.name as instructorName',
    ])
    .where('classes.id', '=', classId)
    .executeTakeFirst()
  if (!klass) throw notFound('class')
  const learners = await db
    .selectFrom('class_learners')
    .innerJoin('users', 'users.id', 'class_learners.user_id')
    .select([
      'class_learners.user_id',
      'class_learners.learner_id',
      'users.name',
      'class_learners.pin_hash',
      'class_learners.joined_at',
    ])
    .where('class_learners.class_id', '=', classId)
    .orderBy('class_learners.learner_id')
    .execute()
  const assessors = await db
    .selectFrom('assessor_classes')
    .innerJoin('users', 'users.id', 'assessor_classes.assessor_id')
    .select(['users.id', 'users.name', 'users.login'])
    .where('assessor_classes.class_id', '=', classId)
    .orderBy('users.name')
    .execute()
  return {
    id: klass.id,
    code: klass.code,
    name: klass.name,
    hasPin: klass.pin_hash !== null,
    learnerPins: klass.learner_pins,
    instructor: { id: klass.instructorId, name: klass.instructorName },
    createdAt: klass.created_at.toISOString(),
    learners: learners.map((l) => ({
      userId: l.user_id,
      learnerId: l.learner_id,
      name: l.name,
      hasPin: l.pin_hash !== null,
      joinedAt: l.joined_at.toISOString(),
    })),
    assessors: assessors.map((a) => ({ id: a.id, name: a.name, login: a.login })),
  }
}

async function assessorList(db: Kysely<Database>, classId: string) {
  return (await classDetail(db, classId)).assessors
}

export const classRoutes = [
  route({
    method: 'POST',
    path: '/api/classes',
    allow: ['admin', 'instructor'],
    scope: 'none',
    summary: 'make a class (the caller teaches it)',
    async handler(c) {
      const { db, now } = c.get('deps')
      const caller = callerOf(c)
      const input = await readJson(c, newClassSchema, 10_000)
      const pin_hash = input.pin ? await hashSecret(input.pin) : null
      const id = randomUUID()
      // a code already in use is drawn again (32^6 codes: a clash is rare)
      for (let tries = 0; tries < 20; tries++) {
        const code = newClassCode()
        const row = await db
          .insertInto('classes')
          .values({
            id,
            code,
            name: input.name,
            instructor_id: caller.id,
            pin_hash,
            learner_pins: input.learnerPins ?? false,
            created_at: now(),
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .returning(['id', 'code', 'name'])
          .executeTakeFirst()
        if (row) return c.json(row, 201)
      }
      throw new ApiError(503, 'no-free-code', 'No free class code was found; try again.')
    },
  }),
  route({
    method: 'GET',
    path: '/api/classes',
    allow: ['admin', 'instructor', 'assessor'],
    scope: 'none',
    summary: 'the classes the caller reaches',
    async handler(c) {
      const { db } = c.get('deps')
      const caller = callerOf(c)
      let query = db
        .selectFrom('classes')
        .innerJoin('users', 'users.id', 'classes.instructor_id')
        .select((eb) => [
          'classes.id',
          'classes.code',
          'classes.name',
          'classes.pin_hash',
          'classes.learner_pins',
          'classes.created_at',
          'users.id as instructorId',
          'users.name as instructorName',
          eb
            .selectFrom('class_learners')
            .select(eb.fn.countAll<string>().as('n'))
            .whereRef('class_learners.class_id', '=', 'classes.id')
            .as('learnerCount'),
        ])
      if (caller.role === 'instructor') query = query.where('classes.instructor_id', '=', caller.id)
      if (caller.role === 'assessor')
        query = query.where('classes.id', 'in', (eb) =>
          eb.selectFrom('assessor_classes').select('class_id').where('assessor_id', '=', caller.id),
        )
      const rows = await query.orderBy('classes.name').orderBy('classes.code').execute()
      return c.json(
        rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          hasPin: r.pin_hash !== null,
          learnerPins: r.learner_pins,
          instructor: { id: r.instructorId, name: r.instructorName },
          learnerCount: Number(r.learnerCount ?? 0),
          createdAt: r.created_at.toISOString(),
        })),
      )
    },
  }),
  route({
    method: 'GET',
    path: '/api/classes/:classId',
    allow: ['admin', 'instructor', 'assessor'],
    scope: 'class',
    summary: 'a class with its learners and assessors',
    async handler(c) {
      return c.json(await classDetail(c.get('deps').db, classOf(c)))
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/classes/:classId',
    allow: ['admin', 'instructor'],
    scope: 'class',
    summary: "change a class's name, class PIN or learner-PIN rule",
    async handler(c) {
      const { db } = c.get('deps')
      const classId = classOf(c)
      const input = await readJson(c, classChangeSchema, 10_000)
      const change: { name?: string; pin_hash?: string | null; learner_pins?: boolean } = {}
      if (input.name !== undefined) change.name = input.name
      if (input.pin !== undefined) change.pin_hash = input.pin ? await hashSecret(input.pin) : null
      if (input.learnerPins !== undefined) change.learner_pins = input.learnerPins
      if (Object.keys(change).length > 0)
        await db.updateTable('classes').set(change).where('id', '=', classId).execute()
      return c.json(await classDetail(db, classId))
    },
  }),
  route({
    method: 'PUT',
    path: '/api/classes/:classId/assessors/:assessorId',
    allow: ['admin'],
    scope: 'class',
    summary: 'let an assessor review a class',
    async handler(c) {
      const { db } = c.get('deps')
      const classId = classOf(c)
      const assessorId = c.req.param('assessorId') ?? ''
      const person = isUuid(assessorId)
        ? await db
            .selectFrom('users')
            .select('role')
            .where('id', '=', assessorId)
            .executeTakeFirst()
        : undefined
      if (!person) throw notFound('assessor')
      if (person.role !== 'assessor')
        throw new ApiError(
          409,
          'not-an-assessor',
          'Only an assessor account can be assigned to a class; this account has another role.',
        )
      await db
        .insertInto('assessor_classes')
        .values({ assessor_id: assessorId, class_id: classId })
        .onConflict((oc) => oc.columns(['assessor_id', 'class_id']).doNothing())
        .execute()
      return c.json({ assessors: await assessorList(db, classId) })
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/classes/:classId/assessors/:assessorId',
    allow: ['admin'],
    scope: 'class',
    summary: "take a class from an assessor's reach",
    async handler(c) {
      const { db } = c.get('deps')
      const classId = classOf(c)
      const assessorId = c.req.param('assessorId') ?? ''
      const removed = isUuid(assessorId)
        ? await db
            .deleteFrom('assessor_classes')
            .where('class_id', '=', classId)
            .where('assessor_id', '=', assessorId)
            .executeTakeFirst()
        : undefined
      if (!removed || removed.numDeletedRows === 0n) throw notFound('assessor of this class')
      return c.json({ assessors: await assessorList(db, classId) })
    },
  }),
  route({
    method: 'POST',
    path: '/api/learners/:userId/pin',
    allow: ['admin', 'instructor'],
    scope: 'learner',
    summary: "make a learner's new PIN (shown once)",
    async handler(c) {
      const { db } = c.get('deps')
      const userId = c.req.param('userId') ?? ''
      const pin = newLearnerPin()
      const pin_hash = await hashSecret(pin)
      const row = await db
        .updateTable('class_learners')
        .set({ pin_hash })
        .where('user_id', '=', userId)
        .returning(['class_id', 'learner_id'])
        .executeTakeFirstOrThrow()
      // whoever is signed in as this learner now (perhaps with the PIN that leaked) is signed out
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
      await clearTries(db, [rateKeys.learner(row.class_id, row.learner_id)])
      return c.json({ pin })
    },
  }),
]
