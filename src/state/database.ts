// The browser's IndexedDB database of Practica (via idb): one place that names its stores and
// upgrades them, so every feature that keeps data in the browser shares one versioned schema.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { createStore } from 'zustand/vanilla'
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
  /**
   * The Practica server's id of the person signed in when the attempt started: only they see it
   * in this browser, and it is sent to the server only while they are signed in. Undefined for an
   * attempt made with nobody signed in (shown while nobody is).
   */
  readonly owner?: string | undefined
  /** The server's assignment the attempt was started from: the outbox sends it there. */
  readonly assignmentId?: string | undefined
  /** What the server holds of it (src/state/classroom/outbox.ts). */
  readonly sync?: AttemptSync | undefined
}

/** What the server acknowledged of an attempt. */
export interface AttemptSync {
  /** events 0 … nextSeq − 1 are stored on the server */
  readonly nextSeq: number
  /** the server stored its end */
  readonly ended: boolean
  /** the server's own score and its revision, once it ended */
  readonly result?: Result | undefined
  readonly revision?: number | undefined
  /** the server refused the attempt for good (its code): it stays in this browser only */
  readonly refused?: string | undefined
}

/** A scenario as the Practica server published it (its exact bytes), kept for offline use. */
export interface ServerScenario {
  /** `${id}@${version}` */
  readonly key: string
  readonly sha256: string
  readonly bytes: Uint8Array
}

/** Something the server said, kept for offline use under its key (e.g. a learner's assignments). */
export interface ServerCopy {
  readonly key: string
  readonly value: unknown
  readonly savedAt: number
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
  serverScenarios: { key: string; value: ServerScenario }
  serverCopies: { key: string; value: ServerCopy }
}

/**
 * What keeps the database from this page, for the notice that says so (DatabaseNotice.tsx):
 * - `blocked`: a tab still running an older Practica holds the database open, so this page
 *   cannot upgrade it yet; it opens as soon as that tab closes or reloads, and until then every
 *   write waits (nothing is dropped);
 * - `reload`: a newer Practica opened in another tab needs the database upgraded (or already has
 *   upgraded it past this page's schema): this page let go of it and must be reloaded to keep
 *   saving.
 */
export type DatabaseHold = 'blocked' | 'reload' | null

export const databaseHoldStore = createStore<{ readonly hold: DatabaseHold }>()(() => ({
  hold: null,
}))

const setHold = (hold: DatabaseHold) => databaseHoldStore.setState({ hold })

/** The version of the schema this build of the app reads and writes. */
export const DATABASE_VERSION = 3

let db: Promise<IDBPDatabase<PracticaDb>> | undefined

/**
 * The database, opened (and upgraded) once per page; opened again after the browser closed it
 * (`terminated`) or after this page let another tab upgrade it (`blocking`).
 */
export function getDatabase(): Promise<IDBPDatabase<PracticaDb>> {
  if (db) return db
  const opening: Promise<IDBPDatabase<PracticaDb>> = openDB<PracticaDb>(
    'practica',
    DATABASE_VERSION,
    {
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
        // version 3 (the Practica server) only adds stores: attempts kept before stay as they were,
        // with no owner, so they show while nobody is signed in
        if (oldVersion < 3) {
          database.createObjectStore('serverScenarios', { keyPath: 'key' })
          database.createObjectStore('serverCopies', { keyPath: 'key' })
        }
      },
      // an older tab holds the database: the open waits for it (and so does every write)
      blocked() {
        setHold('blocked')
      },
      // a newer Practica in another tab waits for this page: let go, and ask for a reload
      blocking(_current, _next, event) {
        ;(event.target as IDBDatabase).close()
        if (db === opening) db = undefined
        setHold('reload')
      },
      // the browser closed the database (storage cleared, disk failure): open it again next time
      terminated() {
        if (db === opening) db = undefined
      },
    },
  )
  db = opening
  opening.then(
    () => {
      if (databaseHoldStore.getState().hold === 'blocked') setHold(null)
    },
    (e: unknown) => {
      // a failed open is tried again by the next caller, not kept failing
      if (db === opening) db = undefined
      // a newer Practica upgraded the database past this page's schema: only a reload helps
      if (e instanceof DOMException && e.name === 'VersionError') setHold('reload')
      else if (databaseHoldStore.getState().hold === 'blocked') setHold(null)
    },
  )
  return opening
}
