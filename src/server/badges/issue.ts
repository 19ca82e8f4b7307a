// Confirming an attempt's result and issuing its credentials. The server re-scores the attempt
// from the events it stored (never a client's numbers), refuses one still under way or with
// judgements unmarked, records who confirmed it and when, and issues one signed
// OpenBadgeCredential per achievement earned (credential.ts), each with its place in a status
// list. Confirming again changes nothing. Revoking sets the credential's bit in its list.
import type { Ed25519KeyPair } from '@digitalcredentials/ed25519-multikey'
import type { Kysely } from 'kysely'
import type { AttemptCredentials, CredentialSummary } from '../../api/badges.ts'
import type { Database } from '../db/schema.ts'
import type { Caller } from '../http/context.ts'
import { ApiError, forbidden, notFound } from '../http/errors.ts'
import { modelFor } from '../work/models.ts'
import { rescoreAttempt } from '../work/score.ts'
import { achievementsOf } from './credential.ts'
import { issueCredential, type Issuing } from './issueCredential.ts'
import { currentKey, keyPairOf } from './keys.ts'
import { setPlaces, signList } from './status.ts'

type Signer = { readonly did: string; readonly pair: Ed25519KeyPair }

/** The key pairs (to sign) of keys `keyIds`, by key id. */
async function signersOf(deps: BadgeDeps, keyIds: readonly string[]) {
  const signers = new Map<string, Signer>()
  if (keyIds.length === 0) return signers
  const keys = await deps.db
    .selectFrom('badge_keys')
    .selectAll()
    .where('id', 'in', keyIds)
    .execute()
  for (const key of keys)
    signers.set(key.id, { did: key.did, pair: await keyPairOf(key, deps.dataDir) })
  return signers
}

/** Locks status lists `listIds` (in order) until the transaction ends. */
async function lockLists(trx: Kysely<Database>, listIds: readonly number[]) {
  for (const id of [...new Set(listIds)].sort((a, b) => a - b))
    await trx
      .selectFrom('badge_status_lists')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .execute()
}

/**
 * Signs list `listId` again with its key: the places it had set stay set (a credential deleted
 * since stays revoked), and those of its revoked credentials are set.
 */
async function signAgain(
  trx: Kysely<Database>,
  listId: number,
  signers: ReadonlyMap<string, Signer>,
  now: Date,
) {
  const list = await trx
    .selectFrom('badge_status_lists')
    .select(['url', 'length', 'key_id', 'credential'])
    .where('id', '=', listId)
    .executeTakeFirstOrThrow()
  const signer = signers.get(list.key_id)
  if (!signer) throw new Error(`No key to sign status list ${listId} with.`)
  const revoked = await trx
    .selectFrom('badge_credentials')
    .select('list_index')
    .where('list_id', '=', listId)
    .where('revoked_at', 'is not', null)
    .execute()
  const credential = await signList({
    url: list.url,
    length: list.length,
    revoked: [...(await setPlaces(list.credential)), ...revoked.map((r) => r.list_index)],
    did: signer.did,
    pair: signer.pair,
    now,
  })
  await trx
    .updateTable('badge_status_lists')
    .set({ credential: JSON.stringify(credential), updated_at: now })
    .where('id', '=', listId)
    .execute()
}

export interface BadgeDeps {
  readonly db: Kysely<Database>
  readonly dataDir: string
  readonly now: () => Date
}

/** The attempt's confirmation and the credentials issued for it. */
export async function credentialsOf(
  db: Kysely<Database>,
  attemptId: string,
): Promise<AttemptCredentials> {
  const confirmation = await db
    .selectFrom('badge_confirmations')
    .leftJoin('users', 'users.id', 'badge_confirmations.confirmed_by')
    .select([
      'badge_confirmations.confirmed_at',
      'badge_confirmations.confirmed_by',
      'badge_confirmations.revision',
      'users.name',
    ])
    .where('badge_confirmations.attempt_id', '=', attemptId)
    .executeTakeFirst()
  const rows = await db
    .selectFrom('badge_credentials')
    .select(['id', 'kind', 'achievement', 'name', 'names', 'issued_at', 'revoked_at'])
    .where('attempt_id', '=', attemptId)
    .orderBy('kind', 'desc')
    .orderBy('achievement')
    .execute()
  return {
    confirmation: confirmation
      ? {
          by: confirmation.name ?? null,
          byId: confirmation.confirmed_by,
          at: confirmation.confirmed_at.toISOString(),
          revision: confirmation.revision,
        }
      : null,
    credentials: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      achievement: r.achievement,
      name: r.name,
      names: r.names,
      issuedAt: r.issued_at.toISOString(),
      revokedAt: r.revoked_at?.toISOString() ?? null,
    })),
  }
}

