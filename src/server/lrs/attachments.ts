// Statement attachments (xAPI 1.0.3 Part Three §1.5.2, Part Two §2.4.11) and signed statements
// (Part Two §2.6). A request carrying attachment data is `multipart/mixed`: the statements as the
// first part (application/json), then one part per attachment, named by its SHA-2 in the header
// X-Experience-API-Hash and sent with Content-Transfer-Encoding: binary. Every attachment without a
// fileUrl must have its part, and every part must belong to an attachment. A signature attachment
// holds a JWS (compact serialization, RS256/384/512) whose payload must be logically the statement;
// when its header carries the signer's certificate (x5c), the signature must verify with it.
import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import type { LrsEnv } from './app.ts'
import { compactVerify, decodeProtectedHeader, importX509, type CompactVerifyResult } from 'jose'
import type { Kysely } from 'kysely'
import {
  getMultipartBoundary,
  MultipartParseError,
  parseMultipart,
} from '@remix-run/multipart-parser'
import type { Database } from '../db/schema.ts'
import { readBytes } from '../http/body.ts'
import { ApiError } from '../http/errors.ts'
import { sameStatement } from './compare.ts'
import { SIGNATURE_USAGE } from './validate.ts'

type Json = Record<string, unknown>

/** One attachment's data as received. */
export interface AttachmentPart {
  readonly sha2: string
  readonly contentType: string
  readonly bytes: Uint8Array
}

const bad = (code: string, message: string) => new ApiError(400, code, message)

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw bad('bad-json', 'The statements are not valid JSON (UTF-8).')
  }
}

/** The hexadecimal SHA-2 of `bytes` with as many bits as `like` (a SHA-2 in hex) names. */
function sha2Like(like: string, bytes: Uint8Array): string {
  const algorithm = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' }[like.length]
  return algorithm ? createHash(algorithm).update(bytes).digest('hex') : ''
}

/**
 * The body of a statements POST or PUT: the JSON (a statement or an array) and the attachment
 * parts, from `application/json` or `multipart/mixed`. Refuses with 400 a malformed body, with
 * 413 one over the server's limit (PRACTICA_LRS_STATEMENTS_MB).
 */
export async function readStatementsBody(
  c: Context<LrsEnv>,
): Promise<{ json: unknown; parts: AttachmentPart[] }> {
  const type = c.req.header('content-type') ?? ''
  const limit = c.get('deps').config.lrsStatementsBytes
  const bytes = await readBytes(c, limit)
  if (!/^multipart\/mixed\b/i.test(type)) {
    if (type !== '' && !/^application\/json\b/i.test(type))
      throw bad(
        'bad-content-type',
        `Statements are sent as application/json, or as multipart/mixed with attachments; this request is "${type.slice(0, 60)}".`,
      )
    return { json: parseJson(bytes), parts: [] }
  }
  const boundary = getMultipartBoundary(type)
  if (!boundary) throw bad('bad-multipart', 'The multipart/mixed Content-Type names no boundary.')
  const parts: AttachmentPart[] = []
  let json: unknown
  let index = 0
  try {
    for (const part of parseMultipart(bytes, {
      boundary,
      maxFileSize: limit,
      maxTotalSize: limit,
    })) {
      const contentType = part.headers['content-type'] ?? ''
      if (index++ === 0) {
        if (!/^application\/json\b/i.test(contentType))
          throw bad(
            'bad-multipart',
            'The first part of a multipart/mixed statements request must be the statements, as application/json.',
          )
        json = parseJson(part.bytes)
        continue
      }
      const hash = (part.headers['x-experience-api-hash'] ?? '').trim().toLowerCase()
      if (!hash)
        throw bad(
          'attachment-hash-missing',
          `Part ${index} of the request has no X-Experience-API-Hash header (the SHA-2 of its content).`,
        )
      // binary is assumed where the header is missing (Part Three 1.5.2.s3.b6); another encoding
      // is refused, not decoded
      const encoding = (part.headers['content-transfer-encoding'] ?? 'binary').trim().toLowerCase()
      if (encoding !== 'binary')
        throw bad(
          'attachment-encoding',
          `Part ${index} of the request is sent as "${encoding.slice(0, 20)}": send it with Content-Transfer-Encoding: binary.`,
        )
      if (sha2Like(hash, part.bytes) !== hash)
        throw bad(
          'attachment-hash-mismatch',
          `Part ${index}'s content does not have the SHA-2 its X-Experience-API-Hash names (${hash.slice(0, 16)}…).`,
        )
      parts.push({ sha2: hash, contentType, bytes: part.bytes })
    }
  } catch (e) {
    if (e instanceof MultipartParseError)
      throw bad('bad-multipart', `The multipart/mixed body cannot be read: ${e.message}.`)
    throw e
  }
  if (json === undefined) throw bad('bad-multipart', 'The multipart/mixed body has no parts.')
  return { json, parts }
}

const attachmentsOf = (s: Json): Json[] =>
  Array.isArray(s['attachments']) ? (s['attachments'] as Json[]) : []

/**
 * Checks the attachments of validated `statements` against the `parts` received: each attachment
 * without a fileUrl has its part, each part belongs to an attachment, signatures are valid.
 * Returns the parts to store.
 */
