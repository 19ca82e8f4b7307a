// Several server processes behind nginx (issue 15 §2): the README's nginx configuration
// (deploy/nginx/practica.conf, only its ports and paths replaced) run by Debian's nginx on
// loopback, in front of two Practica processes on one PostgreSQL. An instructor's live streams
// through nginx (round robin: one lands on each process) see every update of a learner whose
// batches nginx spreads over both processes, in order, without gaps; nginx's log shows where each
// request went. Then process B is killed: nginx sends everything to A, and the instructor's
// stream, reconnecting with its last id, gets the rest without a gap. Without nginx (or PostgreSQL) the test is skipped with a loud message, or fails
// under CI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { ATTEMPT_FORMAT } from '../../src/core/index.ts'
import { loadTls } from '../../src/server/tls.ts'
import { generateAttempts } from '../bench/generate.ts'
import { freshPostgres } from './harness.ts'
import { freePort } from './pgCluster.ts'
import { readEvents, type EventReader } from './sseReader.ts'
import { spawnServer, type SpawnedServer } from './spawnServer.ts'
import { seedClass } from './syncLoad.ts'

const CONFIG = new URL('../../deploy/nginx/practica.conf', import.meta.url)

function nginxBin(): string | undefined {
  for (const bin of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(bin)) return bin
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() || undefined : undefined
}

const bin = nginxBin()
const missing = [
  bin ? '' : 'nginx is not installed (apt-get install nginx)',
  inject('postgresMissing'),
]
  .filter(Boolean)
  .join('; ')
if (missing && !process.env['CI'])
  console.warn(`\n!!! NGINX TEST SKIPPED (several server processes): ${missing} !!!\n`)

/** The README's configuration with this run's ports and paths, every one of them found. */
function templated(
  ports: { a: number; b: number; nginx: number },
  cert: string,
  key: string,
): string {
  let text = readFileSync(CONFIG, 'utf8')
  const swaps: [string, string][] = [
    ['server 127.0.0.1:8081 ', `server 127.0.0.1:${ports.a} `],
    ['server 127.0.0.1:8082 ', `server 127.0.0.1:${ports.b} `],
    ['listen 443 ssl;', `listen 127.0.0.1:${ports.nginx} ssl;`],
    ['/etc/nginx/practica/server.crt', cert],
    ['/etc/nginx/practica/server.key', key],
  ]
  for (const [from, to] of swaps) {
    if (!text.includes(from)) throw new Error(`deploy/nginx/practica.conf has no "${from}"`)
    text = text.replace(from, to)
  }
  return text
}