/** Attempt `attemptId` with what its credentials name; refuses 404 unknown, 409 not ended. */
async function endedAttempt(db: Kysely<Database>, attemptId: string) {
  const row = await db
    .selectFrom('attempts')
    .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
    .innerJoin('scenarios', (join) =>
      join
        .onRef('scenarios.id', '=', 'assignments.scenario_id')
        .onRef('scenarios.version', '=', 'assignments.scenario_version'),
    )
    .innerJoin('users', 'users.id', 'attempts.user_id')
    .select([
      'attempts.ended',
      'attempts.header',
      'attempts.updated_at',
      'attempts.user_id',
      'users.name',
      'scenarios.sha256',
    ])
    .where('attempts.id', '=', attemptId)
    .executeTakeFirst()
  if (!row) throw notFound('attempt')
  if (!row.ended)
    throw new ApiError(
      409,
      'attempt-not-ended',
      'This attempt has not ended yet: confirm its result once the learner has finished it (or the assignment has closed).',
    )
  return row
}

/** What a confirmation records: by whom, when, at which revision, and what it replaces. */
interface Confirming {
  readonly attemptId: string
  readonly revision: number
  readonly caller: Caller
  readonly now: Date
  /** the revision confirmed before, when this confirmation replaces one */
  readonly previous: number | undefined
  /** the credentials of the confirmation replaced, still valid: revoked */
  readonly replaced: readonly { id: string; list_id: number; key_id: string }[]
  readonly signers: ReadonlyMap<string, Signer>
}

/**
 * Records the confirmation (replacing the one at revision `previous`, its credentials revoked and
 * their lists signed again). False when someone else confirmed at the same moment: theirs stands.
 */
async function recordConfirmation(trx: Kysely<Database>, c: Confirming): Promise<boolean> {
  const { attemptId, revision, caller, now, replaced } = c
  if (c.previous !== undefined) {
    const moved = await trx
      .updateTable('badge_confirmations')
      .set({ revision, confirmed_by: caller.id, confirmed_at: now })
      .where('attempt_id', '=', attemptId)
      .where('revision', '=', c.previous)
      .executeTakeFirst()
    // confirmed again at the same moment by someone else: theirs stands
    if (moved.numUpdatedRows === 0n) return false
    const lists = replaced.map((r) => r.list_id)
    await lockLists(trx, lists)
    if (replaced.length > 0)
      await trx
        .updateTable('badge_credentials')
        .set({ revoked_at: now, revoked_by: caller.id })
        .where(
          'id',
          'in',
          replaced.map((r) => r.id),
        )
        .where('revoked_at', 'is', null)
        .execute()
    for (const list of new Set(lists)) await signAgain(trx, list, c.signers, now)
    return true
  }
  const confirmed = await trx
    .insertInto('badge_confirmations')
    .values({ attempt_id: attemptId, revision, confirmed_by: caller.id, confirmed_at: now })
    .onConflict((oc) => oc.column('attempt_id').doNothing())
    .returning('attempt_id')
    .executeTakeFirst()
  // confirmed at the same moment by someone else: theirs stands
  return confirmed !== undefined
}

/**
 * Confirms the result of attempt `attemptId` as `caller` and issues its credentials, their status
 * lists at `origin` (the server's address as the caller reached it). Refuses 409 an attempt not
 * ended or with judgements to mark. An attempt confirmed already is left as it was, unless a mark
 * changed its result since: then this confirmation replaces that one, the credentials it issued
 * are revoked, and those of the new result issued.
 */
