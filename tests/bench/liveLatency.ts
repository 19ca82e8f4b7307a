// `live-latency`: from a learner's batch to the instructor's screen, through two server processes
// and PostgreSQL (issue 15 §2). Two Practica servers in processes of their own on one PostgreSQL
// (a throwaway cluster); an admin's live stream is open on process A; a class of 30 learners
// sends its attempts through process B as the outbox does live (a batch of one or two events,
// about a second apart per learner). Per batch: the time from sending it to B until its `learner` update
// arrived on A's stream (B stores it, NOTIFY, A's listener wakes the stream, which reads it from
// the table). Every update must arrive, its ids 1, 2, 3 … without a gap, each learner's in the
// order sent. Figure: the p99 of those times. No peer.
import { randomUUID } from 'node:crypto'
import { ATTEMPT_FORMAT } from '../../src/core/index.ts'
import { clusterForBench, createDatabase, freePort } from '../server/pgCluster.ts'
import { readEvents } from '../server/sseReader.ts'
import { spawnServer, type SpawnedServer } from '../server/spawnServer.ts'
import { seedClass } from '../server/syncLoad.ts'
import { generateAttempts } from './generate.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'

interface Sizes {
  readonly learners: number
  /** events per attempt, its `end` included */
  readonly events: number
  readonly batch: number
  /** the pause before each batch: from `pauseMs` to twice that */
  readonly pauseMs: number
}
// a class of 30 working live: the outbox sends each event within 150 ms, one or two a request,
// and a learner acts about once a second
const FULL: Sizes = { learners: 30, events: 40, batch: 2, pauseMs: 500 }
const QUICK: Sizes = { learners: 5, events: 20, batch: 2, pauseMs: 50 }

/** The q-quantile (nearest rank) of `values`. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!
}

export async function runLiveLatency(options: BenchOptions): Promise<BenchResult[]> {
  const sizes = options.quick ? QUICK : FULL
  const cluster = await clusterForBench('live-latency')
  if (!cluster) return []
  const servers: SpawnedServer[] = []
  try {
    const url = await createDatabase(cluster, 'live_latency')
    const seeded = await seedClass({ url }, sizes.learners)
    const a = await spawnServer({ port: await freePort(), databaseUrl: url })
    servers.push(a)
    const b = await spawnServer({ port: await freePort(), databaseUrl: url })
    servers.push(b)
    const stream = await readEvents(
      a.url,
      `/api/assignments/${seeded.assignmentId}/live/stream`,
      seeded.staffCookie,
    )
    await stream.take(1)
    if (stream.events[0]?.event !== 'grid') throw new Error('the stream sent no grid first')
    const { model } = seeded
    const attempts = generateAttempts(model, sizes.learners, sizes.events - 1, 600_000, 51)
    /** when each batch was sent: attempt id → nextSeq after it → performance.now() */
    const sent = new Map<string, Map<number, number>>()
    let batches = 0
    await Promise.all(
      attempts.map(async ({ events }, i) => {
        const learner = seeded.learners[i]!
        const id = randomUUID()
        const times = new Map<number, number>()
        sent.set(id, times)
        const header = {
          format: ATTEMPT_FORMAT,
          id,
          scenario: {
            id: model.scenario.id,
            version: model.scenario.version,
            sha256: model.sha256,
          },
          learner: { id: learner.learnerId, name: `Learner ${i}` },
          mode: 'assessment',
          startedAt: new Date().toISOString(),
          faults: [],
        }
        for (let from = 0; from < events.length; from += sizes.batch) {
          // learners act at their own pace: a class's batches arrive spread out
          const spread = ((i * 37 + from * 11) % 100) / 100
          await new Promise((r) => setTimeout(r, sizes.pauseMs * (1 + spread)))
          const to = Math.min(from + sizes.batch, events.length)
          times.set(to, performance.now())
          const answer = await fetch(
            `${b.url}/api/assignments/${seeded.assignmentId}/attempts/${id}/events`,
            {
              method: 'POST',
              headers: {
                origin: b.url,
                cookie: learner.cookie,
                'content-type': 'application/json',
              },
              body: JSON.stringify({
                ...(from === 0 ? { header } : {}),
                from,
                events: events.slice(from, to),
              }),
            },
          )
          if (answer.status !== 200)
            throw new Error(`a batch was refused (${answer.status}): ${await answer.text()}`)
          batches++
        }
      }),
    )
    const updates = (await stream.take(1 + batches, 30_000)).slice(1)
    stream.close()
    if (updates.length !== batches)
      throw new Error(`${updates.length} updates reached process A for ${batches} batches`)
    const latencies: number[] = []
    const lastSeq = new Map<string, number>()
    updates.forEach((u, k) => {
      if (u.event !== 'learner' || Number(u.id) !== k + 1)
        throw new Error(`update ${k + 1} came as ${u.event} ${u.id}: out of order or a gap`)
      const attemptId = u.data.attemptId as string
      const nextSeq = u.data.nextSeq as number
      if ((lastSeq.get(attemptId) ?? 0) >= nextSeq)
        throw new Error(`a learner's updates came out of order (${nextSeq})`)
      lastSeq.set(attemptId, nextSeq)
      const at = sent.get(attemptId)?.get(nextSeq)
      if (at === undefined) throw new Error(`an update for no batch sent (${nextSeq})`)
      latencies.push(u.at - at)
    })
    const p99 = quantile(latencies, 0.99)
    return [
      makeResult({
        name: 'live-latency',
        unit: ' ms',
        ours: p99,
        goals: [{ on: 'ours', op: '<=', value: 1000 }],
        note: `p99 time from a learner's batch sent to process B until its update arrived on an instructor's live stream from process A (two server processes, one PostgreSQL, LISTEN/NOTIFY): ${sizes.learners} learners each sending ${sizes.events} generated conveyor events in batches of ${sizes.batch}, ${sizes.pauseMs}–${2 * sizes.pauseMs} ms apart; ${batches} updates, every one arrived, ids without a gap, each learner's in order; median ${quantile(latencies, 0.5).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
      }),
    ]
  } finally {
    for (const s of servers) await s.stop()
    cluster.destroy()
  }
}
