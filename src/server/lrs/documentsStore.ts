// Where the xAPI documents are kept (lrs_documents, migration 007): one document by its key, the
// ids of a context's documents, and a write that decides what to store from the document there
// now, under that row's lock, so that two writers with the same ETag cannot both win.
import type { Kysely } from 'kysely'
import type { Database, LrsDocumentKind } from '../db/schema.ts'
import { sha1Hex } from './documentsParams.ts'

/** What names one document. Columns a kind does not use are ''. */
export interface DocumentKey {
  readonly kind: LrsDocumentKind
  readonly activityId: string
  readonly agentKey: string
  /** '' when none */
  readonly registration: string
  readonly docId: string
}

/** A context's documents: every column of the key but the id; registration undefined: any. */
export type DocumentScope = Omit<DocumentKey, 'docId' | 'registration'> & {
  readonly registration: string | undefined
}

export interface StoredDocument {
  readonly content: Uint8Array<ArrayBuffer>
  readonly contentType: string
  /** SHA-1 of the content, hexadecimal, lower case */
  readonly etag: string
  readonly updated: Date
}

type Db = Kysely<Database>

function whereKey(db: Db, key: DocumentKey) {
  return db
    .selectFrom('lrs_documents')
    .where('kind', '=', key.kind)
    .where('activity_id', '=', key.activityId)
    .where('agent_key', '=', key.agentKey)
    .where('registration', '=', key.registration)
    .where('doc_id', '=', key.docId)
}

const toStored = (row: {
  content: Uint8Array
  content_type: string
  etag: string
  updated: Date
}): StoredDocument => ({
  content: new Uint8Array(row.content),
  contentType: row.content_type,
  etag: row.etag,
  updated: new Date(row.updated),
})

export async function readDocument(db: Db, key: DocumentKey): Promise<StoredDocument | undefined> {
  const row = await whereKey(db, key)
    .select(['content', 'content_type', 'etag', 'updated'])
    .executeTakeFirst()
  return row ? toStored(row) : undefined
}

/** The ids of a context's documents stored after `since` (exclusive), and the latest change. */
export async function listDocumentIds(
  db: Db,
  scope: DocumentScope,
  since: Date | undefined,
): Promise<{ ids: string[]; lastModified: Date | undefined }> {
  let query = db
    .selectFrom('lrs_documents')
    .where('kind', '=', scope.kind)
    .where('activity_id', '=', scope.activityId)
    .where('agent_key', '=', scope.agentKey)
  if (scope.registration !== undefined) query = query.where('registration', '=', scope.registration)
  if (since) query = query.where('updated', '>', since)
  const rows = await query
    .select(['doc_id'])
    .select((eb) => eb.fn.max('updated').as('updated'))
    .groupBy('doc_id')
    .orderBy('doc_id')
    .execute()
  const times = rows.map((r) => new Date(r.updated).getTime())
  return {
    ids: rows.map((r) => r.doc_id),
    lastModified: times.length > 0 ? new Date(Math.max(...times)) : undefined,
  }
}

/** What a write stores: the new content, or nothing (the request is refused by throwing). */
export interface NewContent {
  readonly content: Uint8Array
  readonly contentType: string
}

/**
 * Stores the document `decide` makes from the one there now (undefined: none), under the row's
 * lock; `decide` throws to refuse. Returns the stored document.
 */
export async function writeDocument(
  db: Db,
  key: DocumentKey,
  now: Date,
  decide: (current: StoredDocument | undefined) => NewContent,
): Promise<StoredDocument> {
  // a document made by another writer between the look and the insert: look again
  for (let round = 0; round < 3; round++) {
    const stored = await db.transaction().execute(async (tx) => {
      const row = await whereKey(tx, key)
        .select(['content', 'content_type', 'etag', 'updated'])
        .forUpdate()
        .executeTakeFirst()
      const current = row ? toStored(row) : undefined
      const next = decide(current)
      const values = {
        content: next.content,
        content_type: next.contentType,
        etag: sha1Hex(next.content),
        updated: now,
      }
      if (current) {
        await tx
          .updateTable('lrs_documents')
          .set(values)
          .where('kind', '=', key.kind)
          .where('activity_id', '=', key.activityId)
          .where('agent_key', '=', key.agentKey)
          .where('registration', '=', key.registration)
          .where('doc_id', '=', key.docId)
          .execute()
        return toStored(values)
      }
      const inserted = await tx
        .insertInto('lrs_documents')
        .values({
          kind: key.kind,
          activity_id: key.activityId,
          agent_key: key.agentKey,
          registration: key.registration,
          doc_id: key.docId,
          ...values,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('etag')
        .executeTakeFirst()
      return inserted ? toStored(values) : undefined
    })
    if (stored) return stored
  }
  throw new Error('the document kept changing while it was written')
}

/**
 * Deletes one document if `check` (given the one there now) lets it; returns whether one was
 * there. `check` throws to refuse.
 */
export async function deleteDocument(
  db: Db,
  key: DocumentKey,
  check: (current: StoredDocument | undefined) => void,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await whereKey(tx, key)
      .select(['content', 'content_type', 'etag', 'updated'])
      .forUpdate()
      .executeTakeFirst()
    const current = row ? toStored(row) : undefined
    check(current)
    if (!current) return false
    await tx
      .deleteFrom('lrs_documents')
      .where('kind', '=', key.kind)
      .where('activity_id', '=', key.activityId)
      .where('agent_key', '=', key.agentKey)
      .where('registration', '=', key.registration)
      .where('doc_id', '=', key.docId)
      .execute()
    return true
  })
}

/** Deletes every document of a context (the State resource's multiple-document DELETE). */
export async function deleteDocuments(db: Db, scope: DocumentScope): Promise<number> {
  let query = db
    .deleteFrom('lrs_documents')
    .where('kind', '=', scope.kind)
    .where('activity_id', '=', scope.activityId)
    .where('agent_key', '=', scope.agentKey)
  if (scope.registration !== undefined) query = query.where('registration', '=', scope.registration)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
