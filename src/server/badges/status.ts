// Revocation: Bitstring Status Lists (W3C, statusPurpose "revocation") the server publishes at
// /api/credentials/status/N, each a BitstringStatusListCredential signed by the key it belongs
// to (a verifier checks that the list's issuer is the credential's). Each credential is given the
// next place of its key's open list; a revocation sets its bit and the list is signed anew.
import { DataIntegrityProof } from '@digitalcredentials/data-integrity'
import type { Ed25519KeyPair } from '@digitalcredentials/ed25519-multikey'
import { cryptosuite } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalcredentials/vc'
import {
  createCredential,
  createList,
  decodeList,
} from '@digitalcredentials/vc-bitstring-status-list'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { VC_V2_CONTEXT } from './credential.ts'
import type { BadgeKey } from './keys.ts'
import { offlineLoader } from './loader.ts'

/** Places in one list: 131,072 (16 KiB), the spec's minimum, so a place tells little of whom. */
export const LIST_LENGTH = 131_072

export const STATUS_PATH = '/api/credentials/status/'

/** The list, with the places in `revoked` set, signed by `pair` (of `did`) at `now`. */
export async function signList(o: {
  url: string
  length: number
  revoked: readonly number[]
  did: string
  pair: Ed25519KeyPair
  now: Date
}): Promise<Record<string, unknown>> {
  const list = await createList({ length: o.length })
  for (const index of o.revoked) list.setStatus(index, true)
  const credential = await createCredential({
    id: o.url,
    list,
    statusPurpose: 'revocation',
    context: [VC_V2_CONTEXT],
  })
  credential['issuer'] = o.did
  credential['validFrom'] = o.now.toISOString()
  return vc.issue({
    credential,
    suite: new DataIntegrityProof({ signer: o.pair.signer(), cryptosuite, date: o.now }),
    documentLoader: offlineLoader(),
    now: o.now,
  })
}

/**
 * The places set in the signed list `credential` (a BitstringStatusListCredential): revocations
 * are for good, so a list signed again keeps them, those of credentials deleted since too.
 */
export async function setPlaces(credential: Record<string, unknown>): Promise<number[]> {
  const subject = credential['credentialSubject'] as { encodedList?: unknown } | undefined
  if (typeof subject?.encodedList !== 'string')
    throw new Error('The status list has no encodedList.')
  const list = await decodeList({ encodedList: subject.encodedList })
  const set: number[] = []
  for (let i = 0; i < list.length; i++) if (list.getStatus(i)) set.push(i)
  return set
}

/**
 * The next free place for a credential signed by `key`, in its open list (a new list, signed
 * empty, when it has none or it is full). Call within the transaction that stores the credential:
 * the key's row is locked until it ends, so places are given once.
 */
export async function allocatePlace(
  trx: Kysely<Database>,
  o: { key: BadgeKey; pair: Ed25519KeyPair; origin: string; now: Date },
): Promise<{ listId: number; url: string; index: number }> {
  await trx.selectFrom('badge_keys').select('id').where('id', '=', o.key.id).forUpdate().execute()
  const open = await trx
    .selectFrom('badge_status_lists')
    .select(['id', 'url', 'length', 'next_index'])
    .where('key_id', '=', o.key.id)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (open && open.next_index < open.length) {
    await trx
      .updateTable('badge_status_lists')
      .set({ next_index: open.next_index + 1 })
      .where('id', '=', open.id)
      .execute()
    return { listId: open.id, url: open.url, index: open.next_index }
  }
  const last = await trx
    .selectFrom('badge_status_lists')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst()
  const id = (last?.max ?? 0) + 1
  const url = `${o.origin}${STATUS_PATH}${id}`
  const credential = await signList({
    url,
    length: LIST_LENGTH,
    revoked: [],
    did: o.key.did,
    pair: o.pair,
    now: o.now,
  })
  await trx
    .insertInto('badge_status_lists')
    .values({
      id,
      key_id: o.key.id,
      url,
      length: LIST_LENGTH,
      next_index: 1,
      credential: JSON.stringify(credential),
      updated_at: o.now,
    })
    .execute()
  return { listId: id, url, index: 0 }
}

/** The published list `id` (the signed credential), or undefined. */
export async function publishedList(
  db: Kysely<Database>,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('badge_status_lists')
    .select('credential')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.credential
}
