// Forwarding the LRS's statements to the school's own LRS. On PGlite and on PostgreSQL: the
// admin's settings (the secret never answered back), the outbox the database fills as statements
// are stored (every statement stored so far for a new endpoint, in storage order), the lease that
// lets one process send. Then against a local LRS double (node:http) that misbehaves: it answers
// 503 after storing a batch, 429 with Retry-After, answers too late (a timeout, after storing),
// and refuses a batch holding a statement it has with 409, storing none of it, as a strict LRS
// does. At the end the receiver holds exactly the local statements, each once, in storage order.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Kysely } from 'kysely'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { readConfig } from '../../src/server/config.ts'
import { openDatabase } from '../../src/server/db/open.ts'
import type { Database } from '../../src/server/db/schema.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { hashSecret } from '../../src/server/people/secret.ts'
import { seal, serverSecret, unseal } from '../../src/server/badges/secret.ts'
import { SECRET_LABEL } from '../../src/server/lrs/forward/routes.ts'
import { deliver } from '../../src/server/lrs/forward/send.ts'
import { DATABASE_KINDS, freshPostgres, peopleOn, type Client } from './harness.ts'

const FAST = {
  batchSize: 5,
  pollMs: 40,
  timeoutMs: 400,
  baseDelayMs: 30,
  maxDelayMs: 200,
  leaseMs: 2_000,
}

interface World {
  readonly db: Kysely<Database>
  readonly url: string
  readonly admin: Client
  readonly running: RunningServer
  /** the server's data folder (its secret file) */
  readonly dataDir: string
}

/** A server whose forwarder runs with short timings, on a fresh database of each kind. */
function forEachDatabase(title: string, body: (world: () => World) => void) {
  for (const kind of DATABASE_KINDS) {
    const missing = kind === 'postgres' ? inject('postgresMissing') : ''
    if (missing && process.env['CI']) throw new Error(`No PostgreSQL server under CI: ${missing}`)
    describe.skipIf(missing !== '')(`${title} [${kind}]`, () => {
      let world: World | undefined
      let drop: (() => Promise<void>) | undefined
      beforeAll(async () => {
        const pgDb = kind === 'postgres' ? await freshPostgres() : undefined
        drop = pgDb?.drop
        const database = await openDatabase({ url: pgDb?.url })
        const config = {
          ...readConfig({}),
          port: 0,
          host: '127.0.0.1',
          https: 'off' as const,
          appDir: undefined,
          logLevel: 'silent',
          dataDir: mkdtempSync(join(tmpdir(), 'practica-forward-')),
        }
        const running = await startServer(config, {
          database,
          log: pino({ level: process.env['PRACTICA_TEST_LOG'] ?? 'silent' }),
          forward: FAST,
        })
        const url = `http://127.0.0.1:${running.port}`
        const { client } = await peopleOn(database.db, url).signIn('admin')
        world = { db: database.db, url, admin: client, running, dataDir: config.dataDir }
      }, 120_000)
      afterAll(async () => {
        await world?.running.close()
        await world?.running.database.close()
        await drop?.()
      })
      body(() => world!)
    })
  }
}

