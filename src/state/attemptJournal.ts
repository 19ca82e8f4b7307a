// Attempts kept in this browser: each learner event is written in its own transaction before
// the screen moves on, the end with strict durability, so a crash or a closed lid loses nothing.
import { ATTEMPT_FORMAT, type Attempt, type AttemptEvent, type Result } from '../core/index.ts'
import { getDatabase, type StoredAttempt } from './database.ts'

export type { StoredAttempt }

/** Where a live attempt writes its events; the store waits for each write. */
export interface Journal {
  append(seq: number, event: AttemptEvent): Promise<void>
  finish(result: Result): Promise<void>
}

/** Whether an error is the browser saying the disk (or the site's quota) is full. */
export function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  )
}

const written = new Set<(attemptId: string) => void>()

/**
 * Calls `listener` with the attempt's id after each event or end the journal has stored (the
 * server's outbox sends them on); returns the way to stop.
 */
export function onJournalWrite(listener: (attemptId: string) => void): () => void {
  written.add(listener)
  return () => written.delete(listener)
}

const tellWritten = (attemptId: string) => written.forEach((listener) => listener(attemptId))

/** Records the start of an attempt and returns its journal. */
export async function openJournal(record: StoredAttempt): Promise<Journal> {
  const db = await getDatabase()
  if (!(await db.get('attempts', record.id))) await db.put('attempts', record)
  // each write asks for the database again: one the browser closed (or this page let go of for a
  // newer tab) is opened anew, and a write waits while it is held by an older tab, never dropped
  return {
    async append(seq, event) {
      const tx = (await getDatabase()).transaction('events', 'readwrite')
      await tx.store.put({ attemptId: record.id, seq, event })
      await tx.done
      tellWritten(record.id)
    },
    async finish(result) {
      const tx = (await getDatabase()).transaction('attempts', 'readwrite', {
        durability: 'strict',
      })
      const current = (await tx.store.get(record.id)) ?? record
      await tx.store.put({ ...current, finished: true, result, updatedAt: Date.now() })
      await tx.done
      tellWritten(record.id)
    },
  }
}

/** Every attempt kept in this browser, the most recent first. */
export async function listStoredAttempts(): Promise<StoredAttempt[]> {
  return (await (await getDatabase()).getAllFromIndex('attempts', 'updatedAt')).reverse()
}

/** The events of a kept attempt, in the order they happened. */
export async function loadEvents(attemptId: string): Promise<AttemptEvent[]> {
  const rows = await (await getDatabase()).getAllFromIndex('events', 'attemptId', attemptId)
  return rows.sort((a, b) => a.seq - b.seq).map((r) => r.event)
}

/**
 * A kept attempt's header: its attempt file without the events (spec section 5), as the outbox
 * also sends it to the server with the first batch. Pure.
 */
export function headerOf(record: StoredAttempt) {
  return {
    format: ATTEMPT_FORMAT,
    id: record.id,
    scenario: {
      id: record.scenario.id,
      version: record.scenario.version,
      ...(record.scenario.sha256 ? { sha256: record.scenario.sha256 } : {}),
    },
    learner: { ...record.learner },
    mode: record.mode,
    startedAt: record.startedAt,
    faults: [...record.faults],
  } satisfies Omit<Attempt, 'events'>
}

/** A kept attempt as an attempt file (spec section 5). */
export async function toAttemptFile(record: StoredAttempt): Promise<Attempt> {
  return { ...headerOf(record), events: await loadEvents(record.id) }
}

/** Forgets an attempt and its events. */
export async function deleteStoredAttempt(id: string): Promise<void> {
  const db = await getDatabase()
  const tx = db.transaction(['attempts', 'events'], 'readwrite')
  await tx.objectStore('attempts').delete(id)
  let cursor = await tx.objectStore('events').index('attemptId').openCursor(id)
  while (cursor) {
    await cursor.delete()
    cursor = await cursor.continue()
  }
  await tx.done
}

/** Asks the browser to keep this site's data; says whether it will, and how much is used. */
export async function getStorageStatus(ask: boolean): Promise<{
  persisted: boolean | undefined
  usage: number | undefined
  quota: number | undefined
}> {
  const storage = globalThis.navigator?.storage
  if (!storage) return { persisted: undefined, usage: undefined, quota: undefined }
  const persisted = ask && storage.persist ? await storage.persist() : await storage.persisted?.()
  const estimate = await storage.estimate?.()
  return { persisted, usage: estimate?.usage, quota: estimate?.quota }
}
