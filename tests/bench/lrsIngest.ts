// `lrs-ingest`: how fast the server's xAPI LRS stores statements. The real Practica server on
// PGlite in a temporary folder, one LRS client (HTTP Basic), statements like those an AU sends
// (an account actor, a verb, an activity with its definition, a result, a context with a
// registration), each with its own id. Ours: POST batches of 50 statements; peer: the same
// statements one per request (what an AU sending each as it happens does), same server, same
// concurrency (4 senders), alternated in pairs, the figure the median of the pairs' ratios. After
// every round the statements stored are counted: none lost or doubled. Then `lrs-class-p99`: a
// class of 40 sending in real time, each learner's AU posting one statement every 2 s for 10 s
// (first posts spread over the first 2 s), and the p99 of the requests' latency.
// The quick mode (the harness's once-over, goals not checked) is the same path made small: PGlite
// in memory, started from a dump of a migrated database kept under .bench/ (a fresh PGlite's
// initdb is most of the run on a busy machine), 50 statements a side (one batch), the class sending
// once each within 1 s.
import { createHash, randomUUID } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect } from 'kysely'
import pino from 'pino'
import { readConfig } from '../../src/server/config.ts'
import { migrate, openDatabase, type OpenDatabase } from '../../src/server/db/open.ts'
import type { Database } from '../../src/server/db/schema.ts'
import { hashSecret } from '../../src/server/people/secret.ts'
import { startServer } from '../../src/server/server.ts'
import { makeResult, median, type BenchOptions, type BenchResult } from './harness.ts'

interface Sizes {
  /** statements per side per round */
  readonly statements: number
  readonly rounds: number
  /** seconds the class of 40 sends for */
  readonly classSeconds: number
  /** each learner's AU posts one statement every this many ms */
  readonly everyMs: number
  /** single statements posted in the warm-up */
  readonly warmUp: number
}
const FULL: Sizes = { statements: 1500, rounds: 3, classSeconds: 10, everyMs: 2000, warmUp: 20 }
const QUICK: Sizes = { statements: 50, rounds: 1, classSeconds: 1, everyMs: 1000, warmUp: 8 }
const BATCH = 50
const SENDERS = 4
const CLASS = 40

function statement(learner: number, registration: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    actor: {
      objectType: 'Agent',
      name: `Learner ${learner}`,
      account: { homePage: 'https://lms.school.test', name: `L-${learner}` },
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity',
      id: `https://school.test/practica/scenarios/conveyor-loto/steps/s${learner % 12}`,
      definition: {
        name: { 'en-US': 'Isolate the conveyor' },
        type: 'http://adlnet.gov/expapi/activities/interaction',
      },
    },
    result: {
      success: true,
      completion: true,
      score: { raw: 3, min: 0, max: 4 },
      duration: 'PT12.5S',
    },
    context: {
      registration,
      platform: 'Practica',
      language: 'en',
      contextActivities: {
        parent: [
          { objectType: 'Activity', id: 'https://school.test/practica/scenarios/conveyor-loto' },
        ],
      },
    },
    timestamp: new Date().toISOString(),
  }
}

/** Sends `bodies` with `senders` at once; returns each request's latency in ms. */
async function send(
  url: string,
  auth: string,
  bodies: readonly unknown[],
  senders: number,
): Promise<number[]> {
  const latencies: number[] = []
  let next = 0
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]
      const started = performance.now()
      const response = await fetch(`${url}/xapi/statements`, {
        method: 'POST',
        headers: {
          authorization: auth,
          'content-type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
        },
        body: JSON.stringify(body),
      })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`the LRS answered ${response.status}`)
      latencies.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: senders }, worker))
  return latencies
}

/** .bench/ at the repository's root: the benchmarks' own cache, ignored by git */
const CACHE = fileURLToPath(new URL('../../.bench/', import.meta.url))
const MIGRATIONS = fileURLToPath(new URL('../../src/server/db/migrations/', import.meta.url))

/**
 * The quick mode's database: PGlite in memory, loaded from a dump of a migrated one kept under
 * .bench/ and named by a hash of the migrations' sources (any change to them makes a new one);
 * made the first time. Migrations still run on it (none left to run when the dump is current).
 */
async function quickDatabase(): Promise<OpenDatabase> {
  const hash = createHash('sha256')
  for (const name of readdirSync(MIGRATIONS).sort())
    hash.update(name).update(readFileSync(join(MIGRATIONS, name)))
  const file = join(CACHE, `lrs-ingest-pglite-${hash.digest('hex').slice(0, 16)}.tar`)
  let dump: Blob | undefined
  try {
    dump = new Blob([readFileSync(file)])
  } catch {
    // no dump yet: this run makes it
  }
  const pglite = new PGlite(dump ? { loadDataDir: dump } : {})
  await pglite.waitReady
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
  await migrate(db)
  if (!dump) {
    const made = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer())
    mkdirSync(CACHE, { recursive: true })
    // written aside and renamed: a run beside this one reads a whole dump or none
    const aside = `${file}.${process.pid}`
    writeFileSync(aside, made)
    renameSync(aside, file)
  }
  return { db, kind: 'pglite', pglite, close: () => db.destroy() }
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!
}

