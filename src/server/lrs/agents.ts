// The `agent` parameter of the xAPI document resources and the Agents resource (xAPI 1.0.3
// Part Three 2.3, 2.4, 2.6): an Agent Object as JSON, identified by exactly one Inverse Functional
// Identifier (Part Two 2.4.2.1, 2.4.2.3), never a Group. Its key is that identifier alone, so
// that the same person with or without a name reaches the same documents. The Agents resource
// answers a Person Object built from what this LRS knows of the agent: the names its statements
// gave it, and the identifier asked about.
import type { Context } from 'hono'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import type { LrsApp, LrsEnv } from './app.ts'
import { readParams, required, xapiJson } from './documentsParams.ts'

/** An Agent Object as the spec allows it: one identifier, a name perhaps. */
export interface Agent {
  readonly objectType?: 'Agent'
  readonly name?: string
  readonly mbox?: string
  readonly mbox_sha1sum?: string
  readonly openid?: string
  readonly account?: { readonly homePage: string; readonly name: string }
}

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const
type Ifi = (typeof IFIS)[number]

const IRI = /^[a-z][a-z0-9+.-]*:\S*$/i
const MAILTO = /^mailto:[^@\s]+@[^@\s]+$/i
const SHA1_HEX = /^[0-9a-f]{40}$/i

const bad = (what: string) =>
  new ApiError(400, 'bad-agent', `The "agent" parameter is not a valid Agent: ${what}.`)

/** Parses and checks an Agent Object given as JSON text (a query parameter). */
export function parseAgent(text: string): Agent {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw bad('it is not JSON (an object such as {"mbox":"mailto:learner@example.org"})')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad('it must be a JSON object')
  const agent = value as Record<string, unknown>
  for (const key of Object.keys(agent))
    if (key !== 'objectType' && key !== 'name' && !(IFIS as readonly string[]).includes(key))
      throw bad(`"${key}" is not a property of an Agent`)
  if (agent['objectType'] !== undefined && agent['objectType'] !== 'Agent')
    throw bad('its objectType must be "Agent" (a Group is not accepted here)')
  if (agent['name'] !== undefined && typeof agent['name'] !== 'string')
    throw bad('its name must be a string')
  const present = IFIS.filter((k) => agent[k] !== undefined)
  if (present.length !== 1)
    throw bad(
      present.length === 0
        ? 'it needs one identifier: mbox, mbox_sha1sum, openid or account'
        : `it has ${present.length} identifiers (${present.join(', ')}); an Agent has exactly one`,
    )
  const ifi = present[0]!
  checkIfi(ifi, agent[ifi])
  return agent as Agent
}

function checkIfi(ifi: Ifi, value: unknown): void {
  switch (ifi) {
    case 'mbox':
      if (typeof value !== 'string' || !MAILTO.test(value))
        throw bad('mbox must be a "mailto:" address')
      return
    case 'mbox_sha1sum':
      if (typeof value !== 'string' || !SHA1_HEX.test(value))
        throw bad('mbox_sha1sum must be 40 hexadecimal digits')
      return
    case 'openid':
      if (typeof value !== 'string' || !IRI.test(value)) throw bad('openid must be a URI')
      return
    case 'account': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw bad('account must be an object with homePage and name')
      const account = value as Record<string, unknown>
      for (const key of Object.keys(account))
        if (key !== 'homePage' && key !== 'name')
          throw bad(`"${key}" is not a property of an account`)
      if (typeof account['homePage'] !== 'string' || !IRI.test(account['homePage']))
        throw bad('account.homePage must be an IRL such as https://school.example')
      if (typeof account['name'] !== 'string') throw bad('account.name must be a string')
      return
    }
  }
}

/** The agent's identifier as one string: what the documents of an agent are stored under. */
export function agentKey(agent: Agent): string {
  if (agent.mbox !== undefined) return `mbox:${agent.mbox}`
  if (agent.mbox_sha1sum !== undefined) return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`
  if (agent.openid !== undefined) return `openid:${agent.openid}`
  const account = agent.account!
  return `account:${JSON.stringify([account.homePage, account.name])}`
}

/** The Person Object for `agent` (Part Three 2.4): its identifier and every name known for it. */
export function personOf(agent: Agent, names: readonly string[]): Record<string, unknown> {
  const person: Record<string, unknown> = { objectType: 'Person' }
  const all = [...new Set([...(agent.name !== undefined ? [agent.name] : []), ...names])]
  if (all.length > 0) person['name'] = all
  for (const ifi of IFIS) if (agent[ifi] !== undefined) person[ifi] = [agent[ifi]]
  return person
}

/**
 * The names statements stored in this LRS gave the agent as their actor, in the order first
 * seen. Reads the statements table of the Statements resource (lrs_statements, migration 006).
 */
export async function knownNames(db: Kysely<Database>, agent: Agent): Promise<string[]> {
  const [ifi, value] = agent.account
    ? ['account', JSON.stringify(agent.account)]
    : (Object.entries(agent).find(([k]) => (IFIS as readonly string[]).includes(k)) as [
        string,
        string,
      ])
  const match =
    ifi === 'account'
      ? sql`s.statement -> 'actor' -> 'account' = ${value}::jsonb`
      : sql`s.statement -> 'actor' ->> ${ifi} = ${value}`
  const { rows } = await sql<{ name: string }>`
    SELECT s.statement -> 'actor' ->> 'name' AS name, min(s.seq) AS first
      FROM lrs_statements s
     WHERE ${match} AND s.statement -> 'actor' ->> 'name' IS NOT NULL
     GROUP BY 1 ORDER BY 2 LIMIT 20`.execute(db)
  return rows.map((r) => r.name)
}

/** GET /xapi/agents?agent=…: the Person Object (Part Three 2.4). */
export function agentRoutes(app: LrsApp): void {
  app.get('/agents', async (c: Context<LrsEnv>) => {
    const agent = parseAgent(required(readParams(c, ['agent']), 'agent'))
    const names = await knownNames(c.get('deps').db, agent)
    return xapiJson(c, personOf(agent, names))
  })
}