export async function checkAttachments(
  statements: readonly Json[],
  parts: readonly AttachmentPart[],
): Promise<AttachmentPart[]> {
  const byHash = new Map(parts.map((p) => [p.sha2, p]))
  const used = new Set<string>()
  for (const [i, s] of statements.entries()) {
    for (const a of attachmentsOf(s)) {
      const sha2 = String(a['sha2']).toLowerCase()
      const part = byHash.get(sha2)
      if (part) used.add(sha2)
      else if (a['fileUrl'] === undefined)
        throw bad(
          'attachment-missing',
          `Statement ${i + 1}'s attachment ${sha2.slice(0, 16)}… has no fileUrl and its data is not in the request: send it as a part of a multipart/mixed request.`,
        )
      if (a['usageType'] === SIGNATURE_USAGE) {
        if (a['contentType'] !== 'application/octet-stream')
          throw bad(
            'bad-signature',
            'A signature attachment has the contentType application/octet-stream.',
          )
        if (!part)
          throw bad('bad-signature', 'A signature attachment must be sent with the statement.')
        await checkSignature(s, part.bytes)
      }
    }
  }
  for (const p of parts)
    if (!used.has(p.sha2))
      throw bad(
        'attachment-unused',
        `The request has a part (${p.sha2.slice(0, 16)}…) that no statement's attachment names.`,
      )
  return [...byHash.values()].filter((p) => used.has(p.sha2))
}

const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512']

/**
 * Checks a signed statement (Part Two §2.6.s5.b3): the JWS is decoded (compact serialization, a
 * readable protected header, RS256/384/512), its payload is a JSON object that is logically this
 * statement (compare.ts; the signature attachment itself left out of both), and, when the header
 * carries the signer's certificate chain (x5c), the signature verifies with the first
 * certificate's key (jose), else 400 signature-invalid. Without x5c the LRS holds no key to
 * verify with (xAPI names no other way to find one, and x5c is only a SHOULD, §2.6.s4.b6): such
 * a statement is accepted once the checks above pass, and whoever trusts it must verify the
 * signature with the signer's key themselves. The certificate is not checked against any trust
 * anchor: the LRS proves the signature matches the certificate sent, not who the signer is.
 */
async function checkSignature(statement: Json, jwsBytes: Uint8Array): Promise<void> {
  const jws = new TextDecoder().decode(jwsBytes).trim()
  const malformed = (why: string) =>
    bad('bad-signature', `The statement's signature is not a valid JWS: ${why}.`)
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(jws))
    throw malformed('it must be a JWS in compact serialization (three base64url parts)')
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(jws)
  } catch {
    throw malformed('its header cannot be read')
  }
  if (!SIGNING_ALGORITHMS.includes(String(header.alg)))
    throw malformed(`its algorithm must be RS256, RS384 or RS512, not ${String(header.alg)}`)
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8'))
  } catch {
    throw malformed('its payload is not JSON')
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw malformed('its payload is not a statement')
  const original: Json = { ...statement }
  const rest = attachmentsOf(statement).filter((a) => a['usageType'] !== SIGNATURE_USAGE)
  if (rest.length > 0) original['attachments'] = rest
  else delete original['attachments']
  const signed: Json = { ...(payload as Json) }
  const signedRest = attachmentsOf(signed).filter((a) => a['usageType'] !== SIGNATURE_USAGE)
  if (signedRest.length > 0) signed['attachments'] = signedRest
  else delete signed['attachments']
  if (!sameStatement(signed, original))
    throw bad(
      'signature-mismatch',
      "The statement's signature was made for another statement: its JWS payload differs from the statement sent.",
    )
  const certificate = header.x5c?.[0]
  if (certificate) {
    let result: CompactVerifyResult | undefined
    try {
      const pem = `-----BEGIN CERTIFICATE-----\n${certificate}\n-----END CERTIFICATE-----`
      result = await compactVerify(jws, await importX509(pem, String(header.alg)))
    } catch {
      result = undefined
    }
    if (!result)
      throw bad(
        'signature-invalid',
        "The statement's signature does not verify with the certificate in its header (x5c).",
      )
  }
}

/** Stores attachment data (kept once per SHA-2). */
export async function storeAttachments(
  db: Kysely<Database>,
  parts: readonly AttachmentPart[],
): Promise<void> {
  if (parts.length === 0) return
  await db
    .insertInto('lrs_attachments')
    .values(parts.map((p) => ({ sha2: p.sha2, content_type: p.contentType, bytes: p.bytes })))
    .onConflict((oc) => oc.column('sha2').doNothing())
    .execute()
}

/**
 * A multipart/mixed answer: `json` as the first part, then the data of every attachment the
 * statements name that this LRS holds.
 */
export async function multipartAnswer(
  db: Kysely<Database>,
  json: unknown,
  statements: readonly Json[],
): Promise<{ body: Uint8Array; contentType: string }> {
  const hashes = [
    ...new Set(
      statements.flatMap((s) => attachmentsOf(s).map((a) => String(a['sha2']).toLowerCase())),
    ),
  ]
  const rows =
    hashes.length > 0
      ? await db.selectFrom('lrs_attachments').selectAll().where('sha2', 'in', hashes).execute()
      : []
  const boundary = `xapi-${randomBytes(12).toString('hex')}`
  const encoder = new TextEncoder()
  const chunks: Uint8Array[] = [
    encoder.encode(
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`,
    ),
  ]
  for (const r of rows) {
    chunks.push(
      encoder.encode(
        `--${boundary}\r\nContent-Type: ${r.content_type}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${r.sha2}\r\n\r\n`,
      ),
      r.bytes,
      encoder.encode('\r\n'),
    )
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/mixed; boundary=${boundary}` }
}
