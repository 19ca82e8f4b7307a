// The xAPI 1.0.3 document resources (State, Activity Profile, Agent Profile), the Agents and the
// Activities resources of Practica's LRS, through HTTP with an LRS client's Basic credentials, on
// PGlite and on PostgreSQL. Each test is named after the requirement of Part Three it checks (its
// section number and the spec's words); requirements that hold for the three document resources
// are checked on each of them.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { hashSecret } from '../../src/server/people/secret.ts'
import { readConfig } from '../../src/server/config.ts'
import { forEachDatabase, type TestServer } from './harness.ts'

interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly bytes: Uint8Array
  readonly text: string
  readonly json: any
}

/** An LRS client with its own credentials, made in the database as the admin would. */
async function lrsClient(server: TestServer) {
  const key = `docs-${randomBytes(4).toString('hex')}`
  const secret = randomBytes(16).toString('base64url')
  await server.db
    .insertInto('lrs_clients')
    .values({
      id: randomUUID(),
      name: 'Documents test',
      key,
      secret_hash: await hashSecret(secret),
      created_by: null,
      created_at: new Date(),
    })
    .execute()
  const auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`
  return async function call(
    method: string,
    path: string,
    params: Record<string, string | undefined> = {},
    body?: string | Uint8Array | object,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const query = new URLSearchParams(
      Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
    ).toString()
    const raw = typeof body === 'string' || body instanceof Uint8Array
    const response = await fetch(`${server.url}/xapi${path}${query ? `?${query}` : ''}`, {
      method,
      headers: {
        authorization: auth,
        'x-experience-api-version': '1.0.3',
        ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? null : raw ? (body as BodyInit) : JSON.stringify(body),
    })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const text = new TextDecoder().decode(bytes)
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, bytes, text, json }
  }
}

type Call = Awaited<ReturnType<typeof lrsClient>>

const sha1 = (bytes: Uint8Array | string) => createHash('sha1').update(bytes).digest('hex')

/** A fresh learner agent and activity, so that every test has documents of its own. */
function fresh() {
  const n = randomBytes(4).toString('hex')
  return {
    agent: JSON.stringify({ objectType: 'Agent', mbox: `mailto:learner-${n}@school.example` }),
    activityId: `https://school.example/activities/${n}`,
  }
}

interface Resource {
  readonly name: string
  readonly path: string
  readonly idParam: 'stateId' | 'profileId'
  /** the parameters of a document of a fresh context, but its id */
  context(): Record<string, string>
}

const RESOURCES: readonly Resource[] = [
  {
    name: 'State',
    path: '/activities/state',
    idParam: 'stateId',
    context: () => {
      const f = fresh()
      return { activityId: f.activityId, agent: f.agent }
    },
  },
  {
    name: 'Activity Profile',
    path: '/activities/profile',
    idParam: 'profileId',
    context: () => ({ activityId: fresh().activityId }),
  },
  {
    name: 'Agent Profile',
    path: '/agents/profile',
    idParam: 'profileId',
    context: () => ({ agent: fresh().agent }),
  },
]

const one = (r: Resource, id = 'doc-1') => ({ ...r.context(), [r.idParam]: id })

/** The server under test stores documents up to 1 MB (PRACTICA_LRS_DOCUMENT_MB). */
const MAX_DOCUMENT_BYTES = readConfig({ PRACTICA_LRS_DOCUMENT_MB: '1' }).lrsDocumentBytes

