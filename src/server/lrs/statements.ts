// Storing and finding xAPI statements (xAPI 1.0.3 Part Two §2.3–2.5, Part Three §2.1): what the
// LRS fills in (id, stored, authority, timestamp, version), the columns the filters use, storing a
// batch all or nothing (a statement already stored under its id is accepted again only when it is
// the same statement: else 409), voiding (a voided statement leaves the normal queries; voiding a
// voiding statement is refused), and the queries with their paging cursor.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { sameStatement } from './compare.ts'
import { instantOf, VOIDED_VERB } from './validate.ts'

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The key an Agent or Group is found by: its objectType and its one identifier (an anonymous
 * Group has none, and no key). Two agents are the same when their keys are equal.
 */
export function agentKeyOf(agent: unknown): string | undefined {
  if (!isObject(agent)) return undefined
  const type = agent['objectType'] === 'Group' ? 'Group' : 'Agent'
  if (typeof agent['mbox'] === 'string') return `${type}|mbox:${agent['mbox'].toLowerCase()}`
  if (typeof agent['mbox_sha1sum'] === 'string')
    return `${type}|mbox_sha1sum:${agent['mbox_sha1sum'].toLowerCase()}`
  if (typeof agent['openid'] === 'string') return `${type}|openid:${agent['openid']}`
  const account = agent['account']
  if (isObject(account))
    return `${type}|account:${JSON.stringify([account['homePage'], account['name']])}`
  return undefined
}

/** The filter columns of one statement (validated). */
export interface Columns {
  readonly verbId: string
  readonly agents: string[]
  readonly relatedAgents: string[]
  readonly activityId: string | null
  readonly relatedActivities: string[]
  readonly registration: string | null
  readonly voids: string | null
}

function agentKeys(agent: unknown, into: Set<string>): void {
  const key = agentKeyOf(agent)
  if (key) into.add(key)
  // a Group's members are found too, as related agents
  if (isObject(agent) && Array.isArray(agent['member']))
    for (const m of agent['member']) {
      const k = agentKeyOf(m)
      if (k) into.add(k)
    }
}

function contextActivityIds(context: unknown, into: Set<string>): void {
  if (!isObject(context) || !isObject(context['contextActivities'])) return
  for (const list of Object.values(context['contextActivities'])) {
    for (const a of Array.isArray(list) ? list : [list])
      if (isObject(a) && typeof a['id'] === 'string') into.add(a['id'])
  }
}

/** The columns the Statements resource's filters read, from a validated statement. */
export function columnsOf(s: Json): Columns {
  const object = s['object'] as Json
  const objectType = (object['objectType'] as string | undefined) ?? 'Activity'
  const agents = new Set<string>()
  const related = new Set<string>()
  const activities = new Set<string>()
  // the agent filter's: the actor and an Agent or Group object, a Group's members with it
  // ("Groups that have members which match the specified Agent … are considered a match")
  agentKeys(s['actor'], agents)
  if (objectType === 'Agent' || objectType === 'Group') agentKeys(object, agents)
  const walk = (part: Json) => {
    agentKeys(part['actor'], related)
    const o = part['object'] as Json
    const type = (o['objectType'] as string | undefined) ?? 'Activity'
    if (type === 'Agent' || type === 'Group') agentKeys(o, related)
    if (type === 'Activity' && typeof o['id'] === 'string') activities.add(o['id'])
    const context = part['context']
    if (isObject(context)) {
      agentKeys(context['instructor'], related)
      agentKeys(context['team'], related)
      contextActivityIds(context, activities)
    }
    if (type === 'SubStatement') walk(o)
  }
  walk(s)
  agentKeys(s['authority'], related)
  for (const k of agents) related.add(k)
  const context = isObject(s['context']) ? s['context'] : {}
  return {
    verbId: (s['verb'] as Json)['id'] as string,
    agents: [...agents],
    relatedAgents: [...related],
    activityId: objectType === 'Activity' ? (object['id'] as string) : null,
    relatedActivities: [...activities],
    registration:
      typeof context['registration'] === 'string' ? context['registration'].toLowerCase() : null,
    voids:
      (s['verb'] as Json)['id'] === VOIDED_VERB && objectType === 'StatementRef'
        ? (object['id'] as string).toLowerCase()
        : null,
  }
}

/** A statement ready to store: as it will be stored, and its filter columns. */
export interface Prepared {
  readonly id: string
  readonly statement: Json
  readonly columns: Columns
  /** the statement as received (for comparing with one already stored) */
  readonly received: Json
}

/**
 * The statement as the LRS stores it (Part Two §2.4): its id (a new UUID when it has none, lower
 * case), `stored` now, the `authority` of who sent it (whatever the statement said), `timestamp`
 * (stored when it has none) and `version` (1.0.0 when it has none).
 */
