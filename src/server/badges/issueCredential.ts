// Issuing one credential of a confirmed result (issue.ts): built (credential.ts), given a place in
// its key's status list, signed as Data Integrity eddsa-rdfc-2022, and stored.
import { randomUUID } from 'node:crypto'
import { DataIntegrityProof } from '@digitalcredentials/data-integrity'
import type { Ed25519KeyPair } from '@digitalcredentials/ed25519-multikey'
import { cryptosuite } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalcredentials/vc'
import type { Kysely } from 'kysely'
import type { Result, Scenario } from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { achievementNames, buildCredential, type Achievement } from './credential.ts'
import type { BadgeKey } from './keys.ts'
import { offlineLoader } from './loader.ts'
import { allocatePlace } from './status.ts'

/** What every credential of one confirmation shares. */
export interface Issuing {
  readonly key: BadgeKey
  readonly pair: Ed25519KeyPair
  readonly origin: string
  readonly now: Date
  readonly scenario: Scenario
  readonly result: Result
  readonly attemptId: string
  readonly endedAt: Date
  readonly learner: { readonly id: string; readonly name: string }
  readonly confirmedBy: string
}

/** Signs and stores the credential of `achievement`, with a place in its key's status list. */
export async function issueCredential(trx: Kysely<Database>, i: Issuing, achievement: Achievement) {
  const { key, pair, now } = i
  const place = await allocatePlace(trx, { key, pair, origin: i.origin, now })
  const credentialId = randomUUID()
  const unsigned = buildCredential(
    {
      credentialId,
      issuer: key.did,
      issuedAt: now,
      scenario: i.scenario,
      result: i.result,
      attemptId: i.attemptId,
      endedAt: i.endedAt,
      learnerName: i.learner.name,
      confirmedBy: i.confirmedBy,
      status: { listUrl: place.url, index: place.index },
    },
    achievement,
  )
  const signed = await vc.issue({
    credential: unsigned,
    suite: new DataIntegrityProof({ signer: pair.signer(), cryptosuite, date: now }),
    documentLoader: offlineLoader(),
    now,
  })
  await trx
    .insertInto('badge_credentials')
    .values({
      id: credentialId,
      attempt_id: i.attemptId,
      user_id: i.learner.id,
      kind: achievement.kind,
      achievement: achievement.kind === 'scenario' ? i.scenario.id : achievement.competencyId,
      name: String(unsigned['name']),
      names: JSON.stringify(achievementNames(i.scenario, achievement)),
      key_id: key.id,
      list_id: place.listId,
      list_index: place.index,
      credential: JSON.stringify(signed),
      issued_at: now,
    })
    .execute()
}
