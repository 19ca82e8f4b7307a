// The first start: while the server has no admin, each start makes a one-time setup token (only
// its SHA-256 is stored, in settings) and prints the link that carries it. The link's page makes
// the admin; the token then stops working.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { hasAdmin, SETUP_KEY } from './users.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest()

/** Makes a fresh setup token when there is no admin (replacing an older one); else undefined. */
export async function prepareSetup(db: Kysely<Database>): Promise<string | undefined> {
  if (await hasAdmin(db)) return undefined
  const token = randomBytes(24).toString('base64url')
  const value = JSON.stringify({ sha256: sha256(token).toString('hex') })
  await db
    .insertInto('settings')
    .values({ key: SETUP_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
  return token
}

/** The start message's lines about the setup link (none once there is an admin). */
export async function setupMessage(db: Kysely<Database>, address: string): Promise<string[]> {
  const token = await prepareSetup(db)
  if (!token) return []
  return [
    '\nThere is no administrator yet. Open this link once, on this computer, to make one:',
    `  ${address}/?setup=${token}`,
    '(or run: npm run -s cli -- server add-user --role admin --login NAME --name "FULL NAME")',
  ]
}

/** Whether `token` is the stored setup token (`stored` is the settings value). */
export function isSetupToken(token: string, stored: unknown): boolean {
  const hex =
    typeof stored === 'object' && stored !== null && 'sha256' in stored ? stored.sha256 : undefined
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) return false
  return timingSafeEqual(sha256(token), Buffer.from(hex, 'hex'))
}