export function prepare(received: Json, stored: Date, authority: Json): Prepared {
  const id = typeof received['id'] === 'string' ? received['id'].toLowerCase() : randomUUID()
  const storedText = stored.toISOString()
  const statement: Json = {
    ...received,
    id,
    timestamp: received['timestamp'] ?? storedText,
    stored: storedText,
    authority,
    version: received['version'] ?? '1.0.0',
  }
  return { id, statement, columns: columnsOf(statement), received }
}

export interface StoreOptions {
  readonly clientId: string | null
  /** statements the server stores from a Practica attempt */
  readonly attemptId?: string
}

/**
 * Stores `batch` all or nothing, in one transaction (or in `db` when it is one). A statement whose
 * id is stored already is skipped when it is the same statement, else the batch is refused with
 * 409. A voiding statement marks its target voided (now, or when the target arrives later); one
 * that voids a voiding statement is refused with 400. Returns the ids in the batch's order.
 */
export async function storeStatements(
  db: Kysely<Database>,
  batch: readonly Prepared[],
  options: StoreOptions,
): Promise<string[]> {
  const seen = new Set<string>()
  for (const p of batch) {
    if (seen.has(p.id))
      throw new ApiError(
        400,
        'duplicate-statement-id',
        `The batch has two statements with the id ${p.id}; each statement needs its own id.`,
      )
    seen.add(p.id)
  }
  if (batch.length === 0) return []
  const run = async (trx: Kysely<Database>) => {
    const targets = batch.flatMap((p) => (p.columns.voids ? [p.columns.voids] : []))
    if (targets.length > 0) await checkVoidingTargets(trx, batch, targets)
    // every row as one JSON parameter: one parameter per value would cost more than the rows
    const rows = batch.map((p) => ({
      id: p.id,
      statement: p.statement,
      stored: p.statement['stored'],
      client_id: options.clientId,
      verb_id: p.columns.verbId,
      agents: p.columns.agents,
      related_agents: p.columns.relatedAgents,
      activity_id: p.columns.activityId,
      related_activities: p.columns.relatedActivities,
      registration: p.columns.registration,
      voids: p.columns.voids,
      attempt_id: options.attemptId ?? null,
    }))
    const { rows: inserted } = await sql<{ id: string }>`
      INSERT INTO lrs_statements (id, statement, stored, client_id, verb_id, agents, related_agents,
                                  activity_id, related_activities, registration, voids, voided,
                                  attempt_id)
      SELECT r.id, r.statement, r.stored, r.client_id, r.verb_id, r.agents, r.related_agents,
             r.activity_id, r.related_activities, r.registration, r.voids,
             -- voided already when its voiding statement came first
             EXISTS (SELECT 1 FROM lrs_statements v WHERE v.voids = r.id), r.attempt_id
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
               id uuid, statement jsonb, stored timestamptz, client_id uuid, verb_id text,
               agents text[], related_agents text[], activity_id text, related_activities text[],
               registration uuid, voids uuid, attempt_id uuid)
      ON CONFLICT (id) DO NOTHING
      RETURNING id`.execute(trx)
    if (inserted.length < batch.length) {
      const fresh = new Set(inserted.map((r) => r.id))
      const again = batch.filter((p) => !fresh.has(p.id))
      const stored = await trx
        .selectFrom('lrs_statements')
        .select(['id', 'statement'])
        .where(
          'id',
          'in',
          again.map((p) => p.id),
        )
        .execute()
      const byId = new Map(stored.map((r) => [r.id, r.statement]))
      for (const p of again) {
        const there = byId.get(p.id)
        if (!there || !sameStatement(p.received, there))
          throw new ApiError(
            409,
            'statement-conflict',
            `A different statement is stored already with the id ${p.id}; statements never change, so send this one with a new id.`,
            { id: p.id },
          )
      }
    }
    const newTargets = batch.flatMap((p) =>
      p.columns.voids && inserted.some((r) => r.id === p.id) ? [p.columns.voids] : [],
    )
    if (newTargets.length > 0)
      await trx
        .updateTable('lrs_statements')
        .set({ voided: true })
        .where('id', 'in', newTargets)
        .execute()
  }
  if (db.isTransaction) await run(db)
  else await db.transaction().execute(run)
  return batch.map((p) => p.id)
}

async function checkVoidingTargets(
  db: Kysely<Database>,
  batch: readonly Prepared[],
  targets: readonly string[],
): Promise<void> {
  const refuse = (id: string) =>
    new ApiError(
      400,
      'voiding-a-voiding-statement',
      `The statement ${id} voids a statement, so it cannot be voided: a voiding statement stands for good.`,
    )
  for (const p of batch)
    if (p.columns.voids && batch.some((q) => q.id === p.columns.voids && q.columns.voids))
      throw refuse(p.columns.voids)
  const rows = await db
    .selectFrom('lrs_statements')
    .select(['id', 'voids'])
    .where('id', 'in', [...targets])
    .execute()
  for (const r of rows) if (r.voids !== null) throw refuse(r.id)
}

