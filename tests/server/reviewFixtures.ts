// What the review tests review: the spec's worked example (conveyor-loto 1.0.0, one judgement
// "housekeeping" of 0..3) published in a class and assigned, with two learners' attempts stored
// as sync stores them (header, events in sequence) and the first one ended and scored by the
// server's own rescoreAttempt. Written straight into the database: the sync routes are tested
// in their own suite; what is tested here is the review of what they store.
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Kysely } from 'kysely'
import type { Attempt } from '../../src/core/index.ts'
import type { AttemptHeader, Database } from '../../src/server/db/schema.ts'
import { rescoreAttempt } from '../../src/server/work/score.ts'
import { ROOT } from '../helpers.ts'

export const SCENARIO_FILE = `${ROOT}tests/golden/spec-worked-example/scenario.json`
export const ATTEMPT_FILE = `${ROOT}tests/golden/spec-worked-example/attempt.json`
export const EXPECTED_FILE = `${ROOT}tests/golden/spec-worked-example/expected.json`

export const SCENARIO_BYTES = readFileSync(SCENARIO_FILE)
export const SCENARIO_SHA256 = createHash('sha256').update(SCENARIO_BYTES).digest('hex')
/** the worked example's attempt (it carries a housekeeping mark of 2 by j.chen) */
export const EXAMPLE = JSON.parse(readFileSync(ATTEMPT_FILE, 'utf8')) as Attempt

/** Publishes the worked example's scenario (once per database). */
export async function publishExample(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('scenarios')
    .values({
      id: 'conveyor-loto',
      version: '1.0.0',
      sha256: SCENARIO_SHA256,
      bytes: SCENARIO_BYTES,
      title: JSON.stringify({ en: 'Conveyor LOTO' }),
      published_by: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** An assignment of the worked example in `classId` (practice mode, open). */
export async function assignExample(db: Kysely<Database>, classId: string): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('assignments')
    .values({
      id,
      class_id: classId,
      scenario_id: 'conveyor-loto',
      scenario_version: '1.0.0',
      mode: 'practice',
      created_by: null,
    })
    .execute()
  return id
}

/**
 * Stores an attempt of `userId` on `assignmentId` with the worked example's events (the first
 * `eventCount`, all by default) and no marks; when `end`, it is ended and scored by the server
 * (revision 1). Returns its id.
 */
export async function storeAttempt(
  db: Kysely<Database>,
  options: {
    assignmentId: string
    userId: string
    learner: { id: string; name: string }
    end: boolean
    eventCount?: number
    id?: string
  },
): Promise<string> {
  const id = options.id ?? randomUUID()
  const events = EXAMPLE.events.slice(0, options.eventCount ?? EXAMPLE.events.length)
  const header: AttemptHeader = {
    format: EXAMPLE.format,
    id,
    scenario: { id: 'conveyor-loto', version: '1.0.0', sha256: SCENARIO_SHA256 },
    learner: options.learner,
    mode: 'practice',
    startedAt: EXAMPLE.startedAt!,
    faults: [],
  }
  await db
    .insertInto('attempts')
    .values({
      id,
      assignment_id: options.assignmentId,
      user_id: options.userId,
      header: JSON.stringify(header),
      next_seq: events.length,
      ended: options.end,
    })
    .execute()
  await db
    .insertInto('attempt_events')
    .values(events.map((event, seq) => ({ attempt_id: id, seq, event: JSON.stringify(event) })))
    .execute()
  if (options.end) await rescoreAttempt(db, id)
  return id
}
