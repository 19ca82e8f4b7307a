// Security of the API, generated from the route table and its sample requests (routeSamples.ts):
// cross-origin writes are refused (CSRF); a planted session cookie gets an attacker nothing
// (session fixation); guessing passwords and PINs hits the rate limit; SQL-injection strings in
// every text field of every JSON body are only text; oversized and malformed bodies get a clear
// 4xx and store nothing. On both databases.
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../src/core/index.ts'
import type { Role } from '../../src/server/db/schema.ts'
import { MAX_BODY_BYTES } from '../../src/server/http/body.ts'
import type { Route } from '../../src/server/http/route.ts'
import { ROUTES } from '../../src/server/http/routes.ts'
import { createStaff } from '../../src/server/people/users.ts'
import { forEachDatabase, type Client, type TestServer } from './harness.ts'
import {
  buildWorld,
  callerFor,
  routeKey,
  SAMPLES,
  type SampleRequest,
  type Who,
  type World,
} from './routeSamples.ts'

const INJECTIONS = ["'; DROP TABLE users; --", "' OR '1'='1", 'Robert"); DELETE FROM classes; --']
const EVIL = 'https://evil.example'
const WRITES = ROUTES.filter((r) => r.method !== 'GET')

/** The rows of every table of the database, by table name (the migrations' own left out). */
async function tableCounts(server: TestServer): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE'
       and table_name not like 'kysely_%'
     order by table_name`.execute(server.db)
  const counts: Record<string, number> = {}
  for (const { table_name } of rows) {
    const { rows: n } = await sql<{
      n: string | number
    }>`select count(*) as n from ${sql.table(table_name)}`.execute(server.db)
    counts[table_name] = Number(n[0]!.n)
  }
  return counts
}

/** The sample of `route` on the caller's own class; fails the test when there is none. */
async function sampleOf(world: World, route: Route): Promise<SampleRequest> {
  const sample = SAMPLES[routeKey(route)]
  if (!sample) throw new Error(`${routeKey(route)} has no sample request in routeSamples.ts`)
  return sample.make(world, 'own')
}

const isJsonBody = (body: unknown) => body !== undefined && !(body instanceof Uint8Array)

/** Every string in `value`, by its path (array indexes and object keys). */
function textLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => textLeaves(v, [...path, i]))
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textLeaves(v, [...path, k]))
  return []
}

/** Every leaf (string, number, boolean, null) of `value`, by its path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]))
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
  return [path]
}

/** A copy of `value` with the leaf at `path` replaced. */
function replaced(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf
  const [head, ...rest] = path
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, leaf) : v))
  const object = value as Record<string, unknown>
  return { ...object, [head!]: replaced(object[head!], rest, leaf) }
}

function leafAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value)
}

/** A value of another JSON type than `leaf`. */
function wrongType(leaf: unknown): unknown {
  if (typeof leaf === 'string') return 12345
  if (typeof leaf === 'number') return 'a string'
  if (typeof leaf === 'boolean') return 'yes'
  return { not: 'this' }
}

/**
 * A request on a connection of its own, closed afterwards: the server stops reading a body over
 * its limit and answers at once, and a connection left with unread bytes must not be reused.
 */
function oneShot(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
  /** sent in pieces with no Content-Length (chunked), counted by the server as it arrives */
  chunked = false,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    let answered = false
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('end', () => {
        answered = true
        const text = Buffer.concat(chunks).toString('utf8')
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed })
      })
    })
    // the server may close while the rest of the body is still being written
    req.on('error', (e) => {
      if (!answered) reject(e)
    })
    if (chunked)
      for (let at = 0; at < body.length && !answered; at += 64 * 1024)
        req.write(body.slice(at, at + 64 * 1024))
    req.end(chunked ? undefined : body)
  })
}

forEachDatabase('security', (server) => {
  let world: World
  const clients = {} as Record<Who, Client>
  beforeAll(async () => {
    world = await buildWorld(server())
    for (const who of ['admin', 'instructor', 'assessor', 'learner', 'nobody'] as const)
      clients[who] = await world.clientOf(who)
  }, 120_000)

  /** A client of `who` with a session of its own, for requests that may end or replace it. */
  const fresh = (who: Who) => world.clientOf(who)

  describe('cross-site request forgery', () => {
    it('refuses every state-changing route from another origin or none, storing nothing', async () => {
      const requests = []
      for (const route of WRITES)
        requests.push({
          route,
          request: await sampleOf(world, route),
          client: await fresh(callerFor(route)),
        })
      const before = await tableCounts(server())
      const wrong: string[] = []
      for (const { route, request, client } of requests) {
        for (const origin of [EVIL, 'null', undefined]) {
          client.origin = origin
          const answer = await client.request(route.method, request.path, request.body)
          if (answer.status !== 403 || answer.body?.error?.code !== 'cross-origin')
            wrong.push(`${routeKey(route)} from ${origin ?? 'no origin'} → ${answer.status}`)
        }
        // what a forged HTML form sends: a "simple" request with a form body
        client.origin = EVIL
        const form = await client.request(route.method, request.path, 'a=1', {
          'content-type': 'application/x-www-form-urlencoded',
        })
        if (form.status !== 403) wrong.push(`${routeKey(route)} as a form → ${form.status}`)
      }
      expect(wrong).toEqual([])
      expect(await tableCounts(server())).toEqual(before)
    }, 120_000)

    it('answers the same request from the app itself (so the refusals above are the origin)', async () => {
      const client = await fresh('admin')
      const answer = await client.patch(`/api/classes/${world.a.id}`, { name: 'Same origin' })
      expect(answer.status).toBe(200)
    })
  })

  describe('session fixation', () => {
    const signIn = (client: Client) =>
      client.post('/api/session', { login: world.staffLogin, password: world.staffPassword })

    it('a cookie planted before sign-in is not the session after it, and is dead', async () => {
      const victim = server().client()
      victim.cookies.set('practica_session', 'attacker-chosen-token')
      const answer = await signIn(victim)
      expect(answer.status).toBe(200)
      const token = victim.cookies.get('practica_session')
      expect(token).toBeDefined()
      expect(token).not.toBe('attacker-chosen-token')
      const attacker = server().client()
      attacker.cookies.set('practica_session', 'attacker-chosen-token')
      expect((await attacker.get('/api/session')).body.user).toBeNull()
    })

    it("an attacker's own session planted in the victim's browser is ended by the sign-in", async () => {
      const attacker = await fresh('learner')
      expect((await attacker.get('/api/session')).body.user).not.toBeNull()
      const planted = attacker.cookies.get('practica_session')!
      const victim = server().client()
      victim.cookies.set('practica_session', planted)
      expect((await signIn(victim)).status).toBe(200)
      expect(victim.cookies.get('practica_session')).not.toBe(planted)
      // the planted session is gone: the attacker is signed out, and never the victim
      expect((await attacker.get('/api/session')).body.user).toBeNull()
      expect((await victim.get('/api/session')).body.user.login).toBe(world.staffLogin)
    })

    it('a learner joining on a browser with a planted cookie gets a fresh session too', async () => {
      const victim = server().client()
      victim.cookies.set('practica_session', 'planted-before-join')
      const joined = await victim.post('/api/join', {
        code: world.a.code,
        learnerId: `F-${randomUUID().slice(0, 8)}`,
        name: 'Fresh Learner',
      })
      expect(joined.status).toBe(200)
      expect(victim.cookies.get('practica_session')).not.toBe('planted-before-join')
      // the planted cookie is cleared, then the new session's is set
      const cookie = joined.headers
        .getSetCookie()
        .find((c) => c.startsWith('practica_session=') && !c.startsWith('practica_session=;'))!
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Strict/i)
    })
  })

  describe('brute force', () => {
    it('wrong passwords for one login hit the rate limit; the right one waits too', async () => {
      const login = `guess-${randomUUID().slice(0, 6)}`
      await createStaff(
        server().db,
        { role: 'assessor', login, name: 'Guessed', password: 'the right password' },
        new Date(),
      )
      const client = server().client()
      const statuses: number[] = []
      for (let i = 0; i < 12; i++)
        statuses.push((await client.post('/api/session', { login, password: `guess ${i}` })).status)
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
      expect(statuses.slice(10)).toEqual([429, 429])
      const right = await client.post('/api/session', { login, password: 'the right password' })
      expect(right.status).toBe(429)
      expect(right.body.error.code).toBe('too-many-tries')
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
      // another account is not locked by it
      const other = await server().client().post('/api/session', {
        login: world.staffLogin,
        password: world.staffPassword,
      })
      expect(other.status).toBe(200)
      server().advance(16 * 60_000)
      const later = await client.post('/api/session', { login, password: 'the right password' })
      expect(later.status).toBe(200)
    })

    it("wrong learner PINs hit the rate limit for that learner, not the learner's class", async () => {
      const instructor = await server().signIn('instructor')
      const classId = await server().makeClass(instructor.userId)
      const code = (await server()
        .db.selectFrom('classes')
        .select('code')
        .where('id', '=', classId)
        .executeTakeFirstOrThrow())!.code
      expect(
        (await instructor.client.patch(`/api/classes/${classId}`, { learnerPins: true })).status,
      ).toBe(200)
      const join = (learnerId: string, learnerPin?: string) =>
        server().client().post('/api/join', { code, learnerId, name: 'Pin Learner', learnerPin })
      expect((await join('P-1')).body.error.code).toBe('learner-pin-needed')
      const learner = await server()
        .db.selectFrom('class_learners')
        .select('user_id')
        .where('class_id', '=', classId)
        .where('learner_id', '=', 'P-1')
        .executeTakeFirstOrThrow()
      const pin = (await instructor.client.post(`/api/learners/${learner.user_id}/pin`)).body.pin
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) statuses.push((await join('P-1', '000000')).status)
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
      expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true)
      expect((await join('P-1', pin)).status).toBe(429)
      // a classmate still joins
      expect((await join('P-2')).body.error.code).toBe('learner-pin-needed')
    })
  })

  describe('SQL injection', () => {
    it('is plain text in every text field of every route with a JSON body', async () => {
      const before = await tableCounts(server())
      const failures: string[] = []
      let tried = 0
      for (const route of ROUTES) {
        const probe = await sampleOf(world, route)
        if (!isJsonBody(probe.body)) continue
        for (const path of textLeaves(probe.body))
          for (const injection of INJECTIONS) {
            const request = await sampleOf(world, route)
            const body = replaced(request.body, path, injection)
            const answer = await (
              await fresh(callerFor(route))
            ).request(route.method, request.path, body)
            tried++
            if (answer.status >= 500 || typeof answer.body !== 'object')
              failures.push(`${routeKey(route)} ${path.join('.')}=${injection} → ${answer.status}`)
            else if (answer.status >= 400 && typeof answer.body.error?.message !== 'string')
              failures.push(
                `${routeKey(route)} ${path.join('.')} → ${answer.status} without a message`,
              )
          }
      }
      expect(failures).toEqual([])
      expect(tried).toBeGreaterThan(50)
      const after = await tableCounts(server())
      // every table is still there, and none lost rows
      expect(Object.keys(after)).toEqual(Object.keys(before))
      for (const table of Object.keys(before))
        expect(after[table], table).toBeGreaterThanOrEqual(before[table]!)
    }, 300_000)

    it('stores such text exactly as typed and reads it back', async () => {
      for (const injection of INJECTIONS) {
        const admin = await fresh('admin')
        const renamed = await admin.patch(`/api/classes/${world.b.id}`, { name: injection })
        expect(renamed.status).toBe(200)
        expect((await admin.get(`/api/classes/${world.b.id}`)).body.name).toBe(injection)
        const login = `inj-${randomUUID().slice(0, 8)}`
        const made = await admin.post('/api/users', {
          role: 'assessor',
          login,
          name: injection,
          password: 'a long password',
        })
        expect(made.status).toBe(201)
        const users = (await admin.get('/api/users')).body as { login: string; name: string }[]
        expect(users.find((u) => u.login === login)?.name).toBe(injection)
        const joined = await server()
          .client()
          .post('/api/join', {
            code: world.b.code,
            learnerId: `I-${randomUUID().slice(0, 8)}`,
            name: injection,
          })
        expect(joined.status).toBe(200)
        expect(joined.body.user.name).toBe(injection)
      }
      // a login or class code made of it is refused as a wrong login or an unknown class
      const signIn = await server().client().post('/api/session', {
        login: "' OR '1'='1",
        password: "' OR '1'='1",
      })
      expect(signIn.status).toBe(401)
      const join = await server().client().post('/api/join', {
        code: "' OR '1'='1",
        learnerId: 'x',
        name: 'x',
      })
      expect(join.status).toBeGreaterThanOrEqual(400)
      expect(join.status).toBeLessThan(500)
    })

    it('is a 4xx in every path parameter and query', async () => {
      const failures: string[] = []
      for (const route of ROUTES) {
        if (!route.path.includes(':')) continue
        for (const injection of INJECTIONS) {
          const path = route.path.replace(/:\w+/g, encodeURIComponent(injection))
          const client = await fresh(callerFor(route))
          const answer = await client.request(
            route.method,
            path,
            route.method === 'GET' ? undefined : {},
          )
          if (answer.status < 400 || answer.status >= 500)
            failures.push(`${route.method} ${path} → ${answer.status}`)
        }
      }
      const admin = await fresh('admin')
      for (const injection of INJECTIONS) {
        const answer = await admin.get(
          `/api/classes/${world.a.id}/export?format=${encodeURIComponent(injection)}&assignment=${encodeURIComponent(injection)}`,
        )
        if (answer.status !== 400) failures.push(`export query ${injection} → ${answer.status}`)
      }
      expect(failures).toEqual([])
    }, 120_000)
  })

  describe('oversized and malformed bodies', () => {
    /** the routes with a body, each with its sample made before anything is counted */
    async function bodies() {
      const out: { route: Route; request: SampleRequest; client: Client }[] = []
      for (const route of ROUTES) {
        const request = await sampleOf(world, route)
        if (request.body !== undefined)
          out.push({ route, request, client: clients[callerFor(route) as Role | 'nobody'] })
      }
      return out
    }

    it('refuses a body over the limit with 413 and stores nothing', async () => {
      const all = await bodies()
      const before = await tableCounts(server())
      const failures: string[] = []
      for (const { route, request, client } of all) {
        const raw = request.body instanceof Uint8Array
        const limit = raw ? MAX_FILE_BYTES : MAX_BODY_BYTES
        const text = raw
          ? new TextDecoder().decode(request.body as Uint8Array) + ' '.repeat(limit)
          : JSON.stringify({ ...(request.body as object), padding: 'x'.repeat(limit) })
        const answer = await oneShot(
          server().url + request.path,
          route.method,
          text === ''
            ? {}
            : {
                'content-type': 'application/json',
                origin: client.origin!,
                ...(client.cookies.size > 0
                  ? { cookie: `practica_session=${client.cookies.get('practica_session')}` }
                  : {}),
              },
          text,
        )
        if (answer.status !== 413 || answer.body?.error?.code !== 'too-large')
          failures.push(`${routeKey(route)} → ${answer.status} ${JSON.stringify(answer.body)}`)
        else if (!/larger than \d+ bytes/.test(answer.body.error.message))
          failures.push(`${routeKey(route)}: no plain message`)
      }
      expect(failures).toEqual([])
      expect(await tableCounts(server())).toEqual(before)
    }, 300_000)

    it('counts a body sent in chunks without a length as it arrives', async () => {
      const before = await tableCounts(server())
      const client = clients.admin
      const answer = await oneShot(
        `${server().url}/api/classes`,
        'POST',
        {
          origin: client.origin!,
          'content-type': 'application/json',
          cookie: `practica_session=${client.cookies.get('practica_session')}`,
        },
        JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES * 2) }),
        true,
      )
      expect(answer.status).toBe(413)
      expect(await tableCounts(server())).toEqual(before)
    })

    it('refuses what is not JSON, or JSON of the wrong types, with a clear 4xx, storing nothing', async () => {
      const all = await bodies()
      const before = await tableCounts(server())
      const failures: string[] = []
      const check = async (
        route: Route,
        client: Client,
        path: string,
        body: unknown,
        what: string,
      ) => {
        const answer = await client.request(route.method, path, body, {
          'content-type': 'application/json',
        })
        if (answer.status < 400 || answer.status >= 500)
          failures.push(`${routeKey(route)} ${what} → ${answer.status}`)
        else if (
          typeof answer.body?.error?.message !== 'string' ||
          answer.body.error.message === ''
        )
          failures.push(`${routeKey(route)} ${what} → ${answer.status} without a plain message`)
      }
      for (const { route, request, client } of all) {
        for (const text of ['{not json', '', '{"a":', '\u0000\u00ff', '[1,2'])
          await check(route, client, request.path, text, `body ${JSON.stringify(text)}`)
        if (!isJsonBody(request.body)) continue
        for (const whole of [[], 'text', 42, null])
          await check(
            route,
            client,
            request.path,
            JSON.stringify(whole),
            `body ${JSON.stringify(whole)}`,
          )
        // every field left out: refused, or (where every field is optional) a change of nothing
        const empty = await client.request(route.method, request.path, {})
        if (empty.status >= 500) failures.push(`${routeKey(route)} body {} → ${empty.status}`)
        for (const path of leaves(request.body)) {
          const body = replaced(request.body, path, wrongType(leafAt(request.body, path)))
          await check(
            route,
            client,
            request.path,
            JSON.stringify(body),
            `${path.join('.')} of a wrong type`,
          )
        }
      }
      expect(failures).toEqual([])
      expect(await tableCounts(server())).toEqual(before)
    }, 300_000)
  })
})
