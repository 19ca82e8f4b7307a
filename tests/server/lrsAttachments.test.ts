// The LRS's statement attachments (multipart/mixed) and signed statements (JWS), against a running
// server on both databases; tests named after xAPI 1.0.3's requirements (Part Three §1.5.2, Part
// Two §2.4.11 and §2.6).
import { createHash, createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto'
import { parseMultipart } from '@remix-run/multipart-parser'
import { CompactSign } from 'jose'
import { generate } from 'selfsigned'
import { beforeAll, describe, expect, it } from 'vitest'
import { forEachDatabase } from './harness.ts'
import { makeLrsClient, type LrsTestClient } from './lrsClient.ts'

const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature'
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

const statement = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  actor: { mbox: 'mailto:ada@school.test' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
  object: { id: 'http://practica.test/activities/with-attachment' },
  ...over,
})

const attachment = (data: string, over: Record<string, unknown> = {}) => ({
  usageType: 'http://practica.test/attachments/photo',
  display: { 'en-US': 'A photo' },
  contentType: 'text/plain',
  length: Buffer.byteLength(data),
  sha2: sha256(data),
  ...over,
})

interface Part {
  readonly data: string | Uint8Array
  readonly headers: Record<string, string>
}

/** A multipart/mixed body: the statements, then each part (headers as given). */
function multipart(json: unknown, parts: readonly Part[]): { body: Buffer; type: string } {
  const boundary = `b-${randomUUID()}`
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`,
    ),
  ]
  for (const p of parts) {
    const headers = Object.entries(p.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')
    chunks.push(
      Buffer.from(`--${boundary}\r\n${headers}\r\n`),
      Buffer.from(p.data),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), type: `multipart/mixed; boundary=${boundary}` }
}

const part = (data: string | Uint8Array, over: Record<string, string> = {}): Part => ({
  data,
  headers: {
    'Content-Type': 'text/plain',
    'Content-Transfer-Encoding': 'binary',
    'X-Experience-API-Hash': sha256(data),
    ...over,
  },
})

const post = (lrs: LrsTestClient, json: unknown, parts: readonly Part[]) => {
  const { body, type } = multipart(json, parts)
  return lrs.post('/xapi/statements', new Uint8Array(body), { 'content-type': type })
}

/** The parts of a multipart answer. */
function partsOf(answer: { headers: Headers; raw: Uint8Array }) {
  const type = answer.headers.get('content-type') ?? ''
  const boundary = /boundary=([^;]+)/.exec(type)?.[1] ?? ''
  return [...parseMultipart(answer.raw, { boundary })]
}

async function getRaw(lrs: LrsTestClient, path: string) {
  const response = await fetch(lrs.base + path, {
    headers: {
      'X-Experience-API-Version': '1.0.3',
      authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`,
    },
  })
  return {
    status: response.status,
    headers: response.headers,
    raw: new Uint8Array(await response.arrayBuffer()),
  }
}