/** A JSON request over HTTPS trusting `ca`: the status and the parsed answer. */
function httpsJson(
  url: string,
  method: string,
  headers: Record<string, string>,
  ca: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString()
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // not JSON: the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

describe('two server processes behind nginx [postgres]', () => {
  it.skipIf(missing !== '' && !process.env['CI'])(
    'an instructor through nginx sees every update of a learner, in order and without gaps, whichever process each request lands on',
    async () => {
      if (missing) throw new Error(`The nginx test cannot run under CI: ${missing}`)
      const database = await freshPostgres()
      const dir = mkdtempSync(join(tmpdir(), 'practica-nginx-'))
      // nginx's workers run as another user: they may read and write here
      chmodSync(dir, 0o755)
      const servers: SpawnedServer[] = []
      const streams: EventReader[] = []
      let nginx: ChildProcess | undefined
      try {
        const seeded = await seedClass({ url: database.url }, 1)
        const tls = await loadTls(dir)
        const ports = { a: await freePort(), b: await freePort(), nginx: await freePort() }
        for (const port of [ports.a, ports.b])
          servers.push(await spawnServer({ port, databaseUrl: database.url }))
        writeFileSync(
          join(dir, 'practica.conf'),
          templated(ports, join(dir, 'tls', 'server.crt'), join(dir, 'tls', 'server.key')),
        )
        mkdirSync(join(dir, 'temp'), { mode: 0o777 })
        const temp = (name: string) => `${name}_temp_path ${join(dir, 'temp', name)};`
        // the process-wide settings a Debian nginx.conf has, here for a run in this folder
        writeFileSync(
          join(dir, 'nginx.conf'),
          [
            'daemon off;',
            'worker_processes 1;',
            `pid ${join(dir, 'nginx.pid')};`,
            `error_log ${join(dir, 'error.log')} warn;`,
            'events { worker_connections 256; }',
            'http {',
            "  log_format upstream '$request_method $uri $status $upstream_addr';",
            `  access_log ${join(dir, 'access.log')} upstream;`,
            `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
            `  include ${join(dir, 'practica.conf')};`,
            '}',
          ].join('\n'),
        )
        const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]
        const check = spawnSync(bin!, ['-t', ...args], { encoding: 'utf8' })
        expect(check.status, check.stderr).toBe(0)
        nginx = spawn(bin!, args, { stdio: 'ignore' })
        const front = `https://127.0.0.1:${ports.nginx}`
        const ca = readFileSync(tls.caFile, 'utf8')
        for (let i = 0; ; i++) {
          const health = await httpsJson(`${front}/api/health`, 'GET', {}, ca).catch(() => ({
            status: 0,
          }))
          if (health.status === 200) break
          if (i > 100)
            throw new Error(`nginx did not answer: ${readFileSync(join(dir, 'error.log'), 'utf8')}`)
          await new Promise((r) => setTimeout(r, 100))
        }

        // two instructor tabs: round robin puts one on each process
        const path = `/api/assignments/${seeded.assignmentId}/live/stream`
        for (let i = 0; i < 2; i++) {
          const stream = await readEvents(front, path, seeded.staffCookie, ca)
          streams.push(stream)
          expect((await stream.take(1))[0]?.event).toBe('grid')
        }
        // the learner's batches, through nginx, spread over both processes
        const { model } = seeded
        const learner = seeded.learners[0]!
        const events = generateAttempts(model, 1, 29, 300_000, 61)[0]!.events
        /** events sent while both processes run; the rest after B is killed */
        const HALF = 18
        const id = randomUUID()
        const header = {
          format: ATTEMPT_FORMAT,
          id,
          scenario: {
            id: model.scenario.id,
            version: model.scenario.version,
            sha256: model.sha256,
          },
          learner: { id: learner.learnerId, name: 'Learner' },
          mode: 'assessment',
          startedAt: new Date().toISOString(),
          faults: [],
        }
        const send = async (from: number, to: number) => {
          const answer = await httpsJson(
            `${front}/api/assignments/${seeded.assignmentId}/attempts/${id}/events`,
            'POST',
            { origin: front, cookie: learner.cookie, 'content-type': 'application/json' },
            ca,
            { ...(from === 0 ? { header } : {}), from, events: events.slice(from, to) },
          )
          expect(answer.status, JSON.stringify(answer.body)).toBe(200)
          expect(answer.body.nextSeq).toBe(to)
        }
        const sent: number[] = []
        for (let from = 0; from < HALF; from += 3) {
          await send(from, from + 3)
          sent.push(from + 3)
        }
        for (const stream of streams) {
          const updates = (await stream.take(1 + sent.length)).slice(1)
          // every update, numbered 1, 2, 3 … without a gap, in the order the batches were sent
          expect(updates.map((u) => [u.event, Number(u.id), u.data.nextSeq])).toEqual(
            sent.map((nextSeq, k) => ['learner', k + 1, nextSeq]),
          )
          stream.close()
        }
        streams.length = 0

        // process B is killed: nginx sends every request to A, and the instructor's stream,
        // reconnecting with the last id it had, gets the rest without a gap
        await servers[1]!.kill9()
        const resumed = await readEvents(front, path, seeded.staffCookie, ca, {
          'last-event-id': String(sent.length),
        })
        streams.push(resumed)
        const before = sent.length
        for (let from = HALF; from < events.length; from += 3) {
          const to = Math.min(from + 3, events.length)
          await send(from, to)
          sent.push(to)
        }
        const rest = await resumed.take(sent.length - before)
        expect(rest.map((u) => [u.event, Number(u.id), u.data.nextSeq])).toEqual(
          sent.slice(before).map((nextSeq, k) => ['learner', before + k + 1, nextSeq]),
        )
        expect(rest.at(-1)!.data).toMatchObject({ status: 'finished', attemptId: id })
        resumed.close()
        streams.length = 0
        // nginx writes a stream's log line once it ends: stop it, then read where requests went
        nginx.kill('SIGQUIT')
        await stopped(nginx)
        const log = readFileSync(join(dir, 'access.log'), 'utf8').trim().split('\n')
        const upstreams = (match: RegExp) =>
          new Set(log.filter((l) => match.test(l)).map((l) => l.split(' ').at(-1)))
        const both = new Set([`127.0.0.1:${ports.a}`, `127.0.0.1:${ports.b}`])
        expect(upstreams(/^POST \/api\/assignments\/.*\/events 200 /)).toEqual(both)
        expect(upstreams(/^GET \/api\/assignments\/.*\/live\/stream 200 /)).toEqual(both)
      } finally {
        for (const s of streams) s.close()
        if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
          nginx.kill('SIGTERM')
          await stopped(nginx)
        }
        for (const s of servers) await s.stop()
        await database.drop()
        rmSync(dir, { recursive: true, force: true })
      }
    },
    120_000,
  )
})
