// Published scenarios as runnable models: compiled from the exact bytes stored at publishing, with
// the engine's own loader (the one `npm run -s cli -- score` uses), kept in memory by SHA-256 so
// that a class syncing one scenario compiles it once.
import type { Kysely } from 'kysely'
import { loadScenario, type Model } from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'

/** Compiled models by SHA-256 of their bytes; a few dozen scenarios at most are live at once. */
const MODELS = new Map<string, Promise<Model>>()
const MAX_MODELS = 64

/** Keeps `model` (just compiled from its bytes) for later calls of modelFor. */
export function rememberModel(model: Model): void {
  if (model.sha256 === undefined) return
  remember(model.sha256, Promise.resolve(model))
}

function remember(sha256: string, model: Promise<Model>): void {
  MODELS.delete(sha256)
  MODELS.set(sha256, model)
  // the oldest one out: a Map iterates in insertion order, and a hit re-inserts
  while (MODELS.size > MAX_MODELS) MODELS.delete(MODELS.keys().next().value!)
}

/**
 * The model of the published scenario whose bytes hash to `sha256`. Scoring checks its form only,
 * as the CLI's `score` does: it was validated in full when it was published.
 */
export function modelFor(db: Kysely<Database>, sha256: string): Promise<Model> {
  const known = MODELS.get(sha256)
  if (known) {
    remember(sha256, known)
    return known
  }
  const loading = (async () => {
    const row = await db
      .selectFrom('scenarios')
      .select('bytes')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst()
    if (!row) throw new ApiError(404, 'not-found', 'There is no such scenario.')
    const loaded = loadScenario(row.bytes, { looks: 'form' })
    if (!loaded.ok)
      throw new Error(
        `The stored scenario ${sha256.slice(0, 12)}… no longer loads: ${loaded.problems[0]?.message}`,
      )
    return loaded.value
  })()
  remember(sha256, loading)
  // a failure is not kept: the next call tries again
  loading.catch(() => MODELS.get(sha256) === loading && MODELS.delete(sha256))
  return loading
}
