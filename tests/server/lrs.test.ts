// The xAPI 1.0.3 LRS of the server (src/server/lrs), against a running server on both databases.
// Tests are named after the requirements of xAPI 1.0.3 Part Three (and the data rules of Part
// Two) in the spec's words.
import { randomUUID } from 'node:crypto'
import validateXapi from '@learninglocker/xapi-validation'
import { exportXapi, type Result } from '../../src/core/index.ts'
import { readConfig } from '../../src/server/config.ts'
import { validateStatement } from '../../src/server/lrs/validate.ts'
import { modelFor } from '../../src/server/work/models.ts'
import { storedAttempt } from '../../src/server/work/score.ts'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from './harness.ts'
import { makeLrsClient, type LrsTestClient } from './lrsClient.ts'
import { assignExample, publishExample, SCENARIO_SHA256, storeAttempt } from './reviewFixtures.ts'

const V = 'http://adlnet.gov/expapi/verbs/'
const ACT = 'http://practica.test/activities/'
const actor = (n: string) => ({ objectType: 'Agent', name: n, mbox: `mailto:${n}@school.test` })
const statement = (over: Record<string, unknown> = {}) => ({
  actor: actor('ada'),
  verb: { id: `${V}experienced`, display: { 'en-US': 'experienced' } },
  object: { objectType: 'Activity', id: `${ACT}one` },
  ...over,
})

