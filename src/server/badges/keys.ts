// The school's signing key: an Ed25519 key made on the first issue, its issuer a did:key (which
// carries the public key itself, so credentials signed with a retired key still verify anywhere).
// Rotating makes a new current key; the retired ones stay, to sign their own status lists.
import { randomUUID } from 'node:crypto'
import * as Ed25519Multikey from '@digitalcredentials/ed25519-multikey'
import type { Ed25519KeyPair } from '@digitalcredentials/ed25519-multikey'
import type { Kysely } from 'kysely'
import type { BadgeKeysTable, Database } from '../db/schema.ts'
import type { Selectable } from 'kysely'
import { ApiError } from '../http/errors.ts'
import { seal, SealError, serverSecret, unseal } from './secret.ts'

export type BadgeKey = Selectable<BadgeKeysTable>

export interface KeyDeps {
  readonly db: Kysely<Database>
  readonly dataDir: string
  readonly now: () => Date
}

/** A new key row for `createdBy`: its did:key, public key and sealed secret. */
async function newKey(deps: KeyDeps, createdBy: string | null) {
  const pair = await Ed25519Multikey.generate()
  const did = `did:key:${pair.publicKeyMultibase}`
  const exported = await pair.export({ publicKey: true, secretKey: true })
  const secret = exported['secretKeyMultibase']
  if (typeof secret !== 'string') throw new Error('The new key has no secret half.')
  return {
    id: randomUUID(),
    did,
    public_key: pair.publicKeyMultibase,
    sealed_secret: seal(secret, serverSecret(deps.dataDir), did),
    created_at: deps.now(),
    created_by: createdBy,
  }
}

/** The current key, made the first time it is asked for. */
export async function currentKey(deps: KeyDeps): Promise<BadgeKey> {
  const current = () =>
    deps.db.selectFrom('badge_keys').selectAll().where('retired_at', 'is', null).executeTakeFirst()
  const found = await current()
  if (found) return found
  // two first issues at once: the unique index keeps one, the other reads it
  await deps.db
    .insertInto('badge_keys')
    .values(await newKey(deps, null))
    .onConflict((oc) => oc.doNothing())
    .execute()
  const made = await current()
  if (!made) throw new Error('No current signing key after making one.')
  return made
}

/** Retires the current key (if any) and makes a new one; returns the new one. */
export async function rotateKey(deps: KeyDeps, by: string): Promise<BadgeKey> {
  const fresh = await newKey(deps, by)
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('badge_keys')
      .set({ retired_at: fresh.created_at })
      .where('retired_at', 'is', null)
      .execute()
    return trx.insertInto('badge_keys').values(fresh).returningAll().executeTakeFirstOrThrow()
  })
}

/** The key pair (with its secret half, to sign) of a stored key. */
export async function keyPairOf(key: BadgeKey, dataDir: string): Promise<Ed25519KeyPair> {
  let secretKeyMultibase: string
  try {
    secretKeyMultibase = unseal(key.sealed_secret, serverSecret(dataDir), key.did)
  } catch (e) {
    if (!(e instanceof SealError)) throw e
    throw new ApiError(
      409,
      'signing-key-unreadable',
      `The school's signing key cannot be opened with this server's secret (${dataDir}/credentials.secret): ` +
        'copy that file from the server the database came from, or rotate the key on the admin screen.',
    )
  }
  return Ed25519Multikey.from({
    type: 'Multikey',
    id: `${key.did}#${key.public_key}`,
    controller: key.did,
    publicKeyMultibase: key.public_key,
    secretKeyMultibase,
  })
}
