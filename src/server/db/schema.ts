// The database's tables as Kysely sees them (migrations/ creates them). Column names are the SQL
// ones; timestamps come back as Date on both PGlite and PostgreSQL.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { Role } from '../../api/session.ts'

export type { Role }
export const ROLES: readonly Role[] = ['admin', 'instructor', 'assessor', 'learner']

type Created = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string, Date | string>
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>
/** jsonb: written as a JSON string (or value), read back parsed */
type Json<T> = ColumnType<T, string, string>

export interface UsersTable {
  id: string
  role: Role
  /** staff sign-in name, lower case; null for learners */
  login: string | null
  name: string
  /** staff password; null for learners */
  password_hash: string | null
  created_at: Created
}

export interface ClassesTable {
  id: string
  /** the short code learners type to join, upper case */
  code: string
  name: string
  instructor_id: string
  /** the class PIN, when the instructor set one */
  pin_hash: string | null
  /** whether each learner needs their own PIN */
  learner_pins: Generated<boolean>
  created_at: Created
}

export interface ClassLearnersTable {
  class_id: string
  user_id: string
  /** the learner ID the school gave, as typed at the first join */
  learner_id: string
  pin_hash: string | null
  joined_at: Created
}

export interface AssessorClassesTable {
  assessor_id: string
  class_id: string
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token: a database leak does not leak sign-ins */
  id: string
  user_id: string
  created_at: Created
  expires_at: Timestamp
}

export interface RateLimitsTable {
  key: string
  window_start: Timestamp
  hits: number
}

export interface SettingsTable {
  key: string
  value: Json<unknown>
}

export interface ScenariosTable {
  id: string
  version: string
  sha256: string
  /** the exact bytes published */
  bytes: Uint8Array
  /** the scenario's title, a language map, for lists */
  title: Json<Record<string, string>>
  published_by: string | null
  published_at: Created
}

export interface AssignmentsTable {
  id: string
  class_id: string
  scenario_id: string
  scenario_version: string
  mode: 'practice' | 'assessment'
  opens_at: NullableTimestamp
  closes_at: NullableTimestamp
  /** null: as many attempts as the learner likes */
  max_attempts: number | null
  created_by: string | null
  created_at: Created
  /** when the close was processed: unfinished attempts were scored at their last event */
  closed_at: NullableTimestamp
}

/** The attempt's header as the learner's app first sent it; it never changes afterwards. */
export interface AttemptHeader {
  format: string
  id: string
  scenario: { id: string; version: string; sha256?: string }
  learner: { id: string; name?: string }
  mode: 'practice' | 'assessment'
  startedAt: string
  faults: string[]
}

