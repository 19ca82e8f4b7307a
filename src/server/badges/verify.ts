// Verifying an Open Badges 3.0 credential offline: its eddsa-rdfc-2022 proof, with the contexts
// bundled with the verifier (nothing is fetched, did:key resolved locally), its dates, and, when
// its status list is at hand (a file, or the server's own), whether it was revoked. Used by the
// CLI (`verify FILE [STATUS-LIST]`) and the server.
import { DataIntegrityProof } from '@digitalcredentials/data-integrity'
import { cryptosuite } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalcredentials/vc'
import { checkStatus } from '@digitalcredentials/vc-bitstring-status-list'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { offlineLoader } from './loader.ts'

export interface Verification {
  /** the proof holds, the dates allow it, and it is not known to be revoked */
  readonly verified: boolean
  /** the signature (and the credential's form) alone */
  readonly signature: boolean
  readonly issuer: string | undefined
  /** `unchecked`: the credential's status list was not at hand */
  readonly status: 'not-revoked' | 'revoked' | 'unchecked' | 'no-status'
  /** what failed, in plain words */
  readonly problems: readonly string[]
}

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The status list URL a credential names, if any. */
export function statusListUrl(credential: unknown): string | undefined {
  if (!isObject(credential) || !isObject(credential['credentialStatus'])) return undefined
  const url = credential['credentialStatus']['statusListCredential']
  return typeof url === 'string' ? url : undefined
}

/** The verifier's messages a person may not follow, said plainly. */
const PLAIN: readonly (readonly [RegExp, string])[] = [
  [
    /^Invalid signature\.?$/,
    'Invalid signature: the credential was changed after it was signed, or signed by another key.',
  ],
  [
    /^No matching proofs found/,
    'The file carries no proof this verifier checks (a DataIntegrityProof of the eddsa-rdfc-2022 cryptosuite): it is not a credential signed by a Practica server.',
  ],
]

const plain = (message: string) => PLAIN.find(([re]) => re.test(message))?.[1] ?? message

function messagesOf(error: unknown): string[] {
  if (!isObject(error) && !(error instanceof Error)) return []
  const e = error as { message?: unknown; errors?: unknown; details?: { cause?: unknown } }
  const nested = Array.isArray(e.errors) ? e.errors.flatMap(messagesOf) : []
  if (nested.length > 0) return nested
  // a JSON-LD error carries the loader's own (plainer) message as its cause
  const cause = e.details?.cause === undefined ? [] : messagesOf(e.details.cause)
  if (cause.length > 0) return cause
  return typeof e.message === 'string' ? [plain(e.message)] : []
}

/**
 * Verifies `credential` with no network. `statusLists` are signed BitstringStatusListCredentials
 * the caller has (by their `id`); without the one the credential names, its status is `unchecked`.
 */
export async function verifyBadge(
  credential: unknown,
  options: { statusLists?: readonly unknown[]; now?: Date } = {},
): Promise<Verification> {
  if (!isObject(credential))
    return {
      verified: false,
      signature: false,
      issuer: undefined,
      status: 'unchecked',
      problems: ['The file is not a credential (a JSON object).'],
    }
  const issuerField = credential['issuer']
  const issuer =
    typeof issuerField === 'string'
      ? issuerField
      : isObject(issuerField) && typeof issuerField['id'] === 'string'
        ? issuerField['id']
        : undefined
  const lists = new Map<string, object>()
  for (const list of options.statusLists ?? [])
    if (isObject(list) && typeof list['id'] === 'string') lists.set(list['id'], list)
  const documentLoader = offlineLoader(lists)
  const listUrl = statusListUrl(credential)
  const state: { status: Verification['status'] } = { status: listUrl ? 'unchecked' : 'no-status' }
  const problems: string[] = []
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader,
    ...(options.now ? { now: options.now } : {}),
    async checkStatus(o: object) {
      if (!listUrl || !lists.has(listUrl)) return { verified: true }
      const checked = await checkStatus({
        ...(o as { credential: object }),
        documentLoader,
        suite: new DataIntegrityProof({ cryptosuite }),
        verifyBitstringStatusListCredential: true,
        verifyMatchingIssuers: true,
      })
      if (checked.error) {
        problems.push(`The status list cannot be used: ${messagesOf(checked.error).join('; ')}`)
        state.status = 'unchecked'
      } else state.status = checked.verified ? 'not-revoked' : 'revoked'
      return checked.error ? { verified: true } : checked
    },
  })
  const signatureOk = result.verified || (result.results?.every((r) => r.verified) ?? false)
  if (!signatureOk)
    problems.unshift(
      ...messagesOf(result.error),
      ...(result.results ?? []).flatMap((r) => messagesOf(r.error)),
    )
  if (!signatureOk && problems.length === 0) problems.unshift('The proof does not verify.')
  const { status } = state
  if (status === 'revoked') problems.push('The issuer has revoked this credential.')
  return {
    verified: signatureOk && status !== 'revoked' && result.verified,
    signature: signatureOk,
    issuer,
    status: signatureOk ? status : status === 'revoked' ? 'revoked' : 'unchecked',
    problems: [...new Set(problems)],
  }
}

/** Verifies `credential` against the status lists this server publishes. */
export async function verifyOnServer(
  db: Kysely<Database>,
  credential: unknown,
  now?: Date,
): Promise<Verification> {
  const url = statusListUrl(credential)
  const list = url
    ? await db
        .selectFrom('badge_status_lists')
        .select('credential')
        .where('url', '=', url)
        .executeTakeFirst()
    : undefined
  return verifyBadge(credential, {
    statusLists: list ? [list.credential] : [],
    ...(now ? { now } : {}),
  })
}
