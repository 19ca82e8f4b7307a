// The browser's IndexedDB database of Practica (via idb): one place that names its stores and
// upgrades them, so every feature that keeps data in the browser shares one versioned schema.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { AttemptEvent, JsonObject, Mode, Result } from '../core/index.ts'

/** A scenario being edited, kept so a closed tab or a crash loses nothing. */
export interface Draft {
  readonly id: string
  readonly name: string
  readonly doc: JsonObject
  readonly updatedAt: number
  /** Where it came from: a bundled file name, a file from disk, or the template. */
  readonly source: string
  /** The version of the file as it was opened, to propose a bump when a published scenario changes. */
  readonly openedVersion: string | undefined
}

/** An attempt made in this browser: who, on what, and (once finished) its result. */
export interface StoredAttempt {
  readonly id: string
  readonly scenario: {
    readonly id: string
    readonly version: string
    readonly sha256: string | undefined
  }
  /** The scenario file's text, so the attempt can be resumed and re-scored whatever is bundled later. */
  readonly scenarioText: string
  readonly learner: { readonly id: string; readonly name: string }
  readonly mode: Mode
  readonly startedAt: string
  readonly faults: readonly string[]
  readonly finished: boolean
  readonly updatedAt: number
  readonly result: Result | undefined
}

/** One learner event of an attempt, numbered from 0 in the order it happened. */
export interface StoredEvent {
  readonly attemptId: string
  readonly seq: number
  readonly event: AttemptEvent
}

interface PracticaDb extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { updatedAt: number } }
  attempts: { key: string; value: StoredAttempt; indexes: { updatedAt: number } }
  events: { key: [string, number]; value: StoredEvent; indexes: { attemptId: string } }
}

let db: Promise<IDBPDatabase<PracticaDb>> | undefined

/** The database, opened (and upgraded) once per page. */
export function getDatabase(): Promise<IDBPDatabase<PracticaDb>> {
  db ??= openDB<PracticaDb>('practica', 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const drafts = database.createObjectStore('drafts', { keyPath: 'id' })
        drafts.createIndex('updatedAt', 'updatedAt')
      }
      if (oldVersion < 2) {
        const attempts = database.createObjectStore('attempts', { keyPath: 'id' })
        attempts.createIndex('updatedAt', 'updatedAt')
        const events = database.createObjectStore('events', { keyPath: ['attemptId', 'seq'] })
        events.createIndex('attemptId', 'attemptId')
      }
    },
  })
  return db
}