/** A statement stored in the LRS as the Statements resource keeps one; returns its id. */
async function storeStatement(
  db: Kysely<Database>,
  n: number,
  attachment?: { sha2: string; contentType: string; length: number },
): Promise<string> {
  const id = randomUUID()
  const stored = new Date().toISOString()
  const activityId = `https://school.example/activities/forward-${n}`
  const statement = {
    id,
    actor: { objectType: 'Agent', account: { homePage: 'https://school.example', name: `L${n}` } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
    object: { objectType: 'Activity', id: activityId },
    stored,
    timestamp: stored,
    authority: { objectType: 'Agent', account: { homePage: 'https://school.example', name: 'x' } },
    version: '1.0.0',
    ...(attachment
      ? {
          attachments: [
            {
              usageType: 'http://id.tincanapi.com/attachment/supporting_media',
              display: { en: 'The panel after lockout' },
              ...attachment,
            },
          ],
        }
      : {}),
  }
  await db
    .insertInto('lrs_statements')
    .values({
      id,
      statement: JSON.stringify(statement),
      stored,
      client_id: null,
      verb_id: statement.verb.id,
      agents: [],
      related_agents: [],
      activity_id: activityId,
      related_activities: [activityId],
      registration: null,
      voids: null,
      attempt_id: null,
    })
    .execute()
  return id
}

const localIds = async (db: Kysely<Database>) =>
  (await db.selectFrom('lrs_statements').select('id').orderBy('seq').execute()).map((r) => r.id)

const outboxIds = async (db: Kysely<Database>) =>
  (await db.selectFrom('lrs_outbox').select('statement_id').orderBy('seq').execute()).map(
    (r) => r.statement_id,
  )

/** What the double does with the next POST of a batch. */
type Misbehaviour = 'store-then-503' | '429' | 'store-then-late' | 'normal'

/** A local LRS double: stores statements by id, as a strict LRS, misbehaving as scripted. */
class LrsDouble {
  readonly stored: { id: string; statement: unknown }[] = []
  readonly log: { method: string; at: number; status: number | 'late'; count: number }[] = []
  readonly auth = new Set<string>()
  readonly versions = new Set<string>()
  readonly attachments: { headers: Record<string, string>; bytes: Buffer }[] = []
  private server: Server | undefined
  url = ''

  constructor(private readonly script: Misbehaviour[]) {}

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/lrs/xapi`
  }

  close() {
    this.server?.closeAllConnections()
    return new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private has = (id: string) => this.stored.some((s) => s.id === id)

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const type = req.headers['content-type'] ?? ''
    let body: unknown
    if (type.startsWith('multipart/mixed')) {
      // the statements first, then each attachment's bytes with its hash
      const boundary = /boundary=([^;\s]+)/.exec(type)![1]!
      const raw = Buffer.concat(chunks).toString('latin1')
      const parts = raw
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((piece) => {
          const text = piece.slice(2, -2)
          const at = text.indexOf('\r\n\r\n')
          const headers = Object.fromEntries(
            text
              .slice(0, at)
              .split('\r\n')
              .map((l) => [
                l.slice(0, l.indexOf(':')).toLowerCase(),
                l.slice(l.indexOf(':') + 1).trim(),
              ]),
          )
          return { headers, bytes: Buffer.from(text.slice(at + 4), 'latin1') }
        })
      body = JSON.parse(parts[0]!.bytes.toString('utf8'))
      this.attachments.push(...parts.slice(1))
    } else body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
    this.auth.add(req.headers.authorization ?? '')
    this.versions.add(String(req.headers['x-experience-api-version']))
    const url = new URL(req.url ?? '/', 'http://double')
    const batch = (Array.isArray(body) ? body : [body]) as { id: string }[]
    const answer = (status: number, headers: Record<string, string> = {}, text = '') => {
      this.log.push({ method: req.method!, at: Date.now(), status, count: batch.length })
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(text)
    }
    if (url.pathname !== '/lrs/xapi/statements') return answer(404)
    if (req.method === 'PUT') {
      const id = url.searchParams.get('statementId')!
      if (batch[0]?.id !== id) return answer(400, {}, '{"error":"ids differ"}')
      if (this.has(id)) return answer(409, {}, '{"error":"already exists"}')
      this.stored.push({ id, statement: batch[0] })
      return answer(204)
    }
    // a strict LRS refuses a batch holding a statement it has, and stores none of the batch
    if (batch.some((s) => this.has(s.id))) return answer(409, {}, '{"error":"already exists"}')
    const step = this.script.shift() ?? 'normal'
    if (step === '429') return answer(429, { 'retry-after': '1' }, '{"error":"slow down"}')
    for (const s of batch) this.stored.push({ id: s.id, statement: s })
    if (step === 'store-then-503') return answer(503, {}, '{"error":"busy"}')
    if (step === 'store-then-late') {
      this.log.push({ method: 'POST', at: Date.now(), status: 'late', count: batch.length })
      setTimeout(() => {
        if (!res.writableEnded && !res.destroyed) res.end(JSON.stringify(batch.map((s) => s.id)))
      }, 1_500).unref()
      return
    }
    return answer(200, {}, JSON.stringify(batch.map((s) => s.id)))
  }
}

async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

forEachDatabase('LRS forwarding', (world) => {
  it('the admin sets the receiving LRS; its secret is never answered back; wrong settings are refused with what to fix', async () => {
    const { admin } = world()
    const none = await admin.get('/api/lrs/forward')
    expect(none.status).toBe(200)
    expect(none.body).toMatchObject({ configured: false, pending: 0, delivered: 0 })
    const noSecret = await admin.put('/api/lrs/forward', {
      endpoint: 'https://lrs.school.example/xapi',
      username: 'practica',
    })
    expect(noSecret.status).toBe(400)
    expect(noSecret.body.error.code).toBe('secret-needed')
    const badUrl = await admin.put('/api/lrs/forward', {
      endpoint: 'lrs.school.example',
      username: 'practica',
      secret: 's',
    })
    expect(badUrl.status).toBe(400)
    expect(badUrl.body.error.message).toMatch(/https:\/\//)
    const extra = await admin.put('/api/lrs/forward', {
      endpoint: 'https://lrs.school.example/xapi',
      username: 'practica',
      secret: 's',
      colour: 'blue',
    })
    expect(extra.status).toBe(400)
  })

  it('the outbox: a new endpoint gets every statement stored so far, in storage order; statements stored later join it; a new endpoint refills it, new credentials do not; removing forwarding empties it', async () => {
    const { admin, db } = world()
    const before = [await storeStatement(db, 1), await storeStatement(db, 2)]
    const secret = `secret-${randomBytes(6).toString('hex')}`
    // paused, so that nothing leaves while the outbox is looked at
    const set = await admin.put('/api/lrs/forward', {
      endpoint: 'https://lrs.school.example/xapi',
      username: 'practica',
      secret,
      paused: true,
    })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect(JSON.stringify(set.body)).not.toContain(secret)
    expect(set.body).toMatchObject({
      configured: true,
      endpoint: 'https://lrs.school.example/xapi/',
      username: 'practica',
      paused: true,
      pending: 2,
    })
    expect(await outboxIds(db)).toEqual(before)
    const later = await storeStatement(db, 3)
    expect(await outboxIds(db)).toEqual([...before, later])
    const got = await admin.get('/api/lrs/forward')
    expect(got.body.pending).toBe(3)
    expect(JSON.stringify(got.body)).not.toContain(secret)
    // new credentials, the same endpoint: the outbox stays; the stored secret is kept when none is given
    await db.deleteFrom('lrs_outbox').where('statement_id', '=', before[0]!).execute()
    const renamed = await admin.put('/api/lrs/forward', {
      endpoint: 'https://lrs.school.example/xapi/',
      username: 'practica2',
      paused: true,
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body.pending).toBe(2)
    // kept sealed under the server's secret: the database alone does not hold it
    const row = await db.selectFrom('lrs_forward').select('secret').executeTakeFirstOrThrow()
    expect(row.secret).not.toContain(secret)
    expect(unseal(row.secret, serverSecret(world().dataDir), SECRET_LABEL)).toBe(secret)
    // another endpoint: every statement again
    const moved = await admin.put('/api/lrs/forward', {
      endpoint: 'https://other-lrs.school.example/xapi',
      username: 'practica',
      secret: 'another',
      paused: true,
    })
    expect(moved.body.pending).toBe(3)
    expect(await outboxIds(db)).toEqual(await localIds(db))
    const removed = await admin.delete('/api/lrs/forward')
    expect(removed.body).toMatchObject({ configured: false, pending: 0 })
    await storeStatement(db, 4)
    expect(await outboxIds(db)).toEqual([])
    // the retry of nothing is a plain refusal
    expect((await admin.post('/api/lrs/forward/retry')).status).toBe(404)
  })

  it("a saved secret this server cannot open (a database moved without the server's secret file) is said on the dashboard, and nothing is sent", async () => {
    const { admin, db } = world()
    const double = new LrsDouble([])
    await double.start()
    try {
      await db.deleteFrom('lrs_statements').execute()
      await storeStatement(db, 1)
      await admin.put('/api/lrs/forward', {
        endpoint: double.url,
        username: 'u',
        secret: 's',
        paused: true,
      })
      const other = seal('s', Buffer.alloc(32, 7), SECRET_LABEL)
      await db.updateTable('lrs_forward').set({ secret: other, paused: false }).execute()
      await until(
        async () => (await admin.get('/api/lrs/forward')).body.lastError !== null,
        5_000,
        'the failure on the dashboard',
      )
      const status = (await admin.get('/api/lrs/forward')).body
      expect(status.lastError.message).toMatch(/type the secret again/)
      expect(status.pending).toBe(1)
      expect(double.log).toEqual([])
    } finally {
      await admin.delete('/api/lrs/forward')
      await double.close()
    }
  })

  it('only the process holding the lease sends: while another holds it nothing leaves; once it expires this one takes over', async () => {
    const { admin, db } = world()
    const double = new LrsDouble([])
    await double.start()
    try {
      await db.deleteFrom('lrs_statements').execute()
      await storeStatement(db, 1)
      await admin.put('/api/lrs/forward', {
        endpoint: double.url,
        username: 'u',
        secret: 's',
        paused: true,
      })
      await db
        .updateTable('lrs_forward')
        .set({ lease_holder: 'another process', lease_until: new Date(Date.now() + 800) })
        .execute()
      await db.updateTable('lrs_forward').set({ paused: false }).execute()
      await new Promise((r) => setTimeout(r, 400))
      expect(double.log).toEqual([])
      await until(async () => double.stored.length === 1, 5_000, 'the lease to be taken over')
      const row = await db
        .selectFrom('lrs_forward')
        .select('lease_holder')
        .executeTakeFirstOrThrow()
      expect(row.lease_holder).not.toBe('another process')
    } finally {
      await admin.delete('/api/lrs/forward')
      await double.close()
    }
  })

  it('a misbehaving receiver (503 after storing, 429 with Retry-After, a timeout after storing, 409 for what it has) ends with exactly the local statements, each once, in storage order; the dashboard counts them and shows the last failure', async () => {
    const { admin, db } = world()
    await db.deleteFrom('lrs_statements').execute()
    const double = new LrsDouble(['store-then-503', '429', 'store-then-late'])
    await double.start()
    try {
      for (let n = 0; n < 7; n++) await storeStatement(db, n)
      const set = await admin.put('/api/lrs/forward', {
        endpoint: double.url,
        username: 'practica',
        secret: 'pa:ss word',
      })
      expect(set.status).toBe(200)
      // more statements while it forwards
      for (let n = 7; n < 12; n++) await storeStatement(db, n)
      await until(
        async () => {
          const s = (await admin.get('/api/lrs/forward')).body
          return s.pending === 0 && s.delivered === 12
        },
        20_000,
        'every statement to be delivered',
      )
      const local = await localIds(db)
      const received = double.stored.map((s) => s.id)
      expect(received).toEqual(local)
      expect(new Set(received).size).toBe(received.length)
      // every misbehaviour happened, and was followed by a try that went through
      const statuses = double.log.map((l) => l.status)
      for (const s of [503, 429, 'late', 409] as const) expect(statuses).toContain(s)
      const tooMany = double.log.findIndex((l) => l.status === 429)
      expect(double.log[tooMany + 1]!.at - double.log[tooMany]!.at).toBeGreaterThanOrEqual(950)
      // what was sent: the statements as stored, with the credentials and the version header
      expect(double.stored[0]!.statement).toMatchObject({ id: local[0], version: '1.0.0' })
      expect([...double.auth]).toEqual([
        `Basic ${Buffer.from('practica:pa:ss word').toString('base64')}`,
      ])
      expect([...double.versions]).toEqual(['1.0.3'])
      const status = (await admin.get('/api/lrs/forward')).body
      expect(status).toMatchObject({
        configured: true,
        pending: 0,
        delivered: 12,
        refused: 0,
        failures: 0,
        nextAttemptAt: null,
      })
      expect(status.lastError.status).toBeNull()
      expect(status.lastError.message).toMatch(/No answer within/)
      expect(Date.parse(status.lastDeliveredAt)).toBeGreaterThanOrEqual(
        Date.parse(status.lastError.at),
      )
    } finally {
      await admin.delete('/api/lrs/forward')
      await double.close()
    }
  }, 30_000)

  it('a statement with attachment data is sent as multipart/mixed with the bytes and their hash', async () => {
    const { admin, db } = world()
    await db.deleteFrom('lrs_statements').execute()
    const double = new LrsDouble([])
    await double.start()
    try {
      const bytes = Buffer.from('a photo\u0000\u00ff of the locked panel', 'latin1')
      const sha2 = createHash('sha256').update(bytes).digest('hex')
      await db
        .insertInto('lrs_attachments')
        .values({ sha2, content_type: 'image/jpeg', bytes })
        .onConflict((oc) => oc.column('sha2').doNothing())
        .execute()
      const plain = await storeStatement(db, 1)
      const withData = await storeStatement(db, 2, {
        sha2,
        contentType: 'image/jpeg',
        length: bytes.length,
      })
      await admin.put('/api/lrs/forward', { endpoint: double.url, username: 'u', secret: 's' })
      await until(async () => double.stored.length === 2, 10_000, 'both statements')
      expect(double.stored.map((s) => s.id)).toEqual([plain, withData])
      expect(double.attachments).toHaveLength(1)
      const part = double.attachments[0]!
      expect(part.headers['x-experience-api-hash']).toBe(sha2)
      expect(part.headers['content-type']).toBe('image/jpeg')
      expect(part.headers['content-transfer-encoding']).toBe('binary')
      expect(part.bytes.equals(bytes)).toBe(true)
    } finally {
      await admin.delete('/api/lrs/forward')
      await double.close()
    }
  })

  it("statements posted to this LRS arrive at the school's LRS once each, as they were sent", async () => {
    const config = {
      ...readConfig({}),
      port: 0,
      host: '127.0.0.1',
      https: 'off' as const,
      appDir: undefined,
      logLevel: 'silent',
    }
    const a = world().running
    const b = await startServer(config, {
      database: await openDatabase({}),
      log: pino({ level: 'silent' }),
      forward: false,
    })
    const urlA = world().url
    const urlB = `http://127.0.0.1:${b.port}`
    const toA = await lrsCredentials(a.database.db)
    const [key, secret] = Buffer.from((await lrsCredentials(b.database.db)).slice(6), 'base64')
      .toString()
      .split(':') as [string, string]
    const post = async (body: unknown) => {
      const r = await fetch(`${urlA}/xapi/statements`, {
        method: 'POST',
        headers: {
          authorization: toA,
          'x-experience-api-version': '1.0.3',
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      })
      expect(r.status, await r.clone().text()).toBe(200)
      return (await r.json()) as string[]
    }
    const statement = (n: number) => ({
      id: randomUUID(),
      actor: { objectType: 'Agent', mbox: `mailto:learner${n}@school.test` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
      object: { objectType: 'Activity', id: `https://school.test/activities/${n}` },
      result: { score: { scaled: n / 10 }, success: n > 2 },
    })
    await a.database.db.deleteFrom('lrs_statements').execute()
    const sent = [statement(1), statement(2), statement(3)]
    await post(sent)
    const admin = world().admin
    const set = await admin.put('/api/lrs/forward', {
      endpoint: `${urlB}/xapi`,
      username: key,
      secret,
    })
    expect(set.status).toBe(200)
    const later = statement(4)
    await post(later)
    await until(
      async () => (await admin.get('/api/lrs/forward')).body.delivered === 4,
      15_000,
      'four statements at the receiving Practica',
    )
    const there = await b.database.db
      .selectFrom('lrs_statements')
      .select(['id', 'statement'])
      .orderBy('seq')
      .execute()
    expect(there.map((r) => r.id)).toEqual([...sent, later].map((s) => s.id))
    for (const [i, s] of [...sent, later].entries())
      expect(there[i]!.statement).toMatchObject({
        actor: s.actor,
        verb: s.verb,
        object: s.object,
        result: s.result,
      })
    const status = (await admin.get('/api/lrs/forward')).body
    expect(status).toMatchObject({ pending: 0, refused: 0 })
    // the receiving server never refused; a slow answer past this file's 0.4 s timeout (a busy
    // machine) is retried, and the statements above still arrived once each
    expect(status.lastError?.status ?? null).toBeNull()
    await admin.delete('/api/lrs/forward')
    await b.close()
    await b.database.close()
  }, 60_000)
})

/** An LRS client made in `db` as the admin would; its Authorization header. */
async function lrsCredentials(db: Kysely<Database>): Promise<string> {
  const key = `k-${randomBytes(4).toString('hex')}`
  const secret = randomBytes(12).toString('base64url')
  await db
    .insertInto('lrs_clients')
    .values({
      id: randomUUID(),
      name: 'Forwarding test',
      key,
      secret_hash: await hashSecret(secret),
      created_by: null,
      created_at: new Date(),
    })
    .execute()
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`
}

describe('sending when the server stops', () => {
  it('ends a request in flight at once instead of waiting for its timeout', async () => {
    const silent = createServer(() => {
      // never answers
    })
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    try {
      const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/xapi/`
      const stop = new AbortController()
      const started = Date.now()
      setTimeout(() => stop.abort(), 200)
      const result = await deliver(
        { endpoint, username: 'u', secret: 's' },
        [{ seq: '1', id: randomUUID(), statement: {} }],
        () => Promise.resolve(new Map()),
        60_000,
        stop.signal,
      )
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(result.delivered).toEqual([])
      expect(result.failure).toBeDefined()
    } finally {
      silent.closeAllConnections()
      await new Promise((r) => silent.close(r))
    }
  })
})