/** Statements the LRS must refuse with 400, each named after the rule it breaks. */
const INVALID: readonly [string, Record<string, unknown>][] = [
  ['a Statement whose verb id is not an IRI', statement({ verb: { id: 'not an iri' } })],
  ['a Statement without a verb', { actor: actor('a'), object: { id: `${ACT}x` } }],
  ['a Statement without an actor', { verb: { id: `${V}a` }, object: { id: `${ACT}x` } }],
  ['a Statement without an object', { actor: actor('a'), verb: { id: `${V}a` } }],
  ['a Statement with a property not in the specification', statement({ color: 'red' })],
  ['a Statement with a property whose value is null', statement({ result: null })],
  ['a Statement whose id is not a UUID', statement({ id: 'statement-1' })],
  ['an Agent with no Inverse Functional Identifier', statement({ actor: { name: 'nobody' } })],
  [
    'an Agent with more than one Inverse Functional Identifier',
    statement({ actor: { mbox: 'mailto:a@b.test', openid: 'http://a.test/me' } }),
  ],
  ['an mbox that is not a mailto IRI', statement({ actor: { mbox: 'a@b.test' } })],
  [
    'an mbox_sha1sum that is not 40 hexadecimal digits',
    statement({ actor: { mbox_sha1sum: 'abc' } }),
  ],
  ['an openid that is not a URI', statement({ actor: { openid: 'me' } })],
  ['an account without a homePage', statement({ actor: { account: { name: 'x' } } })],
  [
    'an account whose homePage is not an IRL',
    statement({ actor: { account: { homePage: 'school', name: 'x' } } }),
  ],
  [
    'an anonymous Group without members',
    statement({ actor: { objectType: 'Group', name: 'team' } }),
  ],
  [
    'a Group with a Group as a member',
    statement({
      actor: { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@b.test' }] },
    }),
  ],
  [
    'an objectType that is not one of the specification',
    statement({ actor: { objectType: 'Person', mbox: 'mailto:a@b.test' } }),
  ],
  ['an Activity without an id', statement({ object: { objectType: 'Activity' } })],
  ['an Activity id that is not an IRI', statement({ object: { id: 'one' } })],
  [
    'an Activity definition type that is not an IRI',
    statement({ object: { id: `${ACT}x`, definition: { type: 'quiz' } } }),
  ],
  [
    'an interactionType that is not one of the specification',
    statement({ object: { id: `${ACT}x`, definition: { interactionType: 'essay' } } }),
  ],
  [
    'interaction components not allowed by the interactionType',
    statement({
      object: {
        id: `${ACT}x`,
        definition: { interactionType: 'true-false', choices: [{ id: 'a' }] },
      },
    }),
  ],
  [
    'a language map whose key is not an RFC 5646 language tag',
    statement({ verb: { id: `${V}a`, display: { 'english language': 'a' } } }),
  ],
  [
    'a language map whose value is not a string',
    statement({ verb: { id: `${V}a`, display: { en: 1 } } }),
  ],
  ['an extensions key that is not an IRI', statement({ result: { extensions: { score: 1 } } })],
  ['a scaled score above 1', statement({ result: { score: { scaled: 1.5 } } })],
  ['a raw score above max', statement({ result: { score: { raw: 11, min: 0, max: 10 } } })],
  ['a max score not above min', statement({ result: { score: { min: 5, max: 5 } } })],
  ['a success that is not a boolean', statement({ result: { success: 'yes' } })],
  [
    'a duration that is not an ISO 8601 duration',
    statement({ result: { duration: '90 seconds' } }),
  ],
  ['a timestamp that is not an ISO 8601 timestamp', statement({ timestamp: '04/12/2026 08:00' })],
  [
    'a timestamp with the negative zero offset -00:00',
    statement({ timestamp: '2026-12-04T08:00:00-00:00' }),
  ],
  ['a context registration that is not a UUID', statement({ context: { registration: 'r1' } })],
  [
    'a context revision when the object is not an Activity',
    statement({ object: actor('bob'), context: { revision: '2' } }),
  ],
  [
    'a context platform when the object is not an Activity',
    statement({ object: actor('bob'), context: { platform: 'web' } }),
  ],
  ['a context team that is not a Group', statement({ context: { team: actor('bob') } })],
  [
    'a context statement that is not a StatementRef',
    statement({ context: { statement: { id: randomUUID() } } }),
  ],
  [
    'a contextActivities property not in the specification',
    statement({ context: { contextActivities: { sibling: [{ id: `${ACT}x` }] } } }),
  ],
  [
    'a context language that is not an RFC 5646 tag',
    statement({ context: { language: 'english!' } }),
  ],
  ['an Agent object without an objectType', statement({ object: { mbox: 'mailto:b@b.test' } })],
  [
    'a StatementRef whose id is not a UUID',
    statement({ object: { objectType: 'StatementRef', id: 'x' } }),
  ],
  [
    'a SubStatement with an id, stored, version or authority',
    statement({ object: { objectType: 'SubStatement', id: randomUUID(), ...statement() } }),
  ],
  [
    'a SubStatement whose object is a SubStatement',
    statement({
      object: {
        objectType: 'SubStatement',
        ...statement({ object: { objectType: 'SubStatement', ...statement() } }),
      },
    }),
  ],
  [
    'a Statement using the verb voided whose object is not a StatementRef',
    statement({ verb: { id: `${V}voided` } }),
  ],
  ['a version other than 1.0.x', statement({ version: '2.0.0' })],
  [
    'an Attachment without a display',
    statement({
      attachments: [
        {
          usageType: `${ACT}u`,
          contentType: 'text/plain',
          length: 1,
          sha2: 'a'.repeat(64),
          fileUrl: 'http://a.test/f',
        },
      ],
    }),
  ],
  ...(
    [
      ['without a usageType', { usageType: undefined }],
      ['whose usageType is not an IRI', { usageType: 'photo' }],
      ['whose display is not a language map', { display: 'Photo' }],
      ['whose description is not a language map', { description: ['a photo'] }],
      ['without a contentType', { contentType: undefined }],
      ['whose contentType is not an Internet Media Type', { contentType: 'plain text' }],
      ['without a length', { length: undefined }],
      ['whose length is not an integer', { length: 1.5 }],
      ['without a sha2', { sha2: undefined }],
      ['whose sha2 is not a string', { sha2: 42 }],
      ['whose fileUrl is not an IRL', { fileUrl: 'not a url' }],
    ] as const
  ).map(([rule, over]): [string, Record<string, unknown>] => [
    `an Attachment ${rule} (Part Two 2.4.11)`,
    statement({
      attachments: [
        {
          usageType: `${ACT}u`,
          display: { en: 'photo' },
          contentType: 'text/plain',
          length: 1,
          sha2: 'a'.repeat(64),
          fileUrl: 'http://a.test/f',
          ...over,
        },
      ],
    }),
  ]),
  [
    'an authority Group with other than two members',
    statement({ authority: { objectType: 'Group', member: [actor('a')] } }),
  ],
]

/** Statements the LRS accepts: the rules' edge cases. */
const VALID: readonly [string, Record<string, unknown>][] = [
  [
    'an identified Group as the actor',
    statement({
      actor: { objectType: 'Group', account: { homePage: 'https://school.test', name: 'g1' } },
    }),
  ],
  [
    'an anonymous Group with members',
    statement({
      actor: { objectType: 'Group', member: [actor('a'), { mbox_sha1sum: 'f'.repeat(40) }] },
    }),
  ],
  [
    'a SubStatement object',
    statement({
      object: { objectType: 'SubStatement', ...statement({ verb: { id: `${V}attempted` } }) },
    }),
  ],
  [
    'a StatementRef object',
    statement({ object: { objectType: 'StatementRef', id: randomUUID() } }),
  ],
  [
    'an interaction Activity with its components',
    statement({
      object: {
        id: `${ACT}q1`,
        definition: {
          type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
          interactionType: 'choice',
          correctResponsesPattern: ['a'],
          choices: [{ id: 'a', description: { 'en-US': 'A' } }, { id: 'b' }],
        },
      },
    }),
  ],
  [
    'a timestamp with an offset and no fraction',
    statement({ timestamp: '2026-12-04T09:00:00+01:00' }),
  ],
  [
    'a duration with a fraction of seconds',
    statement({ result: { duration: 'PT1M30.25S', score: { scaled: -0.5 } } }),
  ],
  [
    'extensions with IRI keys and any values',
    statement({ context: { extensions: { 'http://x.test/e': { any: [null, 1] } } } }),
  ],
]

/** The server under test takes statements requests up to 2 MB (PRACTICA_LRS_STATEMENTS_MB). */
const LIMITS = readConfig({ PRACTICA_LRS_STATEMENTS_MB: '2' })
const MAX_STATEMENTS_BYTES = LIMITS.lrsStatementsBytes

forEachDatabase(
  'xAPI LRS',
  (server) => {
    let lrs: LrsTestClient & { id: string }
    it('an admin makes LRS credentials; the secret is shown once and kept hashed', async () => {
      lrs = await makeLrsClient(server())
      const row = await server()
        .db.selectFrom('lrs_clients')
        .selectAll()
        .where('id', '=', lrs.id)
        .executeTakeFirstOrThrow()
      expect(row.secret_hash).toMatch(/^scrypt\$/)
      expect(row.secret_hash).not.toContain(lrs.secret)
      const { client: admin } = await server().signIn('admin')
      const list = await admin.get('/api/lrs/clients')
      expect(JSON.stringify(list.body)).not.toContain(lrs.secret)
    })

    describe('headers, About and authentication', () => {
      it('The LRS MUST include the "X-Experience-API-Version" header in every response', async () => {
        for (const answer of [
          await lrs.get('/xapi/about', {}),
          await lrs.get('/xapi/statements'),
          await lrs.get('/xapi/statements', { 'X-Experience-API-Version': undefined }),
          await lrs.get('/xapi/nothing'),
          await lrs.request('GET', '/xapi/statements', { anonymous: true }),
        ])
          expect(answer.headers.get('x-experience-api-version')).toBe('1.0.3')
      })
      it('An LRS rejects with error code 400 Bad Request, a Request which does not use a "X-Experience-API-Version" header', async () => {
        const answer = await lrs.get('/xapi/statements', { 'X-Experience-API-Version': undefined })
        expect(answer.status).toBe(400)
        expect(answer.body.error.message).toMatch(/X-Experience-API-Version/)
      })
      it('An LRS rejects with error code 400 Bad Request, a Request which uses a version header other than 1.0.x', async () => {
        for (const v of ['0.95', '1.1.0', '2.0.0', 'one'])
          expect(
            (await lrs.get('/xapi/statements', { 'X-Experience-API-Version': v })).status,
          ).toBe(400)
        for (const v of ['1.0', '1.0.0', '1.0.1', '1.0.3', '1.0.9'])
          expect(
            (await lrs.get('/xapi/statements', { 'X-Experience-API-Version': v })).status,
          ).toBe(200)
      })
      it('The About resource returns a JSON object with a "version" array listing 1.0.3, without credentials', async () => {
        const answer = await lrs.request('GET', '/xapi/about', { anonymous: true, headers: {} })
        expect(answer.status).toBe(200)
        expect(answer.body.version).toEqual(['1.0.3'])
        // "Additional properties MUST NOT be added to this object outside of extensions" (2.8.s5.b2)
        expect(Object.keys(answer.body).filter((k) => k !== 'extensions')).toEqual(['version'])
      })
      it('An LRS rejects a request without credentials, or with unknown or revoked ones, with 401 Unauthorized', async () => {
        const none = await lrs.request('GET', '/xapi/statements', { anonymous: true })
        expect(none.status).toBe(401)
        expect(none.headers.get('www-authenticate')).toMatch(/^Basic/)
        const wrong = await lrs.get('/xapi/statements', {
          authorization: `Basic ${Buffer.from(`${lrs.key}:not-the-secret`).toString('base64')}`,
        })
        expect(wrong.status).toBe(401)
        const revoked = await makeLrsClient(server(), 'Revoked')
        expect((await revoked.get('/xapi/statements')).status).toBe(200)
        const { client: admin } = await server().signIn('admin')
        expect((await admin.delete(`/api/lrs/clients/${revoked.id}`)).status).toBe(200)
        expect((await revoked.get('/xapi/statements')).status).toBe(401)
      })
      it('An LRS accepts the alternate request syntax: a form POSTed with a method parameter stands for the request it names', async () => {
        const id = randomUUID()
        const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
        const headers = {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: undefined,
          'X-Experience-API-Version': undefined,
        }
        const auth = `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`
        const put = await lrs.request('POST', '/xapi/statements?method=PUT', {
          body: form({
            statementId: id,
            content: JSON.stringify(statement()),
            Authorization: auth,
            'X-Experience-API-Version': '1.0.3',
            'Content-Type': 'application/json',
          }),
          headers,
        })
        expect(put.status, put.text).toBe(204)
        const get = await lrs.request('POST', '/xapi/statements?method=GET', {
          body: form({ statementId: id, Authorization: auth, 'X-Experience-API-Version': '1.0.3' }),
          headers,
        })
        expect(get.status).toBe(200)
        expect(get.body.id).toBe(id)
        expect(get.headers.get('x-experience-api-version')).toBe('1.0.3')
        const noAuth = await lrs.request('POST', '/xapi/statements?method=GET', {
          body: form({ statementId: id, 'X-Experience-API-Version': '1.0.3' }),
          headers,
        })
        expect(noAuth.status).toBe(401)
        const extra = await lrs.request('POST', `/xapi/statements?method=GET&statementId=${id}`, {
          body: form({ Authorization: auth, 'X-Experience-API-Version': '1.0.3' }),
          headers,
        })
        expect(extra.status).toBe(400)
      })
      it('The LRS answers a CORS preflight from another origin, and is exempt from the session Origin check', async () => {
        const preflight = await fetch(`${server().url}/xapi/statements`, {
          method: 'OPTIONS',
          headers: {
            origin: 'https://lms.school.test',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,x-experience-api-version',
          },
        })
        expect(preflight.status).toBeLessThan(300)
        expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
        expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
          'x-experience-api-version',
        )
        const cross = await lrs.get('/xapi/statements', { origin: 'https://lms.school.test' })
        expect(cross.status).toBe(200)
        expect(cross.headers.get('access-control-expose-headers')).toMatch(/Consistent-Through/)
      })
    })

    describe('Statements resource: storing', () => {
      it('An LRS stores a POSTed Statement and answers 200 with an array of its id; it fills in stored, authority, timestamp and version', async () => {
        const id = randomUUID()
        const posted = await lrs.post('/xapi/statements', statement({ id }))
        expect(posted.status).toBe(200)
        expect(posted.body).toEqual([id])
        const got = await lrs.get(`/xapi/statements?statementId=${id}`)
        expect(got.status).toBe(200)
        expect(got.body.id).toBe(id)
        expect(got.body.version).toBe('1.0.0')
        expect(got.body.timestamp).toBe(got.body.stored)
        expect(got.body.authority.account.name).toBe(lrs.key)
        expect(got.headers.get('last-modified')).toBe(new Date(got.body.stored).toUTCString())
        expect(
          Date.parse(got.headers.get('x-experience-api-consistent-through') ?? ''),
        ).not.toBeNaN()
      })
      it('An LRS assigns a UUID to a Statement without an id, and stores an array of Statements in order', async () => {
        const id = randomUUID()
        const posted = await lrs.post('/xapi/statements', [
          statement(),
          statement({ id }),
          statement(),
        ])
        expect(posted.status).toBe(200)
        expect(posted.body).toHaveLength(3)
        expect(posted.body[1]).toBe(id)
        for (const x of posted.body) expect(x).toMatch(/^[0-9a-f-]{36}$/)
      })
      it('An LRS overwrites the authority a Statement names with the credentials used', async () => {
        const id = randomUUID()
        await lrs.post('/xapi/statements', statement({ id, authority: actor('impostor') }))
        const got = await lrs.get(`/xapi/statements?statementId=${id}`)
        expect(got.body.authority.account.name).toBe(lrs.key)
      })
      it('An LRS stores a PUT Statement under its statementId and answers 204 No Content', async () => {
        const id = randomUUID()
        const put = await lrs.put(`/xapi/statements?statementId=${id}`, statement())
        expect(put.status).toBe(204)
        expect((await lrs.get(`/xapi/statements?statementId=${id}`)).body.id).toBe(id)
      })
      it('An LRS rejects with 400 a PUT without a statementId, or whose statementId differs from the Statement id', async () => {
        expect((await lrs.put('/xapi/statements', statement())).status).toBe(400)
        const other = await lrs.put(
          `/xapi/statements?statementId=${randomUUID()}`,
          statement({ id: randomUUID() }),
        )
        expect(other.status).toBe(400)
        expect(other.body.error.message).toMatch(/statementId/)
      })
      it('An LRS does not change a stored Statement: the same Statement again is accepted, a different one with its id is 409 Conflict', async () => {
        const id = randomUUID()
        const first = statement({ id, result: { success: true } })
        expect((await lrs.post('/xapi/statements', first)).status).toBe(200)
        const storedBefore = (await lrs.get(`/xapi/statements?statementId=${id}`)).body.stored
        // the same statement, properties in another order: accepted, nothing changes
        const again = {
          result: { success: true },
          object: first.object,
          verb: first.verb,
          actor: first.actor,
          id,
        }
        expect((await lrs.post('/xapi/statements', again)).status).toBe(200)
        expect((await lrs.put(`/xapi/statements?statementId=${id}`, again)).status).toBe(204)
        const conflict = await lrs.post('/xapi/statements', {
          ...first,
          result: { success: false },
        })
        expect(conflict.status).toBe(409)
        expect(
          (
            await lrs.put(`/xapi/statements?statementId=${id}`, {
              ...first,
              result: { success: false },
            })
          ).status,
        ).toBe(409)
        const after = await lrs.get(`/xapi/statements?statementId=${id}`)
        expect(after.body.stored).toBe(storedBefore)
        expect(after.body.result.success).toBe(true)
      })
      it('An LRS rejects with 400 a batch of Statements with the same id, and stores none of a batch it refuses', async () => {
        const id = randomUUID()
        const dup = await lrs.post('/xapi/statements', [statement({ id }), statement({ id })])
        expect(dup.status).toBe(400)
        const ok = randomUUID()
        const mixed = await lrs.post('/xapi/statements', [
          statement({ id: ok }),
          statement({ verb: { id: 'bad' } }),
        ])
        expect(mixed.status).toBe(400)
        expect(mixed.body.error.message).toMatch(/statements\[1\]\.verb\.id/)
        expect((await lrs.get(`/xapi/statements?statementId=${ok}`)).status).toBe(404)
        // a conflict in a batch: none of it is stored
        const fresh = randomUUID()
        await lrs.post('/xapi/statements', statement({ id }))
        const conflicting = await lrs.post('/xapi/statements', [
          statement({ id: fresh }),
          statement({ id, result: { completion: true } }),
        ])
        expect(conflicting.status).toBe(409)
        expect((await lrs.get(`/xapi/statements?statementId=${fresh}`)).status).toBe(404)
      })
      it('"The LRS MUST reject with 413 Request Entity Too Large status any request rejected by the LRS where the size of the Attachment, Statement or document is larger than the maximum allowed by the LRS": statements over its limit (set by PRACTICA_LRS_STATEMENTS_MB: 3.2.s3.b16), by POST or PUT, as JSON or multipart/mixed, are refused and nothing is stored (3.2.s3.b11; 3.2.s2.b7; 1.5.2.s3.b7)', async () => {
        const id = randomUUID()
        const big = statement({
          id,
          result: { extensions: { [`${ACT}notes`]: 'x'.repeat(MAX_STATEMENTS_BYTES) } },
        })
        const posted = await lrs.post('/xapi/statements', big)
        expect(posted.status).toBe(413)
        expect(posted.body.error.code).toBe('too-large')
        expect(posted.body.error.message).toMatch(/larger than/)
        expect((await lrs.put(`/xapi/statements?statementId=${id}`, big)).status).toBe(413)
        const boundary = 'b413'
        const multipart = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(big)}\r\n--${boundary}--\r\n`
        const mixed = await lrs.post('/xapi/statements', multipart, {
          'content-type': `multipart/mixed; boundary=${boundary}`,
        })
        expect(mixed.status).toBe(413)
        expect((await lrs.get(`/xapi/statements?statementId=${id}`)).status).toBe(404)
        // just under the limit is taken
        const fits = statement({
          result: { extensions: { [`${ACT}notes`]: 'x'.repeat(MAX_STATEMENTS_BYTES - 1000) } },
        })
        expect((await lrs.post('/xapi/statements', fits)).status).toBe(200)
      })
      it('"The LRS MUST process and store numbers with at least the precision of IEEE 754 32-bit floating point numbers" (2.2.s4.b3)', async () => {
        const id = randomUUID()
        const score = { scaled: 0.123456789, raw: 1234.5678, min: -1e6, max: 1e6 }
        await lrs.post('/xapi/statements', statement({ id, result: { score } }))
        expect((await lrs.get(`/xapi/statements?statementId=${id}`)).body.result.score).toEqual(
          score,
        )
      })
      it('An LRS rejects with 400 a body that is not JSON, not UTF-8 (1.4.s1.b1), or an empty array', async () => {
        expect((await lrs.post('/xapi/statements', '{"actor":')).status).toBe(400)
        const latin1 = Buffer.from(JSON.stringify(statement({ actor: actor('zoë') })), 'latin1')
        const notUtf8 = await lrs.post('/xapi/statements', new Uint8Array(latin1), {
          'content-type': 'application/json',
        })
        expect(notUtf8.status).toBe(400)
        expect(notUtf8.body.error.message).toMatch(/UTF-8/)
        expect((await lrs.post('/xapi/statements', [])).status).toBe(400)
        expect(
          (await lrs.post('/xapi/statements', 'x', { 'content-type': 'text/plain' })).status,
        ).toBe(400)
      })
    })

    describe('Statement data rules (Part Two) — An LRS rejects with error code 400 Bad Request …', () => {
      it.each(INVALID)('%s', async (_rule, s) => {
        const answer = await lrs.post('/xapi/statements', s)
        expect(answer.status, JSON.stringify(answer.body)).toBe(400)
        expect(answer.body.error.message).toMatch(
          /^The statement is not valid xAPI 1\.0\.3 at statement\S*: ./,
        )
      })
    })
    describe('Statement data rules (Part Two) — An LRS accepts …', () => {
      it.each(VALID)('%s', async (_rule, s) => {
        const answer = await lrs.post('/xapi/statements', s)
        expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      })
    })

    describe('voiding', () => {
      it('A voided Statement is not returned by statementId or queries, only by voidedStatementId; the voiding Statement is', async () => {
        const target = randomUUID()
        const activity = `${ACT}voided-${target}`
        await lrs.post('/xapi/statements', statement({ id: target, object: { id: activity } }))
        const voiding = randomUUID()
        const voided = await lrs.post(
          '/xapi/statements',
          statement({
            id: voiding,
            verb: { id: `${V}voided`, display: { 'en-US': 'voided' } },
            object: { objectType: 'StatementRef', id: target },
          }),
        )
        expect(voided.status).toBe(200)
        expect((await lrs.get(`/xapi/statements?statementId=${target}`)).status).toBe(404)
        const byVoided = await lrs.get(`/xapi/statements?voidedStatementId=${target}`)
        expect(byVoided.status).toBe(200)
        expect(byVoided.body.id).toBe(target)
        expect((await lrs.get(`/xapi/statements?voidedStatementId=${voiding}`)).status).toBe(404)
        const query = await lrs.get(`/xapi/statements?activity=${encodeURIComponent(activity)}`)
        // the voiding statement targets a statement that meets the filter: it does too
        expect(query.body.statements.map((s: { id: string }) => s.id)).toEqual([voiding])
        const all = await lrs.get(`/xapi/statements?verb=${encodeURIComponent(`${V}voided`)}`)
        expect(all.body.statements.map((s: { id: string }) => s.id)).toContain(voiding)
      })
      it('"The LRS MUST still return any Statements targeting the voided Statement": a comment on a voided Statement is still found by the filters the voided one meets (2.1.4.s1.b2)', async () => {
        const target = randomUUID()
        const activity = `${ACT}voided-commented-${target}`
        await lrs.post('/xapi/statements', statement({ id: target, object: { id: activity } }))
        const comment = (
          await lrs.post(
            '/xapi/statements',
            statement({
              verb: { id: `${V}commented` },
              object: { objectType: 'StatementRef', id: target },
            }),
          )
        ).body[0]
        const voiding = (
          await lrs.post(
            '/xapi/statements',
            statement({
              verb: { id: `${V}voided` },
              object: { objectType: 'StatementRef', id: target },
            }),
          )
        ).body[0]
        const found = await lrs.get(`/xapi/statements?activity=${encodeURIComponent(activity)}`)
        expect(found.body.statements.map((s: { id: string }) => s.id)).toEqual([voiding, comment])
      })
      it('An LRS rejects with 400 a Statement that voids a voiding Statement', async () => {
        const target = randomUUID()
        const voiding = randomUUID()
        const voids = (id: string, what: string) =>
          statement({
            id,
            verb: { id: `${V}voided` },
            object: { objectType: 'StatementRef', id: what },
          })
        await lrs.post('/xapi/statements', statement({ id: target }))
        expect((await lrs.post('/xapi/statements', voids(voiding, target))).status).toBe(200)
        const refused = await lrs.post('/xapi/statements', voids(randomUUID(), voiding))
        expect(refused.status).toBe(400)
        expect(refused.body.error.code).toBe('voiding-a-voiding-statement')
        expect((await lrs.get(`/xapi/statements?statementId=${voiding}`)).status).toBe(200)
      })
      it('A Statement whose voiding Statement arrived first is voided when it arrives', async () => {
        const target = randomUUID()
        await lrs.post(
          '/xapi/statements',
          statement({
            verb: { id: `${V}voided` },
            object: { objectType: 'StatementRef', id: target },
          }),
        )
        await lrs.post('/xapi/statements', statement({ id: target }))
        expect((await lrs.get(`/xapi/statements?statementId=${target}`)).status).toBe(404)
        expect((await lrs.get(`/xapi/statements?voidedStatementId=${target}`)).status).toBe(200)
      })
    })

    describe('Statements resource: queries', () => {
      const registration = randomUUID()
      const run = randomUUID().slice(0, 8)
      const here = (n: string) => `${ACT}${run}/${n}`
      const ids: string[] = []
      it('(a set of statements to query)', async () => {
        const made = [
          statement({
            actor: actor(`q${run}`),
            object: { id: here('a') },
            context: { registration },
          }),
          statement({
            actor: actor(`q${run}`),
            verb: { id: `${V}completed` },
            object: { id: here('b') },
            context: { registration, contextActivities: { parent: { id: here('a') } } },
          }),
          statement({
            actor: actor(`other${run}`),
            object: actor(`q${run}`),
            context: { instructor: actor(`teacher${run}`) },
          }),
          statement({
            actor: actor(`other${run}`),
            object: {
              objectType: 'SubStatement',
              ...statement({ actor: actor(`sub${run}`), object: { id: here('c') } }),
            },
          }),
        ]
        for (const s of made) {
          const answer = await lrs.post('/xapi/statements', s)
          ids.push(answer.body[0])
          server().advance(1000)
        }
      })
      const idsOf = (answer: { body: { statements: { id: string }[] } }) =>
        answer.body.statements.map((s) => s.id)
      const q = (params: string) => lrs.get(`/xapi/statements?${params}`)
      const agent = (n: string) =>
        `agent=${encodeURIComponent(JSON.stringify({ mbox: `mailto:${n}${run}@school.test` }))}`
      it('The agent filter returns Statements whose actor or object is the Agent; related_agents adds every other place an Agent appears', async () => {
        expect(idsOf(await q(agent('q')))).toEqual([ids[2], ids[1], ids[0]])
        expect(idsOf(await q(agent('teacher')))).toEqual([])
        expect(idsOf(await q(`${agent('teacher')}&related_agents=true`))).toEqual([ids[2]])
        expect(idsOf(await q(`${agent('sub')}&related_agents=true`))).toEqual([ids[3]])
      })
      it('The agent filter: "Groups that have members which match the specified Agent based on their Inverse Functional Identifier … are considered a match", as the actor or the object (2.1.3.s1.table1.row3)', async () => {
        const team = (n: string) => ({
          objectType: 'Group',
          member: [actor(`${n}${run}`), actor('zoe')],
        })
        const asActor = (await lrs.post('/xapi/statements', statement({ actor: team('member') })))
          .body[0]
        const asObject = (
          await lrs.post('/xapi/statements', statement({ object: team('coached') }))
        ).body[0]
        expect(idsOf(await q(agent('member')))).toEqual([asActor])
        expect(idsOf(await q(agent('coached')))).toEqual([asObject])
      })
      it('The verb, activity and registration filters; related_activities adds context and SubStatement activities', async () => {
        expect(idsOf(await q(`verb=${encodeURIComponent(`${V}completed`)}&${agent('q')}`))).toEqual(
          [ids[1]],
        )
        expect(idsOf(await q(`activity=${encodeURIComponent(here('a'))}`))).toEqual([ids[0]])
        expect(
          idsOf(await q(`activity=${encodeURIComponent(here('a'))}&related_activities=true`)),
        ).toEqual([ids[1], ids[0]])
        expect(
          idsOf(await q(`activity=${encodeURIComponent(here('c'))}&related_activities=true`)),
        ).toEqual([ids[3]])
        expect(idsOf(await q(`registration=${registration}`))).toEqual([ids[1], ids[0]])
      })
      it('since returns Statements stored after it, until those stored at or before it; ascending orders oldest first', async () => {
        const stored = await Promise.all(
          ids.map(async (id) => (await q(`statementId=${id}`)).body.stored as string),
        )
        expect(idsOf(await q(`${agent('q')}&since=${encodeURIComponent(stored[0]!)}`))).toEqual([
          ids[2],
          ids[1],
        ])
        expect(idsOf(await q(`${agent('q')}&until=${encodeURIComponent(stored[1]!)}`))).toEqual([
          ids[1],
          ids[0],
        ])
        expect(idsOf(await q(`${agent('q')}&ascending=true`))).toEqual([ids[0], ids[1], ids[2]])
      })
      it('limit caps a page; more is an IRL to the next page, and the empty string on the last', async () => {
        const first = await q(`${agent('q')}&limit=2`)
        expect(idsOf(first)).toEqual([ids[2], ids[1]])
        expect(first.body.more).toMatch(/^\/xapi\/statements\?more=/)
        const second = await lrs.get(first.body.more)
        expect(idsOf(second)).toEqual([ids[0]])
        expect(second.body.more).toBe('')
        expect((await lrs.get('/xapi/statements?more=garbage')).status).toBe(400)
      })
      it('format=ids returns only what identifies Agents, Activities and Verbs; canonical keeps one language per language map', async () => {
        const id = randomUUID()
        await lrs.post(
          '/xapi/statements',
          statement({
            id,
            verb: { id: `${V}experienced`, display: { 'en-US': 'experienced', 'zh-CN': '体验' } },
            object: { id: here('d'), definition: { name: { 'en-US': 'Pump', 'zh-CN': '泵' } } },
          }),
        )
        const ids = (await q(`statementId=${id}&format=ids`)).body
        expect(ids.actor).toEqual({ objectType: 'Agent', mbox: 'mailto:ada@school.test' })
        expect(ids.verb).toEqual({ id: `${V}experienced` })
        expect(ids.object).toEqual({ objectType: 'Activity', id: here('d') })
        const zh = (
          await lrs.get(`/xapi/statements?statementId=${id}&format=canonical`, {
            'accept-language': 'zh-CN, en;q=0.5',
          })
        ).body
        expect(zh.verb.display).toEqual({ 'zh-CN': '体验' })
        expect(zh.object.definition.name).toEqual({ 'zh-CN': '泵' })
        expect(zh.actor.name).toBe('ada')
        expect((await q(`statementId=${id}&format=full`)).status).toBe(400)
      })
      it('format=canonical: Activities with the canonical definition the LRS holds (the latest a Statement gave), every language map of Activities, interaction components, Verbs and attachments reduced to the one language Accept-Language prefers, applied to each map (q-values, prefixes, "*", q=0); Agents as in exact (2.1.3.s1.table1.row12; 2.1.3.s4.b1, b3, b5)', async () => {
        const [first, second] = [randomUUID(), randomUUID()]
        const canon = here('canon')
        const ada = { ...actor('ada'), name: 'Ada Lovelace' }
        const choice = (description: Record<string, string>, name: Record<string, string>) => ({
          id: canon,
          definition: {
            name,
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
            interactionType: 'choice',
            choices: [{ id: 'a', description }],
          },
        })
        await lrs.post('/xapi/statements', [
          statement({
            id: first,
            actor: ada,
            verb: {
              id: `${V}answered`,
              display: { 'en-US': 'answered', 'zh-CN': '回答', fr: 'a répondu' },
            },
            object: choice(
              { 'en-US': 'Valve A', 'zh-CN': '阀门甲' },
              { 'en-US': 'Old pump', 'zh-CN': '旧泵' },
            ),
            context: {
              contextActivities: {
                parent: [{ id: here('parent'), definition: { name: { en: 'Line', zh: '产线' } } }],
              },
            },
            attachments: [
              {
                usageType: `${ACT}photo`,
                display: { 'en-US': 'Photo', 'zh-CN': '照片' },
                contentType: 'image/png',
                length: 1,
                sha2: 'a'.repeat(64),
                fileUrl: 'https://school.test/photo.png',
              },
            ],
          }),
          statement({
            id: second,
            object: choice(
              { 'en-US': 'Valve A', 'zh-CN': '阀门甲', 'fr-FR': 'Vanne A' },
              { 'en-US': 'Pump', 'zh-CN': '泵', 'fr-FR': 'Pompe' },
            ),
          }),
        ])
        const get = async (id: string, language?: string) =>
          (
            await lrs.get(`/xapi/statements?statementId=${id}&format=canonical`, {
              'accept-language': language,
            })
          ).body
        const zh = await get(first, 'fr;q=0.2, zh;q=0.9, *;q=0.1')
        expect(zh.object.definition.name).toEqual({ 'zh-CN': '泵' })
        expect(zh.object.definition.choices).toEqual([
          { id: 'a', description: { 'zh-CN': '阀门甲' } },
        ])
        expect(zh.verb.display).toEqual({ 'zh-CN': '回答' })
        expect(zh.context.contextActivities.parent[0].definition.name).toEqual({ zh: '产线' })
        expect(zh.attachments[0].display).toEqual({ 'zh-CN': '照片' })
        expect(zh.actor).toEqual(ada)
        // exact keeps what the statement said
        const exact = (await q(`statementId=${first}`)).body
        expect(exact.object.definition.name).toEqual({ 'en-US': 'Old pump', 'zh-CN': '旧泵' })
        // en refused (q=0): the best of the rest; "*" for a language not named
        expect((await get(first, 'en;q=0, fr;q=0.5, *;q=0.1')).object.definition.name).toEqual({
          'fr-FR': 'Pompe',
        })
        // none acceptable: one the request did not refuse
        const refused = (await get(first, 'en;q=0, de')).verb.display
        expect(Object.keys(refused)).toHaveLength(1)
        expect(refused['en-US']).toBeUndefined()
        expect((await get(first, 'zh;q=0.1, fr;q=0, *')).verb.display).toEqual({
          'en-US': 'answered',
        })
        // no Accept-Language: still one language in each map
        const any = await get(first)
        for (const map of [
          any.verb.display,
          any.object.definition.name,
          any.attachments[0].display,
        ])
          expect(Object.keys(map)).toHaveLength(1)
        // a page of statements too
        const page = await lrs.get(
          `/xapi/statements?activity=${encodeURIComponent(canon)}&format=canonical`,
          { 'accept-language': 'en' },
        )
        expect(page.body.statements.map((s: any) => s.object.definition.name)).toEqual([
          { 'en-US': 'Pump' },
          { 'en-US': 'Pump' },
        ])
      })
      it('An LRS rejects with 400 a GET with statementId and voidedStatementId, with statementId and another filter, or with an unknown parameter', async () => {
        expect((await q(`statementId=${ids[0]}&voidedStatementId=${ids[1]}`)).status).toBe(400)
        expect((await q(`statementId=${ids[0]}&verb=${encodeURIComponent(`${V}a`)}`)).status).toBe(
          400,
        )
        expect((await q(`statementId=${ids[0]}&format=exact&attachments=false`)).status).toBe(200)
        expect((await q('colour=red')).status).toBe(400)
        expect((await q('agent=nobody')).status).toBe(400)
        expect((await q('since=yesterday')).status).toBe(400)
        expect((await q('limit=-1')).status).toBe(400)
        expect((await q(`statementId=${randomUUID()}`)).status).toBe(404)
      })
      it('Last-Modified matches the Statement\'s stored (2.1.3.s2.b8); no match is still 200 with an empty "statements" array (2.1.3.s2.b4); attachments=false answers application/json (2.1.3.s2.b7); a parameter named as one of the specification in all but case is 400 (3.2.s3.b8), with X-Experience-API-Consistent-Through (2.1.3.s2.b5)', async () => {
        const one = await q(`statementId=${ids[0]}&attachments=false`)
        expect(new Date(one.headers.get('last-modified')!).getTime()).toBe(
          Math.floor(new Date(one.body.stored).getTime() / 1000) * 1000,
        )
        expect(one.headers.get('content-type')).toMatch(/^application\/json/)
        const none = await q(`activity=${encodeURIComponent(here('never'))}`)
        expect(none.status).toBe(200)
        expect(none.body).toEqual({ statements: [], more: '' })
        for (const wrong of [
          `statementID=${ids[0]}`,
          `Verb=${encodeURIComponent(`${V}a`)}`,
          'LIMIT=1',
        ]) {
          const refused = await q(wrong)
          expect(refused.status, wrong).toBe(400)
          // "on all responses to Statements Resource requests" (2.1.3.s2.b5), refusals included
          expect(refused.headers.get('x-experience-api-consistent-through')).toBeTruthy()
        }
      })
      it('The LRS answers HEAD like GET, without a body', async () => {
        const head = await lrs.request('HEAD', `/xapi/statements?statementId=${ids[0]}`)
        expect(head.status).toBe(200)
        expect(head.text).toBe('')
        expect(head.headers.get('x-experience-api-consistent-through')).toBeTruthy()
      })
      it('A Statement whose object is a StatementRef meets a filter (other than since, until, limit) when the Statement it targets does', async () => {
        const ref = (
          await lrs.post(
            '/xapi/statements',
            statement({
              actor: actor(`commenter${run}`),
              verb: { id: `${V}commented` },
              object: { objectType: 'StatementRef', id: ids[1] },
            }),
          )
        ).body[0]
        expect(idsOf(await q(`activity=${encodeURIComponent(here('b'))}`))).toEqual([ref, ids[1]])
        expect(idsOf(await q(`${agent('q')}&verb=${encodeURIComponent(`${V}completed`)}`))).toEqual(
          [ref, ids[1]],
        )
        expect(idsOf(await q(`${agent('commenter')}`))).toEqual([ref])
        expect(idsOf(await q(`activity=${encodeURIComponent(here('c'))}`))).toEqual([])
      })
      it('"This rule applies recursively": a Statement targeting a Statement that targets a match is a match; since, until and limit still apply to the targeting Statement; StatementRefs in a loop end (2.1.3.s3)', async () => {
        const refTo = (target: string, who: string, id = randomUUID()) =>
          statement({
            id,
            actor: actor(`${who}${run}`),
            verb: { id: `${V}commented` },
            object: { objectType: 'StatementRef', id: target },
          })
        const [first, second, loopA, loopB] = [
          randomUUID(),
          randomUUID(),
          randomUUID(),
          randomUUID(),
        ]
        // second targets first, which targets ids[0]; loopA and loopB target each other
        for (const s of [
          refTo(ids[0]!, 'chain1', first),
          refTo(first, 'chain2', second),
          refTo(loopB, 'loop', loopA),
          refTo(loopA, 'loop', loopB),
        ]) {
          const answer = await lrs.post('/xapi/statements', s)
          expect(answer.status, answer.text).toBe(200)
          server().advance(1000)
        }
        const onA = `activity=${encodeURIComponent(here('a'))}`
        expect(idsOf(await q(onA))).toEqual([second, first, ids[0]])
        expect(
          idsOf(await q(`${agent('q')}&verb=${encodeURIComponent(`${V}experienced`)}`)),
        ).toEqual(expect.arrayContaining([second, first, ids[0]]))
        expect(idsOf(await q(`${agent('chain2')}`))).toEqual([second])
        const storedFirst = (await q(`statementId=${first}`)).body.stored as string
        expect(idsOf(await q(`${onA}&since=${encodeURIComponent(storedFirst)}`))).toEqual([second])
        expect(idsOf(await q(`${onA}&until=${encodeURIComponent(storedFirst)}`))).toEqual([
          first,
          ids[0],
        ])
        expect(idsOf(await q(`${onA}&limit=1`))).toEqual([second])
        // a loop matches nothing it does not reach, and the query ends
        expect(idsOf(await q(`${agent('loop')}`))).toEqual([loopB, loopA])
        expect(idsOf(await q(`activity=${encodeURIComponent(here('zzz'))}`))).toEqual([])
      })
    })

    describe("learners' attempts as statements", () => {
      const base = 'https://school.test/practica'
      let attemptId = ''
      /** What exportXapi writes for the attempt's stored result, at its revision. */
      const expected = async () => {
        const db = server().db
        const stored = (await storedAttempt(db, attemptId))!
        const row = await db
          .selectFrom('results')
          .selectAll()
          .where('attempt_id', '=', attemptId)
          .executeTakeFirstOrThrow()
        const model = await modelFor(db, SCENARIO_SHA256)
        return exportXapi(
          { model, attempt: stored.attempt, result: row.result as Result, revision: row.revision },
          { activityBase: base, homePage: `${base}/learners` },
        )
      }
      const scored = async (mark: number | null) => {
        const { client } = await server().signIn('admin')
        const answer = await client.put(`/api/attempts/${attemptId}/judgements/housekeeping`, {
          mark,
        })
        expect(answer.status).toBe(200)
        return answer.body as { revision: number }
      }
      /** The statement stored under each id, as the exporter wrote it (without what the LRS adds). */
      const lrsCopy = async (id: string, voided = false) => {
        const answer = await lrs.get(
          `/xapi/statements?${voided ? 'voidedStatementId' : 'statementId'}=${id}`,
        )
        expect(answer.status, id).toBe(200)
        const { authority, ...statement } = answer.body
        delete statement.stored
        expect(authority.account.name).toBe('practica-server')
        return statement
      }

      it('The server stores no attempt as statements until the admin sets the base IRI, and never takes the example domain', async () => {
        const { userId: instructor } = await server().signIn('instructor')
        const classId = await server().makeClass(instructor)
        await publishExample(server().db)
        const assignmentId = await assignExample(server().db, classId)
        const { userId } = await server().signIn('learner', { classId, learnerId: 'L-77' })
        const before = await storeAttempt(server().db, {
          assignmentId,
          userId,
          learner: { id: 'L-77', name: 'Lee' },
          end: true,
        })
        const none = await server()
          .db.selectFrom('lrs_statements')
          .select('id')
          .where('attempt_id', '=', before)
          .execute()
        expect(none).toEqual([])
        const { client: admin } = await server().signIn('admin')
        expect((await admin.get('/api/lrs/settings')).body.activityBase).toBeNull()
        const example = await admin.put('/api/lrs/settings', {
          activityBase: 'https://practica.example/xapi',
        })
        expect(example.status).toBe(400)
        expect(example.body.error.message).toMatch(/practica\.example/)
        expect(
          (await admin.put('/api/lrs/settings', { activityBase: `${base}/` })).body.activityBase,
        ).toBe(base)
        attemptId = await storeAttempt(server().db, {
          assignmentId,
          userId,
          learner: { id: 'L-77', name: 'Lee' },
          end: true,
        })
      })
      it('A scored attempt becomes in the LRS exactly the statements the exporter writes, each valid xAPI', async () => {
        const statements = await expected()
        expect(statements.length).toBeGreaterThan(4)
        for (const s of statements) {
          const copy = await lrsCopy(s.id)
          expect(copy).toEqual(s)
          expect(validateXapi(copy)).toEqual([])
          expect(() => validateStatement(copy)).not.toThrow()
        }
        const byRegistration = await lrs.get(
          `/xapi/statements?registration=${attemptId}&ascending=true`,
        )
        expect(byRegistration.body.statements.map((s: { id: string }) => s.id).sort()).toEqual(
          statements.map((s) => s.id).sort(),
        )
      })
      it('When a revision changes the verdict, the old verdict statements are voided and the new ones stored', async () => {
        const pending = await expected()
        expect(pending.some((s) => /passed|failed/.test(s.verb.id))).toBe(false)
        expect((await scored(2)).revision).toBe(2)
        const passed = await expected()
        expect(passed.some((s) => s.verb.id.endsWith('/passed'))).toBe(true)
        expect((await scored(0)).revision).toBe(3)
        const failed = await expected()
        expect(failed.some((s) => s.verb.id.endsWith('/failed'))).toBe(true)
        for (const s of failed) expect(await lrsCopy(s.id)).toEqual(s)
        const current = new Set(failed.map((s) => s.id))
        const replaced = [...pending, ...passed].filter((s) => !current.has(s.id))
        expect(replaced.map((s) => s.verb.id.split('/').pop())).toEqual(
          expect.arrayContaining(['passed', 'completed', 'terminated']),
        )
        for (const s of replaced) {
          expect((await lrs.get(`/xapi/statements?statementId=${s.id}`)).status).toBe(404)
          expect(await lrsCopy(s.id, true)).toEqual(s)
        }
        // the step statements did not change: stored once, never voided
        const steps = failed.filter((s) => s.context.contextActivities !== undefined)
        expect(steps.length).toBeGreaterThan(0)
        for (const s of steps) expect(pending.map((p) => p.id)).toContain(s.id)
        const voiding = await lrs.get(
          `/xapi/statements?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/voided')}&limit=0`,
        )
        const voidedIds = voiding.body.statements.map(
          (s: { object: { id: string } }) => s.object.id,
        )
        for (const s of replaced) expect(voidedIds).toContain(s.id)
        // by registration: the current statements, and the voiding ones (they target statements of it)
        const voidingIds = voiding.body.statements
          .filter((s: { object: { id: string } }) => replaced.some((r) => r.id === s.object.id))
          .map((s: { id: string }) => s.id)
        expect(voidingIds).toHaveLength(replaced.length)
        const now = await lrs.get(`/xapi/statements?registration=${attemptId}`)
        expect(now.body.statements.map((s: { id: string }) => s.id).sort()).toEqual(
          [...current, ...voidingIds].sort(),
        )
      })
      it('An attempt deleted (retention, a learner deleted) takes its statements out of the LRS', async () => {
        await server().db.deleteFrom('attempts').where('id', '=', attemptId).execute()
        const left = await lrs.get(`/xapi/statements?registration=${attemptId}`)
        expect(left.body.statements).toEqual([])
        const rows = await server()
          .db.selectFrom('lrs_statements')
          .select('id')
          .where('attempt_id', '=', attemptId)
          .execute()
        expect(rows).toEqual([])
      })
    })
  },
  { lrsStatementsBytes: MAX_STATEMENTS_BYTES },
)
