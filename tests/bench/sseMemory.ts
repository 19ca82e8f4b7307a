// `sse-memory`: what one open live stream costs the server. One Practica server in a process of
// its own (on PostgreSQL, a throwaway cluster; in full runs on PGlite in a folder too), its
// open-file limit raised, an admin watching one assignment through N concurrent Server-Sent
// Events streams (each its own TCP connection, each sent its `grid`); the figure is the server's
// resident memory after the N streams, less what it was with a few open, divided by the streams
// added. Then a learner's batch is stored, and every stream must receive its `learner` update:
// the streams are held, not merely counted. No peer. tests/server/connections.test.ts holds 1,000
// with the same code.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ATTEMPT_FORMAT } from '../../src/core/index.ts'
import { clusterForBench, createDatabase, freePort } from '../server/pgCluster.ts'
import { spawnServer } from '../server/spawnServer.ts'
import { seedClass } from '../server/syncLoad.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'

/** One open stream: whether its grid came, and how many learner updates since. */
export interface HeldStream {
  readonly learnerUpdates: () => number
  close(): void
}

const count = (text: string) => text.split('event: learner').length - 1

/** Opens a stream of `url + path` on a connection of its own; resolves once its grid came. */
export function openStream(url: string, path: string, cookie: string): Promise<HeldStream> {
  return new Promise((resolve, reject) => {
    let updates = 0
    let tail = ''
    let gridSeen = false
    const req = request(`${url}${path}`, {
      agent: false,
      headers: { cookie, accept: 'text/event-stream' },
    })
    const timer = setTimeout(() => {
      req.destroy()
      reject(new Error('no grid within 30 s'))
    }, 30_000)
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        clearTimeout(timer)
        req.destroy()
        reject(new Error(`the stream answered ${res.statusCode}`))
        return
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        // the previous chunk's end too, since an event's name may be cut in two; what lay
        // wholly in that end was counted with the previous chunk
        const text = tail + chunk
        updates += count(text) - count(tail)
        tail = text.slice(-32)
        if (!gridSeen && text.includes('event: grid')) {
          gridSeen = true
          clearTimeout(timer)
          resolve({ learnerUpdates: () => updates, close: () => req.destroy() })
        }
      })
      res.on('error', () => undefined)
    })
    req.on('error', (e) => {
      clearTimeout(timer)
      if (!gridSeen) reject(e)
    })
    req.end()
  })
}

/** Raises this process's own open-file limit (it holds the other end of every stream). */
export function raiseOwnOpenFiles(n: number): void {
  try {
    execFileSync('prlimit', [`--pid=${process.pid}`, `--nofile=${n}:${n}`], { stdio: 'ignore' })
  } catch {
    // not allowed here: the limit as it is may be enough
  }
}

export interface SseMeasure {
  readonly streams: number
  readonly bytesPerStream: number
  readonly rssBefore: number
  readonly rssAfter: number
  /** streams that received the learner's update */
  readonly delivered: number
}

const WARM = 20

/** Holds `n` streams on one server process; see the file's head. */
export async function measureSseMemory(n: number, databaseUrl?: string): Promise<SseMeasure> {
  raiseOwnOpenFiles(n * 2 + 1024)
  const dir = mkdtempSync(join(tmpdir(), 'practica-sse-'))
  const streams: HeldStream[] = []
  let server: Awaited<ReturnType<typeof spawnServer>> | undefined
  try {
    const seeded = await seedClass(databaseUrl ? { url: databaseUrl } : dir, 1)
    server = await spawnServer({
      port: await freePort(),
      ...(databaseUrl ? { databaseUrl } : { dataDir: dir }),
      openFiles: n + 1024,
    })
    const url = server.url
    const path = `/api/assignments/${seeded.assignmentId}/live/stream`
    const open = async (count: number) => {
      // a hundred connecting at a time, as a class's tabs do over a minute, not all in one instant
      for (let done = 0; done < count; done += 100)
        streams.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(100, count - done) }, () =>
              openStream(url, path, seeded.staffCookie),
            ),
          )),
        )
    }
    await open(WARM)
    await new Promise((r) => setTimeout(r, 1000))
    const rssBefore = server.rss()
    await open(n - WARM)
    await new Promise((r) => setTimeout(r, 1000))
    const rssAfter = server.rss()
    // a learner's batch: every stream must get the update
    const learner = seeded.learners[0]!
    const attemptId = crypto.randomUUID()
    const { model } = seeded
    const stored = await fetch(
      `${url}/api/assignments/${seeded.assignmentId}/attempts/${attemptId}/events`,
      {
        method: 'POST',
        headers: { origin: url, cookie: learner.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          header: {
            format: ATTEMPT_FORMAT,
            id: attemptId,
            scenario: {
              id: model.scenario.id,
              version: model.scenario.version,
              sha256: model.sha256,
            },
            learner: { id: learner.learnerId, name: 'Learner' },
            mode: 'assessment',
            startedAt: new Date().toISOString(),
            faults: [],
          },
          from: 0,
          events: [],
        }),
      },
    )
    if (stored.status !== 200) throw new Error(`the batch was refused: ${await stored.text()}`)
    const until = Date.now() + 30_000
    let delivered = 0
    while (Date.now() < until) {
      delivered = streams.filter((s) => s.learnerUpdates() > 0).length
      if (delivered === n) break
      await new Promise((r) => setTimeout(r, 100))
    }
    return {
      streams: streams.length,
      bytesPerStream: (rssAfter - rssBefore) / (n - WARM),
      rssBefore,
      rssAfter,
      delivered,
    }
  } finally {
    for (const s of streams) s.close()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runSseMemory(options: BenchOptions): Promise<BenchResult[]> {
  const n = options.quick ? 100 : 1000
  const cluster = await clusterForBench('sse-memory')
  if (!cluster) return []
  let m: SseMeasure
  try {
    m = await measureSseMemory(n, await createDatabase(cluster, 'sse_memory'))
  } finally {
    cluster.destroy()
  }
  if (m.delivered !== n) throw new Error(`${n - m.delivered} of ${n} streams missed the update`)
  // the embedded database too (full runs): its WebAssembly memory grows with the queries of the
  // streams' first grids and never shrinks, so the process grows more per stream there
  const embedded = options.quick ? undefined : await measureSseMemory(n)
  if (embedded && embedded.delivered !== n)
    throw new Error(`${n - embedded.delivered} of ${n} streams on PGlite missed the update`)
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0)
  return [
    makeResult({
      name: 'sse-memory',
      unit: ' KB',
      ours: m.bytesPerStream / 1024,
      goals: [{ on: 'ours', op: '<=', value: 64 }],
      note: `${n} live streams (Server-Sent Events, one connection each, every one sent its grid) held by one server process on PostgreSQL: its resident memory ${mb(m.rssBefore)} MB with ${WARM} open, ${mb(m.rssAfter)} MB with ${n}, ${(m.bytesPerStream / 2 ** 20).toFixed(3)} MB per stream; every stream then received a learner's update${embedded ? `. On PGlite in a folder (the lab default) ${mb(embedded.rssBefore)} → ${mb(embedded.rssAfter)} MB, ${(embedded.bytesPerStream / 1024).toFixed(0)} KB per stream: the embedded database's memory grows with the streams' first reads` : ''}`,
    }),
  ]
}
