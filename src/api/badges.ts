// The Open Badges calls' answers on the wire: what the server sends (src/server/badges/) and the
// assessor's and learner's screens read (src/state/classroom/badgesApi.ts). Types only, one
// declaration for both sides.

/** One credential issued for an attempt: the scenario's, or one competency's. */
export interface CredentialSummary {
  readonly id: string
  readonly kind: 'scenario' | 'competency'
  /** the scenario's or the competency's id */
  readonly achievement: string
  /** in the scenario's first language */
  readonly name: string
  /** in each of the scenario's languages (locale → text) */
  readonly names: Readonly<Record<string, string>>
  readonly issuedAt: string
  readonly revokedAt: string | null
}

/** An attempt's confirmation and the credentials it issued. */
export interface AttemptCredentials {
  /** who confirmed the result and when; null while it is not confirmed */
  readonly confirmation: {
    readonly by: string | null
    readonly byId: string | null
    readonly at: string
    readonly revision: number
  } | null
  readonly credentials: readonly CredentialSummary[]
}
