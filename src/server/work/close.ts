// Closing an assignment: once its close date has passed (noticed by any request that touches it,
// and by a timer every minute) or when the instructor closes it, every attempt without an `end`
// is scored as the spec says (it ends at its last event) and the close is recorded. An attempt
// closed this way takes no more events. Every close publishes the assignment's learners' rows to
// the live grid (their scores), whoever processed it.
import type { Kysely } from 'kysely'
import pino, { type Logger } from 'pino'
import type { Database } from '../db/schema.ts'
import { publishAssignment } from '../live/hub.ts'
import { rescoreAttempt, ScoringError } from './score.ts'

/**
 * Processes the close of assignment `assignmentId` if it is due at `now` (or `force`): scores
 * each of its unfinished attempts at its last event, marks them finished, sets `closed_at`. One
 * transaction; the assignment row is locked, so two closes at once do the work once. Returns
 * whether this call closed it; then, after the commit, the live grid is told (never failing).
 */
export async function closeAssignment(
  db: Kysely<Database>,
  assignmentId: string,
  now: Date,
  options: { force?: boolean; log?: Logger } = {},
): Promise<boolean> {
  const closed = await closeIn(db, assignmentId, now, options)
  if (closed)
    await publishAssignment({ db, now: () => now, log: options.log ?? QUIET }, assignmentId)
  return closed
}

const QUIET = pino({ level: 'silent' })

function closeIn(
  db: Kysely<Database>,
  assignmentId: string,
  now: Date,
  options: { force?: boolean; log?: Logger },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('assignments')
      .select(['closes_at', 'closed_at'])
      .where('id', '=', assignmentId)
      .forNoKeyUpdate()
      .executeTakeFirst()
    if (!row || row.closed_at) return false
    const due = row.closes_at !== null && row.closes_at.getTime() <= now.getTime()
    if (!due && !options.force) return false
    if (!due)
      await trx
        .updateTable('assignments')
        .set({ closes_at: now })
        .where('id', '=', assignmentId)
        .execute()
    const open = await trx
      .selectFrom('attempts')
      .select('id')
      .where('assignment_id', '=', assignmentId)
      .where('ended', '=', false)
      .execute()
    for (const { id } of open) {
      try {
        await rescoreAttempt(trx, id, now)
      } catch (e) {
        // a scenario mistake met while running it: the attempt stays unscored, the close goes on
        if (!(e instanceof ScoringError)) throw e
        options.log?.warn({ attempt: id, problems: e.problems }, 'attempt cannot be scored')
      }
      await trx
        .updateTable('attempts')
        .set({ ended: true, updated_at: now })
        .where('id', '=', id)
        .execute()
    }
    await trx
      .updateTable('assignments')
      .set({ closed_at: now })
      .where('id', '=', assignmentId)
      .execute()
    return true
  })
}

/**
 * Processes every close that is due at `now`, of one class's assignments or of all; returns how
 * many it closed. Routes that read assignments, attempts or results call it first, so a close
 * date is honoured even between the timer's runs.
 */
export async function closeDueAssignments(
  db: Kysely<Database>,
  now: Date,
  options: { classId?: string | undefined; assignmentId?: string | undefined; log?: Logger } = {},
): Promise<number> {
  let query = db
    .selectFrom('assignments')
    .select('id')
    .where('closed_at', 'is', null)
    .where('closes_at', '<=', now)
  if (options.classId) query = query.where('class_id', '=', options.classId)
  if (options.assignmentId) query = query.where('id', '=', options.assignmentId)
  let closed = 0
  for (const { id } of await query.execute())
    if (await closeAssignment(db, id, now, { ...(options.log ? { log: options.log } : {}) }))
      closed++
  return closed
}

/**
 * Runs closeDueAssignments every `everyMs` (a minute) until the returned stop is called; stop
 * resolves once a run in flight has finished its writes.
 */
export function startCloseTimer(
  db: Kysely<Database>,
  now: () => Date,
  log: Logger,
  everyMs = 60_000,
): () => Promise<void> {
  let running: Promise<unknown> | undefined
  const timer = setInterval(() => {
    if (running) return
    running = closeDueAssignments(db, now(), { log })
      .then((n) => n > 0 && log.info({ closed: n }, 'assignments closed'))
      .catch((err: unknown) => log.error({ err }, 'closing assignments failed'))
      .finally(() => (running = undefined))
  }, everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
