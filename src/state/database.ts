// The browser's IndexedDB database of Practica (via idb): one place that names its stores and
// upgrades them, so every feature that keeps data in the browser shares one versioned schema.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { JsonObject } from '../core/index.ts'

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

interface PracticaDb extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { updatedAt: number } }
}

let db: Promise<IDBPDatabase<PracticaDb>> | undefined

/** The database, opened (and upgraded) once per page. */
export function getDatabase(): Promise<IDBPDatabase<PracticaDb>> {
  db ??= openDB<PracticaDb>('practica', 1, {
    upgrade(database) {
      const drafts = database.createObjectStore('drafts', { keyPath: 'id' })
      drafts.createIndex('updatedAt', 'updatedAt')
    },
  })
  return db
}