export async function confirmAttempt(
  deps: BadgeDeps,
  attemptId: string,
  caller: Caller,
  origin: string,
): Promise<AttemptCredentials> {
  const { db } = deps
  const known = await credentialsOf(db, attemptId)
  if (known.confirmation) {
    // confirmed already: again only once a mark changed the result since
    const stored = await db
      .selectFrom('results')
      .select('revision')
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst()
    if (!stored || stored.revision === known.confirmation.revision) return known
  }
  const row = await endedAttempt(db, attemptId)
  // the result as the engine gives it from the stored events and marks, now
  const { result, revision } = await rescoreAttempt(db, attemptId, deps.now())
  if (result.status === 'pending')
    throw new ApiError(
      409,
      'judgements-unmarked',
      'Some judgements of this attempt are not marked yet: mark them all, then confirm the result.',
    )
  const model = await modelFor(db, row.sha256)
  const staff = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', caller.id)
    .executeTakeFirst()
  const earned = achievementsOf(result)
  const key = earned.length > 0 ? await currentKey(deps) : undefined
  const pair = key ? await keyPairOf(key, deps.dataDir) : undefined
  const now = deps.now()
  const startedAt = row.header.startedAt ? Date.parse(row.header.startedAt) : NaN
  const endedAt = Number.isNaN(startedAt) ? row.updated_at : new Date(startedAt + result.durationMs)

  // a confirmation again (the result changed): its credentials still valid are revoked
  const replaced = known.confirmation
    ? await db
        .selectFrom('badge_credentials')
        .select(['id', 'list_id', 'key_id'])
        .where('attempt_id', '=', attemptId)
        .where('revoked_at', 'is', null)
        .execute()
    : []
  const signers = await signersOf(deps, [...new Set(replaced.map((r) => r.key_id))])
  const confirming: Confirming = {
    attemptId,
    revision,
    caller,
    now,
    previous: known.confirmation?.revision,
    replaced,
    signers,
  }

  await db.transaction().execute(async (trx) => {
    if (!(await recordConfirmation(trx, confirming))) return
    if (!key || !pair) return
    const issuing: Issuing = {
      key,
      pair,
      origin,
      now,
      scenario: model.scenario,
      result,
      attemptId,
      endedAt,
      learner: { id: row.user_id, name: row.name },
      confirmedBy: staff?.name ?? caller.name,
    }
    for (const achievement of earned) await issueCredential(trx, issuing, achievement)
  })
  return credentialsOf(db, attemptId)
}

/** The signed credential `credentialId` of attempt `attemptId`, or undefined. */
export async function credentialFile(
  db: Kysely<Database>,
  attemptId: string,
  credentialId: string,
): Promise<{ credential: Record<string, unknown>; name: string } | undefined> {
  const row = await db
    .selectFrom('badge_credentials')
    .select(['credential', 'name'])
    .where('id', '=', credentialId)
    .where('attempt_id', '=', attemptId)
    .executeTakeFirst()
  return row ? { credential: row.credential, name: row.name } : undefined
}

/**
 * Revokes credential `credentialId` of attempt `attemptId`: an admin, or the one who confirmed
 * the result. Its bit is set and its status list signed anew. Revoking twice changes nothing.
 */
export async function revokeCredential(
  deps: BadgeDeps,
  attemptId: string,
  credentialId: string,
  caller: Caller,
): Promise<CredentialSummary> {
  const { db } = deps
  const target = await db
    .selectFrom('badge_credentials')
    .innerJoin(
      'badge_confirmations',
      'badge_confirmations.attempt_id',
      'badge_credentials.attempt_id',
    )
    .innerJoin('badge_keys', 'badge_keys.id', 'badge_credentials.key_id')
    .select([
      'badge_credentials.list_id',
      'badge_confirmations.confirmed_by',
      'badge_keys.id as keyId',
    ])
    .where('badge_credentials.id', '=', credentialId)
    .where('badge_credentials.attempt_id', '=', attemptId)
    .executeTakeFirst()
  if (!target) throw notFound('credential')
  if (caller.role !== 'admin' && caller.id !== target.confirmed_by)
    throw forbidden('revoke a credential: only an admin or the person who confirmed the result can')
  const signers = await signersOf(deps, [target.keyId])
  const now = deps.now()
  await db.transaction().execute(async (trx) => {
    await lockLists(trx, [target.list_id])
    const changed = await trx
      .updateTable('badge_credentials')
      .set({ revoked_at: now, revoked_by: caller.id })
      .where('id', '=', credentialId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (changed.numUpdatedRows > 0n) await signAgain(trx, target.list_id, signers, now)
  })
  const summary = (await credentialsOf(db, attemptId)).credentials.find(
    (c) => c.id === credentialId,
  )
  if (!summary) throw notFound('credential')
  return summary
}