forEachDatabase('xAPI LRS attachments and signed statements', (server) => {
  let lrs: LrsTestClient
  beforeAll(async () => {
    lrs = await makeLrsClient(server())
  })

  describe('attachments', () => {
    it('An LRS accepts a Statement with an Attachment sent as multipart/mixed, and returns it with attachments=true as multipart/mixed', async () => {
      const data = `photo bytes ${randomUUID()}`
      const s = statement({ attachments: [attachment(data)] })
      const posted = await post(lrs, s, [part(data)])
      expect(posted.status, posted.text).toBe(200)
      const plain = await lrs.get(`/xapi/statements?statementId=${s.id}`)
      expect(plain.headers.get('content-type')).toMatch(/^application\/json/)
      const answer = await getRaw(lrs, `/xapi/statements?statementId=${s.id}&attachments=true`)
      expect(answer.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=/)
      const [first, second, ...rest] = partsOf(answer)
      expect(JSON.parse(first!.text).id).toBe(s.id)
      expect(second!.text).toBe(data)
      expect(second!.headers['x-experience-api-hash']).toBe(sha256(data))
      expect(second!.headers['content-transfer-encoding']).toBe('binary')
      expect(rest).toEqual([])
      // a query too: the StatementResult first, then the attachments of its statements
      const query = await getRaw(
        lrs,
        `/xapi/statements?activity=${encodeURIComponent(s.object.id)}&attachments=true&limit=1`,
      )
      const [result, data2] = partsOf(query)
      expect(JSON.parse(result!.text).statements[0].id).toBe(s.id)
      expect(data2!.text).toBe(data)
    })
    it('multipart/mixed: an LRS SHOULD* accept batches of Statements which contain no Attachment Objects, or only Attachment Objects with a populated fileUrl (1.5.2.s3.b8, b9); application/json batches of such Statements too (1.5.1.s1.b1, b2)', async () => {
      const withUrl = () =>
        statement({
          attachments: [attachment('remote', { fileUrl: 'https://files.school.test/r.txt' })],
        })
      const batch = [statement(), withUrl(), withUrl()]
      const answer = await post(lrs, batch, [])
      expect(answer.status, answer.text).toBe(200)
      expect(answer.body).toEqual(batch.map((s) => s.id))
      const json = await lrs.post('/xapi/statements', [statement(), withUrl()])
      expect(json.status, json.text).toBe(200)
    })
    it('multipart/mixed: "an LRS SHOULD assume a Content-Transfer-Encoding of binary for Attachment parts": a part without the header is taken as binary (1.5.2.s3.b6)', async () => {
      const data = `no encoding header ${randomUUID()}`
      const s = statement({ attachments: [attachment(data)] })
      const bare = part(data)
      delete (bare.headers as Record<string, string>)['Content-Transfer-Encoding']
      const posted = await post(lrs, s, [bare])
      expect(posted.status, posted.text).toBe(200)
      const answer = await getRaw(lrs, `/xapi/statements?statementId=${s.id}&attachments=true`)
      expect(partsOf(answer)[1]!.text).toBe(data)
    })
    it('An LRS accepts an Attachment with a fileUrl and no data in the request', async () => {
      const s = statement({
        attachments: [attachment('elsewhere', { fileUrl: 'https://files.school.test/photo.jpg' })],
      })
      expect((await lrs.post('/xapi/statements', s)).status).toBe(200)
    })
    it.each([
      [
        'a Statement whose Attachment has no fileUrl and whose data is not in the request',
        (data: string) =>
          lrs.post('/xapi/statements', statement({ attachments: [attachment(data)] })),
      ],
      [
        'a part whose X-Experience-API-Hash is not the SHA-2 of its content',
        (data: string) =>
          post(lrs, statement({ attachments: [attachment(data)] }), [
            part(data, { 'X-Experience-API-Hash': sha256('other') }),
          ]),
      ],
      [
        'a part without an X-Experience-API-Hash header',
        (data: string) =>
          post(lrs, statement({ attachments: [attachment(data)] }), [
            {
              data,
              headers: { 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'binary' },
            },
          ]),
      ],
      [
        'a part sent in another Content-Transfer-Encoding than binary (base64)',
        (data: string) =>
          post(lrs, statement({ attachments: [attachment(data)] }), [
            part(data, { 'Content-Transfer-Encoding': 'base64' }),
          ]),
      ],
      [
        'a part that no Attachment of the Statements names',
        (data: string) => post(lrs, statement(), [part(data)]),
      ],
      [
        'a multipart/mixed request whose first part is not application/json',
        (data: string) => {
          const { body, type } = multipart(statement(), [part(data)])
          const text = body
            .toString('latin1')
            .replace('Content-Type: application/json', 'Content-Type: text/plain')
          return lrs.post('/xapi/statements', new Uint8Array(Buffer.from(text, 'latin1')), {
            'content-type': type,
          })
        },
      ],
    ])('An LRS rejects with 400 Bad Request %s', async (_rule, send) => {
      const answer = await send(`data ${randomUUID()}`)
      expect(answer.status, answer.text).toBe(400)
      expect(answer.body.error.message.length).toBeGreaterThan(20)
    })
  })

  describe('signed statements', () => {
    const signer = generate([{ name: 'commonName', value: 'Practica test signer' }], {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
    })
    const x5c = signer.then((s) => s.cert.replace(/-----[^-]+-----|\s/g, ''))
    const key = signer.then((s) => createPrivateKey(s.private))

    async function jws(
      payload: unknown,
      options: { alg?: string; other?: boolean; x5c?: string[] | false } = {},
    ) {
      const signingKey = options.other
        ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
        : await key
      const chain = options.x5c === undefined ? [await x5c] : options.x5c
      return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: options.alg ?? 'RS256', ...(chain ? { x5c: chain } : {}) })
        .sign(signingKey)
    }
    const signed = async (s: Record<string, unknown>, signature: string) => {
      const sig = attachment(signature, {
        usageType: SIGNATURE,
        contentType: 'application/octet-stream',
        display: { 'en-US': 'Signature' },
      })
      return post(lrs, { ...s, attachments: [sig] }, [
        part(signature, { 'Content-Type': 'application/octet-stream' }),
      ])
    }

    it('An LRS accepts a signed Statement: a JWS (RS256) whose payload is the Statement, verified with the certificate in its x5c header', async () => {
      const s = statement()
      const answer = await signed(s, await jws(s))
      expect(answer.status, answer.text).toBe(200)
      expect(
        (await lrs.get(`/xapi/statements?statementId=${s.id}`)).body.attachments[0].usageType,
      ).toBe(SIGNATURE)
    })
    it('An LRS rejects with 400 a signed Statement whose JWS payload is not the Statement', async () => {
      const s = statement()
      const answer = await signed(
        s,
        await jws({ ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } }),
      )
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe('signature-mismatch')
      expect((await lrs.get(`/xapi/statements?statementId=${s.id}`)).status).toBe(404)
    })
    it('An LRS rejects with 400 a signed Statement whose JWS is malformed, uses an algorithm other than RS256, RS384 or RS512, or does not verify', async () => {
      for (const make of [
        () => 'not.a-jws',
        () => 'eyJhbGciOiJSUzI1NiJ9.e30',
        (s: unknown) => jws(s, { alg: 'PS256' }),
        (s: unknown) => jws(s, { other: true }),
      ]) {
        const s = statement()
        const signature = await make(s)
        const answer = await signed(s, signature)
        expect(answer.status, signature.slice(0, 30)).toBe(400)
        expect(answer.body.error.message).toMatch(/signature/)
      }
    })
    it('"Validate that the original Statement is logically equivalent to the received Statement": a JWS payload that differs only as the Statement comparison rules allow (order of properties, case of the id, the same instant in another zone, Verb display, Activity definition, order of a Group\'s members) is the Statement; any other difference, a duration written otherwise included, is 400 (2.6.s5.b3.b2; 2.3.1.s9)', async () => {
      const s: Record<string, unknown> = statement({
        actor: {
          objectType: 'Group',
          member: [{ mbox: 'mailto:a@school.test' }, { mbox: 'mailto:b@school.test' }],
        },
        timestamp: '2026-12-04T08:00:00.000Z',
        result: { duration: 'PT1M' },
      })
      const equivalent = {
        result: s['result'],
        timestamp: '2026-12-04T09:00:00+01:00',
        object: { ...(s['object'] as object), definition: { name: { en: 'With attachment' } } },
        verb: { ...(s['verb'] as object), display: { en: 'attempted' } },
        actor: {
          objectType: 'Group',
          member: [{ mbox: 'mailto:b@SCHOOL.test' }, { mbox: 'mailto:a@school.test' }],
        },
        id: (s['id'] as string).toUpperCase(),
      }
      const accepted = await signed(s, await jws(equivalent))
      expect(accepted.status, accepted.text).toBe(200)
      for (const change of [
        { result: { duration: 'PT60S' } },
        { timestamp: '2026-12-04T08:00:01Z' },
        { actor: { mbox: 'mailto:A@school.test' } },
        { object: { id: 'http://practica.test/activities/WITH-ATTACHMENT' } },
      ]) {
        const t = { ...s, id: randomUUID() }
        const refused = await signed(t, await jws({ ...t, ...change }))
        expect(refused.status, JSON.stringify(change)).toBe(400)
        expect(refused.body.error.code).toBe('signature-mismatch')
      }
    })
    it('"A Signed Statement MUST include a JSON web signature (JWS) … as an Attachment with a usageType of http://adlnet.gov/expapi/attachments/signature and a contentType of application/octet-stream": another contentType is 400 (2.6.s4.b1)', async () => {
      const s = statement()
      const signature = await jws(s)
      const sig = attachment(signature, {
        usageType: SIGNATURE,
        contentType: 'text/plain',
        display: { 'en-US': 'Signature' },
      })
      const answer = await post(lrs, { ...s, attachments: [sig] }, [part(signature)])
      expect(answer.status).toBe(400)
      expect(answer.body.error.message).toMatch(/application\/octet-stream/)
    })
    it('RS384 and RS512 are accepted; a JWS whose x5c is not a certificate, or whose signature was altered, is 400 (2.6.s4.b4; 2.6.s5.b1, b3.b3)', async () => {
      for (const alg of ['RS384', 'RS512']) {
        const s = statement()
        const answer = await signed(s, await jws(s, { alg }))
        expect(answer.status, `${alg}: ${answer.text}`).toBe(200)
      }
      const s = statement()
      const notCertificate = await signed(s, await jws(s, { x5c: ['bm90IGEgY2VydGlmaWNhdGU'] }))
      expect(notCertificate.status).toBe(400)
      expect(notCertificate.body.error.code).toBe('signature-invalid')
      const good = await jws(s)
      const last = good.at(-2) === 'A' ? 'B' : 'A'
      const altered = await signed(s, `${good.slice(0, -2)}${last}${good.at(-1)}`)
      expect(altered.status).toBe(400)
      expect(altered.body.error.code).toBe('signature-invalid')
      expect((await lrs.get(`/xapi/statements?statementId=${s['id']}`)).status).toBe(404)
    })
    it('Without an x5c header there is no key to verify the signature with: the JWS is still decoded, its algorithm checked and its payload compared with the Statement (2.6.s4.b6 "SHOULD"; 2.6.s5.b3.b1, b2, b4)', async () => {
      const s = statement()
      const accepted = await signed(s, await jws(s, { x5c: false }))
      expect(accepted.status, accepted.text).toBe(200)
      const t = statement()
      const refused = await signed(
        t,
        await jws({ ...t, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } }, { x5c: false }),
      )
      expect(refused.status).toBe(400)
      expect(refused.body.error.code).toBe('signature-mismatch')
      const u = statement()
      expect((await signed(u, await jws(u, { x5c: false, alg: 'PS256' }))).status).toBe(400)
    })
  })
})
