// The server tests' harness: a real Practica server (HTTP on loopback) over a real database, once
// on PGlite (in memory) and once on PostgreSQL (a fresh database on the throwaway cluster that
// postgres.ts starts), with a clock the tests can move and API clients that keep cookies.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { readConfig, type ServerConfig } from '../../src/server/config.ts'
import { openDatabase } from '../../src/server/db/open.ts'
import type { Database, Role } from '../../src/server/db/schema.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'

export type DatabaseKind = 'pglite' | 'postgres'
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres']

export interface Answer<T = any> {
  readonly status: number
  readonly body: T
  readonly headers: Headers
}

/** An API client with its own cookies (one browser, one person). */
export class Client {
  readonly cookies = new Map<string, string>()
  constructor(
    readonly base: string,
    /** sent as Origin on every request; the server's own by default */
    public origin: string | undefined = base,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const raw = body instanceof Uint8Array || typeof body === 'string'
    const response = await fetch(this.base + path, {
      method,
      headers: {
        ...(this.origin ? { origin: this.origin } : {}),
        ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...(this.cookies.size > 0
          ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
        ...headers,
      },
      body: body === undefined ? null : raw ? (body as BodyInit) : JSON.stringify(body),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const [name, value] = [
        pair!.slice(0, pair!.indexOf('=')),
        pair!.slice(pair!.indexOf('=') + 1),
      ]
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()))
      if (expired || value === '') this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value)
    }
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers }
  }
  get = <T = any>(path: string) => this.request<T>('GET', path)
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {})
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body ?? {})
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {})
  delete = <T = any>(path: string) => this.request<T>('DELETE', path)
}

export interface TestServer {
  readonly kind: DatabaseKind
  readonly url: string
  readonly db: Kysely<Database>
  readonly running: RunningServer
  /** moves the server's clock forward */
  advance(ms: number): void
  /** a client with no sign-in */
  client(): Client
  /** a person of `role` made in the database, and a client signed in as them */
  signIn(
    role: Role,
    options?: { classId?: string; learnerId?: string; name?: string },
  ): Promise<{
    userId: string
    client: Client
  }>
  /** a class of `instructorId` made in the database */
  makeClass(instructorId: string, options?: { code?: string; name?: string }): Promise<string>
  close(): Promise<void>
}

export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = inject('postgresUrl')
  const name = `practica_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/** Starts a server on a fresh database of `kind`. */
export async function startTestServer(
  kind: DatabaseKind,
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const pgDb = kind === 'postgres' ? await freshPostgres() : undefined
  const database = await openDatabase({ url: pgDb?.url })
  const config: ServerConfig = {
    ...readConfig({}),
    port: 0,
    host: '127.0.0.1',
    https: 'off',
    appDir: undefined,
    logLevel: 'silent',
    ...overrides,
  }
  let offset = 0
  const running = await startServer(config, {
    database,
    now: () => new Date(Date.now() + offset),
    log: pino({ level: process.env['PRACTICA_TEST_LOG'] ?? 'silent' }),
  })
  const url = `http://127.0.0.1:${running.port}`
  const db = database.db
  return {
    kind,
    url,
    db,
    running,
    advance(ms) {
      offset += ms
    },
    ...peopleOn(db, url, () => offset),
    async close() {
      await running.close()
      await database.close()
      await pgDb?.drop()
    },
  }
}

/**
 * Clients and people of the server at `url` whose database is `db`: made straight in the
 * database (a signed-in person, a class), sessions valid an hour past the server's clock
 * (`offset`: its lead over the real one).
 */
