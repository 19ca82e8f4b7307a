// Where an attempt kept in this browser is saved: only here, or on the Practica server too (every
// event the browser holds acknowledged by the server), with the server's own result once it has
// scored the attempt.
import type { Result } from '../../core/index.ts'
import { getDatabase, type StoredAttempt } from '../database.ts'
import { countEvents } from './outbox.ts'

export interface SavedStatus {
  /**
   * `computer`: in this browser only (for now, or an attempt made for no assignment);
   * `server`: every event is on the server; `refused`: the server refused it, it stays here.
   */
  readonly where: 'computer' | 'server' | 'refused'
  /** the server's code of the refusal */
  readonly refused: string | undefined
  /** the result the server scored, once it has */
  readonly serverResult: Result | undefined
  /** the attempt is an assignment's */
  readonly assignmentId: string | undefined
}

/** The status of a kept attempt given how many events this browser holds of it. Pure. */
export function savedStatusOf(record: StoredAttempt, events: number): SavedStatus {
  const { sync, assignmentId } = record
  const where =
    sync?.refused !== undefined
      ? 'refused'
      : assignmentId !== undefined && sync !== undefined && events > 0 && sync.nextSeq >= events
        ? 'server'
        : 'computer'
  return { where, refused: sync?.refused, serverResult: sync?.result, assignmentId }
}

/** The status of the attempt `attemptId`, or undefined when this browser does not keep it. */
export async function getSavedStatus(attemptId: string): Promise<SavedStatus | undefined> {
  const record = await (await getDatabase()).get('attempts', attemptId)
  return record ? savedStatusOf(record, await countEvents(attemptId)) : undefined
}
