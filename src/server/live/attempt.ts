// A learner's latest attempt on an assignment as the live 3D view follows it: the header as first
// sent and the stored events from a seq on (the view holds the ones before), read from the
// database, never from the learner's app.
import { sql, type Kysely } from 'kysely'
import { ATTEMPT_FORMAT, type AttemptEvent } from '../../core/index.ts'
import type { AttemptHeader, Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'

export interface LiveAttempt {
  /** the learner's latest attempt on the assignment; null when they have not started one */
  readonly attemptId: string | null
  /** its header as the learner's app first sent it (spec section 5, without the events) */
  readonly header: AttemptHeader | null
  /** the seq of `events[0]` */
  readonly from: number
  /** the stored events from `from` on, in order */
  readonly events: readonly AttemptEvent[]
  /** how many events the server stored (seq 0 … nextSeq − 1) */
  readonly nextSeq: number
  readonly ended: boolean
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The latest attempt of learner `userId` on `assignmentId` with its events from seq `from` on;
 * 404 when the learner is not in the assignment's class.
 */
export async function learnerAttempt(
  db: Kysely<Database>,
  assignmentId: string,
  userId: string,
  from: number,
): Promise<LiveAttempt> {
  const notHere = () =>
    new ApiError(404, 'not-found', "There is no such learner in this assignment's class.")
  if (!UUID.test(userId)) throw notHere()
  const { rows } = await sql<{
    in_class: boolean
    id: string | null
    header: AttemptHeader | null
    next_seq: number | null
    ended: boolean | null
  }>`
    SELECT true AS in_class, t.id, t.header, t.next_seq, t.ended
      FROM assignments a
      JOIN class_learners l ON l.class_id = a.class_id AND l.user_id = ${userId}
      LEFT JOIN LATERAL (SELECT x.id, x.header, x.next_seq, x.ended FROM attempts x
                          WHERE x.assignment_id = a.id AND x.user_id = l.user_id
                          ORDER BY x.created_at DESC, x.id DESC LIMIT 1) t ON true
     WHERE a.id = ${assignmentId}`.execute(db)
  const row = rows[0]
  if (!row) throw notHere()
  if (!row.id || !row.header)
    return { attemptId: null, header: null, from: 0, events: [], nextSeq: 0, ended: false }
  const events = await db
    .selectFrom('attempt_events')
    .select('event')
    .where('attempt_id', '=', row.id)
    .where('seq', '>=', from)
    .orderBy('seq')
    .execute()
  const h = row.header
  return {
    attemptId: row.id,
    header: {
      format: ATTEMPT_FORMAT,
      id: h.id,
      scenario: { ...h.scenario },
      learner: { ...h.learner },
      mode: h.mode,
      startedAt: h.startedAt,
      faults: [...(h.faults ?? [])],
    },
    from,
    events: events.map((e) => e.event as AttemptEvent),
    // events stored since the attempt's row was read come along
    nextSeq: Math.max(row.next_seq ?? 0, from + events.length),
    ended: row.ended ?? false,
  }
}
