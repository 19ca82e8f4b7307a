// Learners' attempts as statements in the server's LRS: whenever the server stores a result (the
// first scoring, and each revision a judgement mark or a close makes), the statements the
// exporter writes for it (core exportXapi: ids derived from the attempt, the revision and the
// position) are stored, exactly those. The statements of an earlier revision that the new one no
// longer has (its verdict: completed, passed or failed, terminated) are voided, with voiding
// statements whose ids derive from the voided ones. Nothing is stored while the admin has not set
// the activity base IRI: the exporter's example domain is never used by a server.
import type { Kysely } from 'kysely'
import { exportXapi, uuidV5, XAPI_NAMESPACE, type ScoredAttempt } from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { activityBaseOf } from './clients.ts'
import { prepare, storeStatements } from './statements.ts'
import { VOIDED_VERB } from './validate.ts'

/** The agent the server stores attempts' statements as (their authority, and who voids). */
export function practicaAgent(activityBase: string): Record<string, unknown> {
  return {
    objectType: 'Agent',
    name: 'Practica',
    account: { homePage: activityBase, name: 'practica-server' },
  }
}

/**
 * Stores the statements of `scored` (attempt `attemptId`'s result at its revision) in the LRS, at
 * `at`, and voids those of earlier revisions it replaces. Runs in `db` (a transaction when the
 * caller has one). Does nothing while no activity base IRI is set. Returns how many statements
 * were stored and voided (0 and 0 when none was new).
 */
export async function recordAttemptStatements(
  db: Kysely<Database>,
  attemptId: string,
  scored: ScoredAttempt,
  at: Date,
): Promise<{ stored: number; voided: number } | undefined> {
  const activityBase = await activityBaseOf(db)
  if (activityBase === undefined) return undefined
  const agent = practicaAgent(activityBase)
  const statements = exportXapi(scored, { activityBase, homePage: `${activityBase}/learners` })
  const ids = new Set(statements.map((s) => s.id))
  const before = await db
    .selectFrom('lrs_statements')
    .select(['id'])
    .where('attempt_id', '=', attemptId)
    .where('voids', 'is', null)
    .where('voided', '=', false)
    .execute()
  const replaced = before.filter((r) => !ids.has(r.id))
  const isNew = statements.filter((s) => !before.some((r) => r.id === s.id))
  const voiding = replaced.map((r) => ({
    id: uuidV5(`${attemptId}#voids#${r.id}`, XAPI_NAMESPACE),
    actor: agent,
    verb: { id: VOIDED_VERB, display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: r.id },
    timestamp: at.toISOString(),
    version: '1.0.3',
  }))
  const batch = [...voiding, ...isNew].map((s) =>
    prepare(s as unknown as Record<string, unknown>, at, agent),
  )
  await storeStatements(db, batch, { clientId: null, attemptId })
  return { stored: isNew.length, voided: voiding.length }
}
