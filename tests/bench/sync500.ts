// `sync-500`: the `sync` benchmark's class at 500 learners, the Practica server on PostgreSQL
// (a throwaway cluster on loopback) against the same server on PGlite in a folder, the lab's
// default (issue 15 §4). Each learner sends one attempt of generated conveyor events at once, as
// tests/bench/sync.ts does (its helpers: the outbox's batches, the header with the first, one
// learner in ten re-sending its second batch, the rows counted and summed after the round, none
// lost or doubled, every attempt scored). Figures: events stored per second, PostgreSQL ("ours")
// and PGlite ("peer"); goal: PostgreSQL's at least PGlite's. The `sync` figure is unchanged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadScenario } from '../../src/core/index.ts'
import { BATCH_SIZE } from '../../src/state/classroom/api.ts'
import { clusterForBench, createDatabase } from '../server/pgCluster.ts'
import { generateAttempts } from './generate.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'
import { roundOfOurs, startOurs } from './sync.ts'

const FULL = { learners: 500, events: 200 }
const QUICK = { learners: 40, events: 120 }

export async function runSync500(options: BenchOptions): Promise<BenchResult[]> {
  const sizes = options.quick ? QUICK : FULL
  const bytes = new Uint8Array(
    readFileSync(new URL('../../scenarios/conveyor-loto.json', import.meta.url)),
  )
  const loaded = loadScenario(bytes, { looks: 'form' })
  if (!loaded.ok) throw new Error('scenarios/conveyor-loto.json does not load')
  const model = loaded.value
  const attempts = generateAttempts(model, sizes.learners, sizes.events - 1, 600_000, 23).map(
    (a) => a.events,
  )
  const cluster = await clusterForBench('sync-500')
  if (!cluster) return []
  const dir = mkdtempSync(join(tmpdir(), 'practica-bench-sync500-'))
  try {
    const url = await createDatabase(cluster, 'sync_500')
    const onPostgres = await startOurs({ url }, model, bytes, sizes.learners)
    let postgres
    try {
      postgres = await roundOfOurs(onPostgres, model, attempts)
    } finally {
      await onPostgres.running.close()
      await onPostgres.database.close()
    }
    const onPglite = await startOurs(join(dir, 'pglite'), model, bytes, sizes.learners)
    let pglite
    try {
      pglite = await roundOfOurs(onPglite, model, attempts)
    } finally {
      await onPglite.running.close()
      await onPglite.database.close()
    }
    return [
      makeResult({
        name: 'sync-500',
        unit: ' events/s',
        ours: postgres.eventsPerSecond,
        peer: pglite.eventsPerSecond,
        goals: [{ on: 'ratio', op: '>=', value: 1 }],
        note: `${sizes.learners} learners at once, each sending ${sizes.events} generated conveyor events (assessment mode) in batches of ${BATCH_SIZE}, one in ten re-sending its second batch, over loopback: ours the Practica server on PostgreSQL (a local cluster, fsync off as in the tests), the peer the same server on PGlite in a folder; ${postgres.requests} requests each; every event stored once and every attempt scored on both (rows counted and summed); p99 acknowledgement ${postgres.p99.toFixed(0)} ms on PostgreSQL, ${pglite.p99.toFixed(0)} ms on PGlite; one round each, PostgreSQL first`,
      }),
    ]
  } finally {
    cluster.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}