forEachDatabase(
  'xAPI document, Agents and Activities resources',
  (server) => {
    let call: Call
    const lrs = async () => (call ??= await lrsClient(server()))

    for (const r of RESOURCES) {
      it(`${r.name}: PUT stores a document (204 No Content) and GET returns it with its content type (2.3.s3, 2.6.s3, 2.7.s3; 1.5.b1 "Documents can have any content type")`, async () => {
        const c = await lrs()
        const params = one(r)
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255])
        const put = await c('PUT', r.path, params, png, { 'content-type': 'image/png' })
        expect(put.status, put.text).toBe(204)
        const got = await c('GET', r.path, params)
        expect(got.status).toBe(200)
        expect(got.headers.get('content-type')).toBe('image/png')
        expect([...got.bytes]).toEqual([...png])
        expect(got.headers.get('x-experience-api-version')).toBe('1.0.3')
      })

      it(`${r.name}: "An LRS responding to a GET request MUST add an ETag HTTP header", the SHA-1 of the contents in lower-case hexadecimal, enclosed in quotes (3.1.s4.b1, b2, b4)`, async () => {
        const c = await lrs()
        const params = one(r)
        const text = JSON.stringify({ progress: 0.5 })
        expect(
          (await c('PUT', r.path, params, text, { 'content-type': 'application/json' })).status,
        ).toBe(204)
        const got = await c('GET', r.path, params)
        expect(got.headers.get('etag')).toBe(`"${sha1(text)}"`)
        const ids = await c('GET', r.path, { ...params, [r.idParam]: undefined })
        expect(ids.headers.get('etag')).toBe(`"${sha1(ids.bytes)}"`)
      })

      it(`${r.name}: "When returning a single document, the LRS SHOULD* include a Last-Modified header"; for multiple documents, that of the most recently modified (2.2.s6.b1, b2)`, async () => {
        const c = await lrs()
        const context = r.context()
        await c('PUT', r.path, { ...context, [r.idParam]: 'a' }, { a: 1 })
        server().advance(5_000)
        await c('PUT', r.path, { ...context, [r.idParam]: 'b' }, { b: 1 })
        const a = await c('GET', r.path, { ...context, [r.idParam]: 'a' })
        const b = await c('GET', r.path, { ...context, [r.idParam]: 'b' })
        const all = await c('GET', r.path, context)
        const time = (reply: Reply) => Date.parse(reply.headers.get('last-modified') ?? '')
        expect(time(b) - time(a)).toBeGreaterThanOrEqual(4_000)
        expect(time(all)).toBe(time(b))
      })

      it(`${r.name}: POST to a document not in the LRS stores it; POST with content type application/json to a JSON document merges its top-level properties, replacing each whole (2.2.s7, 2.2.s7.b1–b3, 2.2.s8.b2)`, async () => {
        const c = await lrs()
        const params = one(r)
        const first = await c('POST', r.path, params, { x: 'foo', y: 'bar', deep: { a: 1, b: 2 } })
        expect(first.status).toBe(204)
        expect((await c('GET', r.path, params)).json).toEqual({
          x: 'foo',
          y: 'bar',
          deep: { a: 1, b: 2 },
        })
        const second = await c('POST', r.path, params, { x: 'bash', z: 'faz', deep: { c: 3 } })
        expect(second.status).toBe(204)
        const got = await c('GET', r.path, params)
        expect(got.json).toEqual({ x: 'bash', y: 'bar', z: 'faz', deep: { c: 3 } })
        expect(got.headers.get('etag')).toBe(second.headers.get('etag'))
      })

      it(`${r.name}: "If the document being posted or any existing document does not have a Content-Type of application/json, or if either document cannot be parsed as a JSON Object, the LRS MUST respond with 400 Bad Request, and MUST NOT update the target document" (2.2.s8.b1)`, async () => {
        const c = await lrs()
        const cases: { stored: [string, string]; posted: [string, string] }[] = [
          { stored: ['{"a":1}', 'application/json'], posted: ['abc', 'text/plain'] },
          { stored: ['{"a":1}', 'application/json'], posted: ['[1,2]', 'application/json'] },
          { stored: ['{"a":1}', 'application/json'], posted: ['{"a":', 'application/json'] },
          { stored: ['plain words', 'text/plain'], posted: ['{"b":2}', 'application/json'] },
          { stored: ['"a string"', 'application/json'], posted: ['{"b":2}', 'application/json'] },
        ]
        for (const [n, k] of cases.entries()) {
          const params = one(r, `merge-${n}`)
          const put = await c('PUT', r.path, params, k.stored[0], { 'content-type': k.stored[1] })
          expect(put.status, `case ${n}: ${put.text}`).toBe(204)
          const post = await c('POST', r.path, params, k.posted[0], { 'content-type': k.posted[1] })
          expect(post.status, `case ${n}`).toBe(400)
          expect(post.json.error.message).toMatch(/PUT|not valid JSON/)
          const got = await c('GET', r.path, params)
          expect(got.text, `case ${n}`).toBe(k.stored[0])
          expect(got.headers.get('content-type')).toBe(k.stored[1])
        }
      })

      it(`${r.name}: Multiple Document GET returns the ids of the context's documents; with "since", only those stored or updated after it (exclusive) (2.3.s4, 2.6.s4, 2.7.s4)`, async () => {
        const c = await lrs()
        const context = r.context()
        await c('PUT', r.path, { ...context, [r.idParam]: 'old' }, { n: 1 })
        const oldTime = (await c('GET', r.path, { ...context, [r.idParam]: 'old' })).headers.get(
          'last-modified',
        )!
        server().advance(3_000)
        await c('PUT', r.path, { ...context, [r.idParam]: 'new' }, { n: 2 })
        const all = await c('GET', r.path, context)
        expect(all.status).toBe(200)
        expect(all.json).toEqual(['new', 'old'])
        // Last-Modified is in whole seconds: a second after it is after "old" was stored
        const since = new Date(Date.parse(oldTime) + 1000).toISOString()
        const later = await c('GET', r.path, { ...context, since })
        expect(later.json).toEqual(['new'])
        const none = await c('GET', r.path, r.context())
        expect(none.json).toEqual([])
      })

      it(`${r.name}: "An LRS responding to a PUT request MUST handle the If-Match header … if it contains an ETag"; when it fails, "MUST return HTTP status 412 Precondition Failed" and "MUST NOT make a modification to the resource" (3.1.s4.b5, b9, b10)`, async () => {
        const c = await lrs()
        const params = one(r)
        const first = await c('PUT', r.path, params, { v: 1 }, { 'if-none-match': '*' })
        expect(first.status).toBe(204)
        const etag = first.headers.get('etag')!
        expect(etag).toBe(`"${sha1('{"v":1}')}"`)
        const good = await c('PUT', r.path, params, { v: 2 }, { 'if-match': etag })
        expect(good.status).toBe(204)
        const stale = await c('PUT', r.path, params, { v: 3 }, { 'if-match': etag })
        expect(stale.status).toBe(412)
        const wild = await c('PUT', r.path, params, { v: 4 }, { 'if-match': '*' })
        expect(wild.status).toBe(204)
        const absent = await c('PUT', r.path, one(r, 'absent'), { v: 1 }, { 'if-match': etag })
        expect(absent.status).toBe(412)
        expect((await c('GET', r.path, one(r, 'absent'))).status).toBe(404)
        expect((await c('GET', r.path, params)).json).toEqual({ v: 4 })
      })

      it(`${r.name}: "An LRS responding to a PUT request MUST handle the If-None-Match header … if it contains "*"": 412 when the document exists, stored when it does not (3.1.s4.b6, b9, b10)`, async () => {
        const c = await lrs()
        const params = one(r)
        expect((await c('PUT', r.path, params, { v: 1 }, { 'if-none-match': '*' })).status).toBe(
          204,
        )
        expect((await c('PUT', r.path, params, { v: 2 }, { 'if-none-match': '*' })).status).toBe(
          412,
        )
        expect((await c('GET', r.path, params)).json).toEqual({ v: 1 })
      })

      it(`${r.name}: "An LRS responding to a POST or DELETE request SHOULD* handle the If-Match header"; If-None-Match "*" on POST; 412 and no modification when they fail (3.1.s4.b7, b8, b11, b12)`, async () => {
        const c = await lrs()
        const params = one(r)
        const stored = await c('PUT', r.path, params, { v: 1 })
        const etag = stored.headers.get('etag')!
        const wrong = `"${'1'.repeat(40)}"`
        expect((await c('POST', r.path, params, { w: 1 }, { 'if-match': wrong })).status).toBe(412)
        expect((await c('POST', r.path, params, { w: 1 }, { 'if-none-match': '*' })).status).toBe(
          412,
        )
        expect((await c('DELETE', r.path, params, undefined, { 'if-match': wrong })).status).toBe(
          412,
        )
        expect((await c('GET', r.path, params)).json).toEqual({ v: 1 })
        expect((await c('POST', r.path, params, { w: 1 }, { 'if-match': etag })).status).toBe(204)
        const merged = await c('GET', r.path, params)
        expect(merged.json).toEqual({ v: 1, w: 1 })
        const del = await c('DELETE', r.path, params, undefined, {
          'if-match': merged.headers.get('etag')!,
        })
        expect(del.status).toBe(204)
        expect((await c('GET', r.path, params)).status).toBe(404)
      })

      it(`${r.name}: DELETE removes the document (204 No Content); GET of a document not there is 404 Not Found (2.3.s3, 2.6.s3, 2.7.s3; 3.2.s2.b4)`, async () => {
        const c = await lrs()
        const params = one(r)
        await c('PUT', r.path, params, 'x', { 'content-type': 'text/plain' })
        expect((await c('DELETE', r.path, params)).status).toBe(204)
        const gone = await c('GET', r.path, params)
        expect(gone.status).toBe(404)
        expect(gone.json.error.message).toMatch(/no .* document/i)
      })

      it(`${r.name}: "The LRS MUST respond to any HTTP HEAD request as it would have responded to an otherwise identical HTTP GET request except: The message-body MUST be omitted" (1.1.s3.b1)`, async () => {
        const c = await lrs()
        const params = one(r)
        await c('PUT', r.path, params, { v: 1 })
        const get = await c('GET', r.path, params)
        const head = await c('HEAD', r.path, params)
        expect(head.status).toBe(200)
        expect(head.bytes.length).toBe(0)
        expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
        expect(head.headers.get('last-modified')).toBe(get.headers.get('last-modified'))
      })

      it(`${r.name}: "The LRS MUST NOT reject documents on the basis of not having prior knowledge of the Activity and/or Agent" (2.2.s4.b2)`, async () => {
        const c = await lrs()
        const put = await c('PUT', r.path, one(r), { never: 'seen' })
        expect(put.status).toBe(204)
      })

      it(`${r.name}: "The LRS MUST reject with 413 Request Entity Too Large status any request … where the size of the … document is larger than the maximum allowed by the LRS" (3.2.s3.b11), the maximum set by PRACTICA_LRS_DOCUMENT_MB (3.2.s3.b16)`, async () => {
        const c = await lrs()
        const params = one(r)
        const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1)
        const put = await c('PUT', r.path, params, big, {
          'content-type': 'application/octet-stream',
        })
        expect(put.status).toBe(413)
        expect((await c('GET', r.path, params)).status).toBe(404)
      })

      it(`${r.name}: "The LRS MUST reject with 400 Bad Request status any requests that use any parameters which the LRS does not recognize", or "matching parameters described in this specification in all but case", or with values not valid as in a statement (3.2.s3.b7, b8; 2.2.s4.b4)`, async () => {
        const c = await lrs()
        const good = one(r)
        const bad: Record<string, string | undefined>[] = [
          { ...good, colour: 'blue' },
          { ...good, since: '2026-01-01T00:00:00Z' },
          { ...good, [r.idParam]: '' },
        ]
        if ('activityId' in good)
          bad.push(
            { ...good, activityId: undefined },
            { ...good, activityId: 'not an IRI' },
            { ...good, activityId: '1' },
            { ...good, activityId: undefined, activityid: good['activityId'] },
          )
        if ('agent' in good)
          bad.push(
            { ...good, agent: undefined },
            { ...good, agent: 'not JSON' },
            { ...good, agent: '1' },
            { ...good, agent: JSON.stringify({ mbox: 'learner@school.example' }) },
            {
              ...good,
              agent: JSON.stringify({
                mbox: 'mailto:a@school.example',
                openid: 'https://a.example',
              }),
            },
            { ...good, agent: JSON.stringify({ objectType: 'Group', member: [] }) },
            { ...good, agent: JSON.stringify({ account: { homePage: 'school', name: 'x' } }) },
            { ...good, agent: undefined, Agent: good['agent'] },
          )
        if (r.idParam === 'stateId')
          bad.push({ ...good, registration: 'not a UUID' }, { ...good, registration: '1' })
        for (const params of bad)
          for (const method of ['PUT', 'POST', 'GET', 'DELETE']) {
            const reply = await c(
              method,
              r.path,
              params,
              method === 'PUT' || method === 'POST' ? { a: 1 } : undefined,
            )
            expect(reply.status, `${method} ${JSON.stringify(params)}: ${reply.text}`).toBe(400)
            expect(reply.json.error.message.length).toBeGreaterThan(10)
          }
        expect((await c('GET', r.path, { ...r.context(), since: 'yesterday' })).status).toBe(400)
      })

      it(`${r.name}: every request needs the LRS client's credentials: none, or a wrong secret, is 401 (4.0.s3.b1)`, async () => {
        const params = one(r)
        const query = new URLSearchParams(params).toString()
        const url = `${server().url}/xapi${r.path}?${query}`
        const headers = { 'x-experience-api-version': '1.0.3' }
        expect((await fetch(url, { headers })).status).toBe(401)
        const wrong = `Basic ${Buffer.from('nobody:nothing').toString('base64')}`
        expect((await fetch(url, { headers: { ...headers, authorization: wrong } })).status).toBe(
          401,
        )
      })
    }

    for (const r of RESOURCES.filter((x) => x.idParam === 'profileId'))
      it(`${r.name}: "If a PUT request is received without either header for a resource that already exists, the LRS: MUST return HTTP status 409 Conflict", explaining to check the current state and set If-Match with the current ETag, and "MUST NOT make a modification to the resource" (3.1.s4.b13, b14, b15)`, async () => {
        const c = await lrs()
        const params = one(r)
        expect((await c('PUT', r.path, params, { v: 1 })).status).toBe(204)
        const conflict = await c('PUT', r.path, params, { v: 2 })
        expect(conflict.status).toBe(409)
        expect(conflict.json.error.message).toMatch(/current state/)
        expect(conflict.json.error.message).toMatch(/If-Match/)
        expect(conflict.json.error.message).toContain(sha1('{"v":1}'))
        expect((await c('GET', r.path, params)).json).toEqual({ v: 1 })
      })

    it('State: "The State Resource will permit PUT, POST and DELETE requests without concurrency headers": a PUT replaces the existing document, as cmi5\'s LMS does with LMS.LaunchData (3.1.s3)', async () => {
      const c = await lrs()
      const { agent, activityId } = fresh()
      const registration = randomUUID()
      const params = { activityId, agent, registration, stateId: 'LMS.LaunchData' }
      const launch = (mode: string) => ({
        contextTemplate: { extensions: {} },
        launchMode: mode,
        moveOn: 'CompletedAndPassed',
      })
      expect((await c('PUT', '/activities/state', params, launch('Normal'))).status).toBe(204)
      expect((await c('PUT', '/activities/state', params, launch('Review'))).status).toBe(204)
      expect((await c('GET', '/activities/state', params)).json.launchMode).toBe('Review')
    })

    it("State: the registration is part of a document's context; Multiple Document DELETE deletes all state data for the context (Activity + Agent [+ registration if specified]) (2.3.s3.table1.row3, 2.3.s4, 2.3.s5)", async () => {
      const c = await lrs()
      const { agent, activityId } = fresh()
      const [r1, r2] = [randomUUID(), randomUUID()]
      const path = '/activities/state'
      await c('PUT', path, { activityId, agent, registration: r1, stateId: 's' }, { in: 1 })
      await c('PUT', path, { activityId, agent, registration: r2, stateId: 's' }, { in: 2 })
      await c('PUT', path, { activityId, agent, registration: r2, stateId: 't' }, { in: 2 })
      await c('PUT', path, { activityId, agent, stateId: 'u' }, { in: 0 })
      const got = await c('GET', path, { activityId, agent, registration: r1, stateId: 's' })
      expect(got.json).toEqual({ in: 1 })
      // the same agent by another property order and with a name: the same documents
      const named = JSON.stringify({ name: 'A learner', mbox: JSON.parse(agent).mbox })
      expect((await c('GET', path, { activityId, agent: named, registration: r2 })).json).toEqual([
        's',
        't',
      ])
      expect((await c('GET', path, { activityId, agent })).json).toEqual(['s', 't', 'u'])
      expect((await c('GET', path, { activityId, agent, stateId: 's' })).status).toBe(404)
      expect((await c('DELETE', path, { activityId, agent, registration: r2 })).status).toBe(204)
      expect((await c('GET', path, { activityId, agent })).json).toEqual(['s', 'u'])
      expect((await c('DELETE', path, { activityId, agent })).status).toBe(204)
      expect((await c('GET', path, { activityId, agent })).json).toEqual([])
    })

    it('State through the alternate request syntax: POST with "method", the parameters, headers and content as a form (1.3.s3.b2, b4, b7, b13, b14)', async () => {
      const c = await lrs()
      const { agent, activityId } = fresh()
      const params = { activityId, agent, stateId: 'LMS.LaunchData' }
      const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
      const type = { 'content-type': 'application/x-www-form-urlencoded' }
      const path = '/activities/state'
      const content = '{"launchMode":"Normal"}'
      const put = await c(
        'POST',
        path,
        { method: 'PUT' },
        form({ ...params, content, 'Content-Type': 'application/json' }),
        type,
      )
      expect(put.status, put.text).toBe(204)
      const got = await c('POST', path, { method: 'GET' }, form(params), type)
      expect(got.status).toBe(200)
      expect(got.json).toEqual({ launchMode: 'Normal' })
      expect(got.headers.get('etag')).toBe(`"${sha1(content)}"`)
      const stale = await c(
        'POST',
        path,
        { method: 'PUT' },
        form({
          ...params,
          content: '{}',
          'Content-Type': 'application/json',
          'If-Match': `"${'1'.repeat(40)}"`,
        }),
        type,
      )
      expect(stale.status).toBe(412)
      expect((await c('GET', path, params)).json).toEqual({ launchMode: 'Normal' })
    })

    it('Profiles have no Multiple Document DELETE: a DELETE without "profileId" is 400 and deletes nothing (2.6.s3, 2.7.s3)', async () => {
      const c = await lrs()
      const { activityId } = fresh()
      await c('PUT', '/activities/profile', { activityId, profileId: 'p' }, { v: 1 })
      expect((await c('DELETE', '/activities/profile', { activityId })).status).toBe(400)
      expect((await c('GET', '/activities/profile', { activityId })).json).toEqual(['p'])
    })

    it('Agents: "If an LRS does not have any additional information about an Agent to return, the LRS MUST still return a Person Object"; array properties with the same definition as the Agent\'s; the names statements gave it (2.4.s3.b3, 2.4.s5, 2.4.s6.b1, b2)', async () => {
      const c = await lrs()
      const account = {
        homePage: 'https://school.example',
        name: `L-${randomBytes(3).toString('hex')}`,
      }
      const unknown = await c('GET', '/agents', { agent: JSON.stringify({ account }) })
      expect(unknown.status).toBe(200)
      expect(unknown.json).toEqual({ objectType: 'Person', account: [account] })
      expect(unknown.headers.get('etag')).toBe(`"${sha1(unknown.bytes)}"`)
      await storeStatement(server(), { name: 'Ana Lima', account }, 'https://school.example/a/1')
      await storeStatement(server(), { name: 'Ana M. Lima', account }, 'https://school.example/a/1')
      const known = await c('GET', '/agents', { agent: JSON.stringify({ account }) })
      expect(known.json).toEqual({
        objectType: 'Person',
        name: ['Ana Lima', 'Ana M. Lima'],
        account: [account],
      })
      const mbox = 'mailto:someone@school.example'
      expect(
        (await c('GET', '/agents', { agent: JSON.stringify({ mbox, name: 'S' }) })).json,
      ).toEqual({ objectType: 'Person', name: ['S'], mbox: [mbox] })
      expect((await c('GET', '/agents', {})).status).toBe(400)
      expect((await c('GET', '/agents', { agent: '{"mbox":"nope"}' })).status).toBe(400)
      expect((await c('GET', '/agents', { agent: JSON.stringify({ mbox }), x: '1' })).status).toBe(
        400,
      )
    })

    it('Activities: "Loads the complete Activity Object specified", with the definition its latest statement gave it; one no statement defined is still an Activity Object (2.5.s1, 2.5.s2.b1)', async () => {
      const c = await lrs()
      const id = `https://school.example/activities/${randomBytes(4).toString('hex')}`
      const none = await c('GET', '/activities', { activityId: id })
      expect(none.status).toBe(200)
      expect(none.json).toEqual({ objectType: 'Activity', id })
      const actor = { mbox: 'mailto:a@school.example' }
      const first = {
        name: { en: 'Lockout' },
        type: 'http://adlnet.gov/expapi/activities/simulation',
      }
      const second = { name: { en: 'Lockout-tagout', 'zh-CN': '上锁挂牌' } }
      await storeStatement(server(), actor, id, first)
      expect((await c('GET', '/activities', { activityId: id })).json.definition).toEqual(first)
      // a later statement naming it as a context activity, with a definition
      await storeStatement(server(), actor, 'https://school.example/activities/other', undefined, {
        id,
        definition: second,
      })
      const got = await c('GET', '/activities', { activityId: id })
      expect(got.json).toEqual({ objectType: 'Activity', id, definition: second })
      expect((await c('GET', '/activities', { activityId: 'no scheme' })).status).toBe(400)
      expect((await c('GET', '/activities', {})).status).toBe(400)
    })
  },
  { lrsDocumentBytes: MAX_DOCUMENT_BYTES },
)

/** A statement stored in the LRS's statements table as the Statements resource keeps one. */
async function storeStatement(
  server: TestServer,
  actor: Record<string, unknown>,
  activityId: string,
  definition?: Record<string, unknown>,
  parent?: Record<string, unknown>,
) {
  const id = randomUUID()
  const stored = new Date().toISOString()
  const statement = {
    id,
    actor: { objectType: 'Agent', ...actor },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { objectType: 'Activity', id: activityId, ...(definition ? { definition } : {}) },
    ...(parent ? { context: { contextActivities: { parent: [parent] } } } : {}),
    stored,
    timestamp: stored,
    version: '1.0.0',
  }
  await server.db
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
      related_activities: [activityId, ...(parent ? [String(parent['id'])] : [])],
      registration: null,
      voids: null,
      attempt_id: null,
    })
    .execute()
}