/** A query of the Statements resource, its parameters parsed. */
export interface StatementQuery {
  readonly agent?: string | undefined
  readonly verb?: string | undefined
  readonly activity?: string | undefined
  readonly registration?: string | undefined
  readonly relatedActivities: boolean
  readonly relatedAgents: boolean
  readonly since?: string | undefined
  readonly until?: string | undefined
  /** 1 … MAX_LIMIT */
  readonly limit: number
  readonly ascending: boolean
}

/** Where a page ended: the last statement's stored time (ISO) and storage order. */
export type Cursor = readonly [string, string]

/** The most statements one answer holds (and what `limit=0` means). */
export const MAX_LIMIT = 500

/**
 * The id of the statement `t`'s StatementRef object targets (null when its object is not one), in
 * a CASE so that no other object's id is ever cast to a UUID.
 */
const refTarget = (t: string) => {
  const object = sql`${sql.ref(`${t}.statement`)} -> 'object'`
  return sql`CASE WHEN ${object} ->> 'objectType' = 'StatementRef' THEN (${object} ->> 'id')::uuid END`
}

/** One page of a query: the statements as stored, and the cursor of the next page if any. */
export async function queryStatements(
  db: Kysely<Database>,
  query: StatementQuery,
  after?: Cursor,
): Promise<{ statements: Json[]; next: Cursor | undefined }> {
  // the filters other than time and limit, on the statement `t` (an alias)
  const conditions = (t: string) => {
    const c = (name: string) => sql.ref(`${t}.${name}`)
    const parts: RawBuilder<boolean>[] = []
    if (query.agent !== undefined)
      parts.push(
        query.relatedAgents
          ? sql<boolean>`${c('related_agents')} @> ARRAY[${query.agent}]::text[]`
          : // found by the related agents' index (which holds the actor's and object's keys too)
            sql<boolean>`${c('related_agents')} @> ARRAY[${query.agent}]::text[] AND ${query.agent} = ANY (${c('agents')})`,
      )
    if (query.verb !== undefined) parts.push(sql<boolean>`${c('verb_id')} = ${query.verb}`)
    if (query.activity !== undefined)
      parts.push(
        query.relatedActivities
          ? sql<boolean>`${c('related_activities')} @> ARRAY[${query.activity}]::text[]`
          : sql<boolean>`${c('activity_id')} = ${query.activity}`,
      )
    if (query.registration !== undefined)
      parts.push(sql<boolean>`${c('registration')} = ${query.registration.toLowerCase()}::uuid`)
    return parts.length === 0 ? undefined : sql.join(parts, sql` AND `)
  }
  let q = db
    .selectFrom('lrs_statements as s')
    .select(['s.statement', 's.stored', sql<string>`s.seq::text`.as('seq')])
    .where('s.voided', '=', false)
  const own = conditions('s')
  // a statement whose object is a StatementRef meets the filters when the statement it targets
  // does, and so on down a chain of StatementRefs (Part Three §2.1.3, filter conditions for
  // StatementRefs: "this rule applies recursively"); the targets are found by their ids (the
  // primary key), voided ones included (§2.1.4.s1.b2), a chain that loops ends (UNION)
  if (own)
    q = q.where(
      sql<boolean>`((${own}) OR (s.statement -> 'object' ->> 'objectType' = 'StatementRef'
        AND EXISTS (
          WITH RECURSIVE chain(id) AS (
            SELECT ${refTarget('s')}
            UNION
            SELECT ${refTarget('r')} FROM lrs_statements r JOIN chain ON r.id = chain.id)
          SELECT 1 FROM chain JOIN lrs_statements t ON t.id = chain.id WHERE ${conditions('t')})))`,
    )
  if (query.since !== undefined) q = q.where('s.stored', '>', new Date(instantOf(query.since)))
  if (query.until !== undefined) q = q.where('s.stored', '<=', new Date(instantOf(query.until)))
  if (after)
    q = q.where(
      query.ascending
        ? sql<boolean>`(s.stored, s.seq) > (${new Date(after[0])}::timestamptz, ${after[1]}::bigint)`
        : sql<boolean>`(s.stored, s.seq) < (${new Date(after[0])}::timestamptz, ${after[1]}::bigint)`,
    )
  const direction = query.ascending ? 'asc' : 'desc'
  const rows = await q
    .orderBy('s.stored', direction)
    .orderBy('s.seq', direction)
    .limit(query.limit + 1)
    .execute()
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    statements: page.map((r) => r.statement),
    next: rows.length > query.limit && last ? [last.stored.toISOString(), last.seq] : undefined,
  }
}

/** One statement by id: `voided` false finds it unless voided, true only if voided. */
export async function statementById(
  db: Kysely<Database>,
  id: string,
  voided: boolean,
): Promise<Json | undefined> {
  const row = await db
    .selectFrom('lrs_statements')
    .select('statement')
    .where('id', '=', id.toLowerCase())
    .where('voided', '=', voided)
    .executeTakeFirst()
  return row?.statement
}
