// HTTP Basic credentials of the LRS's clients (the admin makes them: lrs/clients.ts). A request
// names the client's key and secret; the client must exist and not be revoked, and the secret
// must match its scrypt hash. Checking scrypt costs ≈ 0.1 s, so a check that passed is kept in
// memory (by the SHA-256 of the key, the secret and the hash it matched): the client row is still
// read on every request, so a revoked client is refused at once, by every process.
import { createHash, randomBytes } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { ApiError } from '../http/errors.ts'
import { verifySecret } from '../people/secret.ts'
import type { LrsEnv } from './app.ts'

/** The client an LRS request was authenticated as. */
export interface LrsClient {
  readonly id: string
  readonly name: string
  readonly key: string
}

/** The statement authority of `client`: an Agent whose account is the client's key. */
export function authorityOf(client: LrsClient, homePage: string): Record<string, unknown> {
  return {
    objectType: 'Agent',
    name: client.name,
    account: { homePage, name: client.key },
  }
}

const verified = new Map<string, number>()
const VERIFIED_MAX = 1000

const digest = (key: string, secret: string, hash: string) =>
  createHash('sha256').update(`${key}\n${secret}\n${hash}`).digest('base64url')

const refused = (why: string) =>
  new ApiError(
    401,
    'lrs-credentials',
    `${why} Send the key and secret the admin made for this client (HTTP Basic).`,
  )

/** Reads `Authorization: Basic …`; undefined when there is none or it is not Basic. */
function basicOf(header: string | undefined): { key: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '')
  if (!match) return undefined
  const text = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = text.indexOf(':')
  if (colon < 0) return undefined
  return { key: text.slice(0, colon), secret: text.slice(colon + 1) }
}

/**
 * The LRS client of the request, checked against the database; throws ApiError 401 (with a
 * `WWW-Authenticate` challenge set on the answer by the app) for none, an unknown or revoked key,
 * or a wrong secret.
 */
export async function authenticateLrs(c: Context<LrsEnv>): Promise<LrsClient> {
  const credentials = basicOf(c.req.header('authorization'))
  if (!credentials) throw refused('This address needs LRS credentials.')
  const { key, secret } = credentials
  const row =
    key.length > 0 && key.length <= 200
      ? await c
          .get('deps')
          .db.selectFrom('lrs_clients')
          .select(['id', 'name', 'key', 'secret_hash', 'revoked_at'])
          .where('key', '=', key)
          .executeTakeFirst()
      : undefined
  if (!row || row.revoked_at !== null) {
    await verifySecret(secret, null)
    throw refused('These LRS credentials are unknown or were revoked.')
  }
  const seen = digest(key, secret, row.secret_hash)
  if (!verified.has(seen)) {
    if (!(await verifySecret(secret, row.secret_hash)))
      throw refused('These LRS credentials are unknown or were revoked.')
    if (verified.size >= VERIFIED_MAX) verified.clear()
    verified.set(seen, Date.now())
  }
  return { id: row.id, name: row.name, key: row.key }
}

/** Middleware: authenticates the request (authenticateLrs) and sets `lrsClient`. */
export const lrsAuth: MiddlewareHandler<LrsEnv> = async (c, next) => {
  c.set('lrsClient', await authenticateLrs(c))
  await next()
}

/** The client the request was authenticated as (after lrsAuth). */
export function lrsClientOf(c: Context<LrsEnv>): LrsClient {
  const client = c.get('lrsClient')
  if (!client) throw refused('This address needs LRS credentials.')
  return client
}

/** A new client key and secret: random, URL-safe. */
export function newCredentials(): { key: string; secret: string } {
  return {
    key: randomBytes(12).toString('base64url'),
    secret: randomBytes(24).toString('base64url'),
  }
}