export interface AttemptsTable {
  id: string
  assignment_id: string
  user_id: string
  header: Json<AttemptHeader>
  /** judgement marks (spec section 5: id → { mark, assessor, at }) */
  judgements: ColumnType<
    Record<string, { mark: number; assessor: string; at: string }>,
    string | undefined,
    string
  >
  /** events stored are seq 0 … next_seq − 1 */
  next_seq: Generated<number>
  ended: Generated<boolean>
  created_at: Created
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface AttemptEventsTable {
  attempt_id: string
  seq: number
  event: Json<unknown>
}

export interface ResultsTable {
  attempt_id: string
  /** grows by one each time the result changes (a judgement mark, a close) */
  revision: number
  result: Json<unknown>
  scored_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface JudgementAuditTable {
  id: Generated<number>
  attempt_id: string
  judgement: string
  old_mark: number | null
  new_mark: number | null
  by_user: string | null
  at: Created
}

export interface LiveHeadsTable {
  assignment_id: string
  /** the last live update's seq given for the assignment (bigint: read it cast) */
  seq: ColumnType<string, number | string | undefined, number | string>
  /** after how many minutes without an event a learner shows as idle; null: the default */
  idle_minutes: number | null
}

export interface LiveUpdatesTable {
  assignment_id: string
  /** 1, 2, 3 … per assignment, in commit order: the stream's event id */
  seq: ColumnType<string, number | string, never>
  payload: Json<unknown>
  at: Timestamp
}

export interface LiveMessagesTable {
  assignment_id: string
  /** 1, 2, 3 … per assignment, in commit order: the learner's stream's event id */
  seq: ColumnType<string, number | string, never>
  kind: 'message' | 'end'
  /** the learner it is for; null: the whole class */
  learner_id: string | null
  text: string
  sent_by: string | null
  sent_at: Timestamp
}

/** A client of the xAPI LRS: HTTP Basic `key` and the scrypt hash of its secret. */
export interface LrsClientsTable {
  id: string
  name: string
  key: string
  secret_hash: string
  created_by: string | null
  created_at: Timestamp
  revoked_at: NullableTimestamp
}

/** One stored xAPI statement, with the columns the Statements resource filters on. */
export interface LrsStatementsTable {
  id: string
  /** storage order (bigint: read it cast) */
  seq: ColumnType<string, never, never>
  /** the statement as stored (stored, authority, version, timestamp filled in) */
  statement: Json<Record<string, unknown>>
  stored: Timestamp
  client_id: string | null
  verb_id: string
  /** the actor's and an Agent or Group object's identifier keys (see lrs/agents key) */
  agents: string[]
  /** every agent of the statement: also authority, instructor, team, a sub-statement's */
  related_agents: string[]
  /** the object, when it is an Activity */
  activity_id: string | null
  /** the object's and every context activity's id, a sub-statement's too */
  related_activities: string[]
  registration: string | null
  /** a voiding statement: the id of the statement it voids */
  voids: string | null
  voided: Generated<boolean>
  /** statements the server stored from a Practica attempt */
  attempt_id: string | null
}

export interface LrsAttachmentsTable {
  sha2: string
  content_type: string
  bytes: Uint8Array
}

/** The xAPI document resources (migration 007) */
export type LrsDocumentKind = 'state' | 'activity-profile' | 'agent-profile'

/** One xAPI document: a State, an Activity Profile or an Agent Profile document. */
export interface LrsDocumentsTable {
  kind: LrsDocumentKind
  /** '' for an Agent Profile document */
  activity_id: string
  /** the agent's identifier (lrs/agents.ts agentKey); '' for an Activity Profile document */
  agent_key: string
  /** a State document's registration, lower case; '' when none */
  registration: string
  /** the stateId or profileId */
  doc_id: string
  content: Uint8Array
  content_type: string
  /** SHA-1 of the content, hexadecimal */
  etag: string
  updated: Timestamp
}

/** The external LRS the statements are forwarded to (migration 008): one row, id 1. */
export interface LrsForwardTable {
  id: number
  /** the receiving LRS's xAPI base address, ending with / */
  endpoint: string
  username: string
  /** the Basic secret, sealed under the server's secret (badges/secret.ts); never answered back */
  secret: string
  paused: Generated<boolean>
  /** grows each time the endpoint changes */
  generation: Generated<number>
  /** bigint: read it cast */
  delivered: ColumnType<string, never, string | number>
  last_delivered_at: NullableTimestamp
  /** failed sends in a row (the backoff's exponent) */
  failures: Generated<number>
  next_attempt_at: NullableTimestamp
  last_error_status: number | null
  last_error_message: string | null
  last_error_at: NullableTimestamp
  lease_holder: string | null
  lease_until: NullableTimestamp
  updated_by: string | null
  updated_at: Timestamp
}

/** A statement still to forward, by its storage order (lrs_statements.seq). */
export interface LrsOutboxTable {
  seq: ColumnType<string, string | number, never>
  statement_id: string
  /** the receiver refused it as invalid: kept, passed over */
  refused_status: number | null
  refused_message: string | null
}

export interface Database {
  users: UsersTable
  classes: ClassesTable
  class_learners: ClassLearnersTable
  assessor_classes: AssessorClassesTable
  sessions: SessionsTable
  rate_limits: RateLimitsTable
  settings: SettingsTable
  scenarios: ScenariosTable
  assignments: AssignmentsTable
  attempts: AttemptsTable
  attempt_events: AttemptEventsTable
  results: ResultsTable
  judgement_audit: JudgementAuditTable
  live_heads: LiveHeadsTable
  live_updates: LiveUpdatesTable
  live_messages: LiveMessagesTable
  lrs_clients: LrsClientsTable
  lrs_statements: LrsStatementsTable
  lrs_attachments: LrsAttachmentsTable
  badge_keys: BadgeKeysTable
  badge_status_lists: BadgeStatusListsTable
  badge_confirmations: BadgeConfirmationsTable
  badge_credentials: BadgeCredentialsTable
  lrs_documents: LrsDocumentsTable
  lrs_forward: LrsForwardTable
  lrs_outbox: LrsOutboxTable
}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>

/** The school's Open Badges signing keys: one current (retired_at null), the retired ones kept. */
export interface BadgeKeysTable {
  id: string
  /** did:key of the public key */
  did: string
  /** the public key, multibase (z6Mk…) */
  public_key: string
  /** the secret key, AES-GCM sealed under the server's secret (badges/secret.ts) */
  sealed_secret: string
  created_at: Timestamp
  created_by: string | null
  retired_at: NullableTimestamp
}

/** A Bitstring Status List the server publishes at `url`, signed by key `key_id`. */
export interface BadgeStatusListsTable {
  id: number
  key_id: string
  url: string
  length: number
  /** the next place to give a credential */
  next_index: number
  /** the signed BitstringStatusListCredential as published */
  credential: Json<Record<string, unknown>>
  updated_at: Timestamp
}

/** An assessor's confirmation of an attempt's result: who, when, and the result's revision. */
export interface BadgeConfirmationsTable {
  attempt_id: string
  revision: number
  confirmed_by: string | null
  confirmed_at: Timestamp
}

/** An OpenBadgeCredential issued for a confirmed attempt: its scenario or one competency. */
export interface BadgeCredentialsTable {
  id: string
  attempt_id: string
  user_id: string
  kind: 'scenario' | 'competency'
  /** the scenario's or the competency's id */
  achievement: string
  /** the achievement's name, in the scenario's first language */
  name: string
  /** the achievement's name in each of the scenario's languages (locale → text) */
  names: Json<Record<string, string>>
  key_id: string
  list_id: number
  list_index: number
  credential: Json<Record<string, unknown>>
  issued_at: Timestamp
  revoked_at: NullableTimestamp
  revoked_by: string | null
}