export function peopleOn(
  db: Kysely<Database>,
  url: string,
  offset: () => number = () => 0,
): Pick<TestServer, 'client' | 'signIn' | 'makeClass'> {
  return {
    client: () => new Client(url),
    async signIn(role, options = {}) {
      const userId = randomUUID()
      const name = options.name ?? `${role} ${userId.slice(0, 4)}`
      await db
        .insertInto('users')
        .values({
          id: userId,
          role,
          name,
          login: role === 'learner' ? null : `${role}-${userId.slice(0, 8)}`,
          password_hash: null,
        })
        .execute()
      if (role === 'learner') {
        if (!options.classId) throw new Error('a learner needs a classId')
        await db
          .insertInto('class_learners')
          .values({
            class_id: options.classId,
            user_id: userId,
            learner_id: options.learnerId ?? `L-${userId.slice(0, 6)}`,
            pin_hash: null,
          })
          .execute()
      }
      if (role === 'assessor' && options.classId)
        await db
          .insertInto('assessor_classes')
          .values({ assessor_id: userId, class_id: options.classId })
          .execute()
      const token = randomBytes(32).toString('base64url')
      await db
        .insertInto('sessions')
        .values({
          id: createHash('sha256').update(token).digest('hex'),
          user_id: userId,
          expires_at: new Date(Date.now() + offset() + 3_600_000),
        })
        .execute()
      const client = new Client(url)
      client.cookies.set('practica_session', token)
      return { userId, client }
    },
    async makeClass(instructorId, options = {}) {
      const id = randomUUID()
      await db
        .insertInto('classes')
        .values({
          id,
          code: options.code ?? randomBytes(3).toString('hex').toUpperCase(),
          name: options.name ?? 'Class',
          instructor_id: instructorId,
          pin_hash: null,
        })
        .execute()
      return id
    },
  }
}

/** Two server processes' worth of servers on one fresh PostgreSQL database (the scale-out). */
export interface TwoProcesses {
  readonly a: RunningServer
  readonly b: RunningServer
  readonly urlA: string
  readonly urlB: string
  readonly databaseUrl: string
  /** people and classes made in the database, clients of A */
  readonly onA: TestServer
  /** a client of B signed in as `client` is (the same session cookie) */
  viaB(client: Client): Client
  close(): Promise<void>
}

export async function twoProcesses(): Promise<TwoProcesses> {
  const database = await freshPostgres()
  const config: ServerConfig = {
    ...readConfig({}),
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    https: 'off',
    appDir: undefined,
    logLevel: 'silent',
  }
  const a = await startServer(config)
  const b = await startServer(config)
  const urlA = `http://127.0.0.1:${a.port}`
  const urlB = `http://127.0.0.1:${b.port}`
  const db = a.database.db
  return {
    a,
    b,
    urlA,
    urlB,
    databaseUrl: database.url,
    // what workClass needs of a test server
    onA: { url: urlA, db, ...peopleOn(db, urlA) } as TestServer,
    viaB(client) {
      const onB = new Client(urlB)
      for (const [k, v] of client.cookies) onB.cookies.set(k, v)
      return onB
    },
    async close() {
      await a.close()
      await b.close()
      await database.drop()
    },
  }
}

/**
 * Runs `body` once per database (PGlite, PostgreSQL), each with its own server. Without a
 * PostgreSQL server the second run skips loudly, or fails under CI.
 */
export function forEachDatabase(
  title: string,
  body: (server: () => TestServer) => void,
  overrides: Partial<ServerConfig> = {},
): void {
  for (const kind of DATABASE_KINDS) {
    const missing = kind === 'postgres' ? inject('postgresMissing') : ''
    if (missing && process.env['CI']) {
      describe(`${title} [postgres]`, () => {
        it('runs on a real PostgreSQL server', () => {
          throw new Error(`No PostgreSQL server for the tests under CI: ${missing}`)
        })
      })
      continue
    }
    if (missing) console.warn(`\n!!! POSTGRESQL TESTS SKIPPED (${title}): ${missing} !!!\n`)
    // without a PostgreSQL server (outside CI) the suite is listed as skipped, after the warning
    describe.skipIf(missing !== '')(`${title} [${kind}]`, () => {
      let server: TestServer | undefined
      beforeAll(async () => {
        server = await startTestServer(kind, overrides)
      }, 120_000)
      afterAll(async () => {
        await server?.close()
      })
      body(() => {
        if (!server) throw new Error('the test server did not start')
        return server
      })
    })
  }
}
