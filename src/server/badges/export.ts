// A learner's credentials for the export of everything stored about them (people/privacy.ts):
// each signed OpenBadgeCredential as it was issued (the JSON the learner downloads), and whether
// it was revoked, when and by whom.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export interface ExportedCredential {
  readonly id: string
  readonly attemptId: string
  readonly kind: 'scenario' | 'competency'
  /** the scenario's id, or the competency's */
  readonly achievement: string
  readonly name: string
  readonly issuedAt: string
  readonly revoked: boolean
  readonly revokedAt: string | null
  /** the name of who revoked it (null when not revoked, or their account is gone) */
  readonly revokedBy: string | null
  /** the signed credential, exactly as issued */
  readonly credential: Record<string, unknown>
}

/** The credentials issued to learner `userId`, oldest first. */
export async function learnerCredentials(
  db: Kysely<Database>,
  userId: string,
): Promise<ExportedCredential[]> {
  const rows = await db
    .selectFrom('badge_credentials')
    .leftJoin('users', 'users.id', 'badge_credentials.revoked_by')
    .select([
      'badge_credentials.id',
      'badge_credentials.attempt_id',
      'badge_credentials.kind',
      'badge_credentials.achievement',
      'badge_credentials.name',
      'badge_credentials.issued_at',
      'badge_credentials.revoked_at',
      'users.name as revoked_by',
      'badge_credentials.credential',
    ])
    .where('badge_credentials.user_id', '=', userId)
    .orderBy('badge_credentials.issued_at')
    .orderBy('badge_credentials.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    attemptId: r.attempt_id,
    kind: r.kind,
    achievement: r.achievement,
    name: r.name,
    issuedAt: r.issued_at.toISOString(),
    revoked: r.revoked_at !== null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    revokedBy: r.revoked_at === null ? null : (r.revoked_by ?? null),
    credential: r.credential,
  }))
}
