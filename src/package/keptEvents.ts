// The events of an attempt too long for SCORM 1.2's suspend_data, kept in this browser's
// IndexedDB (a database of the package's own) while the LMS keeps a reference to them.
import { openDB, type IDBPDatabase } from 'idb'
import type { AttemptEvent } from '../core/index.ts'

interface Kept {
  readonly id: string
  readonly events: readonly AttemptEvent[]
}

let opened: Promise<IDBPDatabase> | undefined
const database = () =>
  (opened ??= openDB('practica-package', 1, {
    upgrade(db) {
      db.createObjectStore('attempts', { keyPath: 'id' })
    },
  }))

/** Keeps the events of attempt `id` so far. */
export async function keepEvents(id: string, events: readonly AttemptEvent[]): Promise<void> {
  const kept: Kept = { id, events: [...events] }
  await (await database()).put('attempts', kept)
}

/** The events kept of attempt `id`, or undefined when this browser has none. */
export async function keptEvents(id: string): Promise<readonly AttemptEvent[] | undefined> {
  try {
    const kept = (await (await database()).get('attempts', id)) as Kept | undefined
    return kept?.events
  } catch {
    return undefined
  }
}