/**
 * A class of 40 in real time: each learner's AU posts a statement every `sizes.everyMs`, first
 * posts spread over the first period; returns each request's latency in ms, every statement
 * counted as stored.
 */
async function sendClass(
  url: string,
  auth: string,
  sizes: Sizes,
  count: () => Promise<number>,
): Promise<number[]> {
  const before = await count()
  const perLearner = Math.round((sizes.classSeconds * 1000) / sizes.everyMs)
  const latencies: number[] = []
  await Promise.all(
    Array.from({ length: CLASS }, async (_, learner) => {
      const registration = randomUUID()
      await new Promise((r) => setTimeout(r, (learner / CLASS) * sizes.everyMs))
      const start = performance.now()
      for (let k = 0; k < perLearner; k++) {
        const wait = start + k * sizes.everyMs - performance.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        latencies.push(...(await send(url, auth, [statement(learner, registration)], 1)))
      }
    }),
  )
  const classStored = (await count()) - before
  if (classStored !== CLASS * perLearner)
    throw new Error(`the class stored ${classStored} statements instead of ${CLASS * perLearner}`)
  return latencies
}

export async function runLrsIngest(options: BenchOptions): Promise<BenchResult[]> {
  const sizes = options.quick ? QUICK : FULL
  const dir = mkdtempSync(join(tmpdir(), 'practica-lrs-bench-'))
  const database = options.quick ? await quickDatabase() : await openDatabase({ dir })
  const running = await startServer(
    {
      ...readConfig({}),
      port: 0,
      host: '127.0.0.1',
      https: 'off',
      appDir: undefined,
      dataDir: dir,
      logLevel: 'silent',
    },
    { database, log: pino({ level: 'silent' }) },
  )
  try {
    const url = `http://127.0.0.1:${running.port}`
    const key = 'bench-client'
    const secret = randomUUID()
    await database.db
      .insertInto('lrs_clients')
      .values({
        id: randomUUID(),
        name: 'Bench',
        key,
        secret_hash: await hashSecret(secret),
        created_by: null,
        created_at: new Date(),
      })
      .execute()
    const auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('lrs_statements')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const make = (n: number) => {
      const registration = randomUUID()
      return Array.from({ length: n }, (_, i) => statement(i % CLASS, registration))
    }
    // warm-up: the credentials checked once, both paths compiled
    await send(url, auth, [make(BATCH)], 1)
    await send(url, auth, make(sizes.warmUp), SENDERS)

    const ratios: number[] = []
    const oursRates: number[] = []
    const peerRates: number[] = []
    for (let round = 0; round < sizes.rounds; round++) {
      const before = await count()
      const batches: unknown[][] = []
      const all = make(sizes.statements)
      for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH))
      let started = performance.now()
      await send(url, auth, batches, SENDERS)
      const ours = sizes.statements / ((performance.now() - started) / 1000)
      started = performance.now()
      await send(url, auth, make(sizes.statements), SENDERS)
      const peer = sizes.statements / ((performance.now() - started) / 1000)
      const stored = (await count()) - before
      if (stored !== 2 * sizes.statements)
        throw new Error(`${stored} statements stored instead of ${2 * sizes.statements}`)
      oursRates.push(ours)
      peerRates.push(peer)
      ratios.push(ours / peer)
    }

    const latencies = await sendClass(url, auth, sizes, count)
    const p99 = quantile(latencies, 0.99)
    return [
      makeResult({
        name: 'lrs-ingest',
        unit: ' statements/s',
        ours: median(oursRates),
        peer: median(peerRates),
        ratio: median(ratios),
        goals: [{ on: 'ratio', op: '>=', value: 10 }],
        note: `${sizes.statements} statements a side per round, ${sizes.rounds} round(s): POST batches of ${BATCH} vs one statement per request, ${SENDERS} senders, server on PGlite ${options.quick ? 'in memory' : 'in a folder'}; every statement counted as stored`,
      }),
      makeResult({
        name: 'lrs-class-p99',
        unit: ' ms',
        ours: p99,
        goals: [{ on: 'ours', op: '<=', value: 1000 }],
        note: `a class of ${CLASS} each posting one statement every ${sizes.everyMs / 1000} s for ${sizes.classSeconds} s (${latencies.length} requests): p99 latency; median ${median(latencies).toFixed(1)} ms`,
      }),
    ]
  } finally {
    await running.close()
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
