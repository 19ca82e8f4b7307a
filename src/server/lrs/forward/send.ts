// Sending statements to the receiving LRS, and what its answer means for them. A batch goes as
// one POST to …/statements with the statements' ids (multipart/mixed when a statement carries
// attachment data). The receiver keeps a statement once per id, so sending one again is safe:
// 200/204 delivers the batch; a 409 ("already exists", or one of the batch did) or a 400/413
// (one statement it will not take) sends the batch again one statement at a time with PUT
// ?statementId=…, where 409 means the receiver has it; a single statement refused with 400/413
// is marked and passed over. 429 and 503 wait as long as Retry-After says; other failures
// (a timeout, no answer, 5xx, refused credentials) wait longer after each failure in a row.
import { randomBytes } from 'node:crypto'

export interface Receiver {
  /** the xAPI base address, ending with / */
  readonly endpoint: string
  readonly username: string
  readonly secret: string
}

export interface Outgoing {
  readonly seq: string
  readonly id: string
  readonly statement: Record<string, unknown>
}

/** Attachment bytes by their SHA-2, for statements whose attachments have no fileUrl. */
export type AttachmentSource = (
  sha2s: readonly string[],
) => Promise<Map<string, { contentType: string; bytes: Uint8Array }>>

/** A send that did not go through: why, and how long the receiver asked us to wait. */
export interface Failure {
  readonly status: number | null
  readonly message: string
  /** from Retry-After (429, 503) */
  readonly retryAfterMs: number | undefined
}

export interface Delivery {
  /** the seqs the receiver now has */
  readonly delivered: string[]
  /** statements the receiver refused as invalid: passed over from now on */
  readonly refused: { readonly seq: string; readonly status: number; readonly message: string }[]
  /** set when sending stopped before the end of the batch: try the rest later */
  readonly failure: Failure | undefined
}

interface Answer {
  readonly status: number | null
  readonly message: string
  readonly retryAfterMs: number | undefined
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** The attachments a statement must carry in the request: those without fileUrl, by SHA-2. */
function attachmentHashes(statement: Record<string, unknown>): string[] {
  const list = statement['attachments']
  if (!Array.isArray(list)) return []
  return list.flatMap((a: Record<string, unknown>) =>
    typeof a['sha2'] === 'string' && a['fileUrl'] === undefined ? [a['sha2']] : [],
  )
}

const encoder = new TextEncoder()

/** The request body: JSON, or multipart/mixed with the attachments' bytes after it. */
async function bodyOf(
  json: unknown,
  statements: readonly Outgoing[],
  attachments: AttachmentSource,
): Promise<{ body: Uint8Array; contentType: string }> {
  const text = JSON.stringify(json)
  const hashes = [...new Set(statements.flatMap((s) => attachmentHashes(s.statement)))]
  if (hashes.length === 0) return { body: encoder.encode(text), contentType: 'application/json' }
  const found = await attachments(hashes)
  const boundary = `practica-${randomBytes(12).toString('hex')}`
  const parts: Uint8Array[] = [
    encoder.encode(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${text}\r\n`),
  ]
  for (const sha2 of hashes) {
    const a = found.get(sha2)
    if (!a) continue
    parts.push(
      encoder.encode(
        `--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`,
      ),
      a.bytes,
      encoder.encode('\r\n'),
    )
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`))
  const body = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) {
    body.set(p, at)
    at += p.byteLength
  }
  return { body, contentType: `multipart/mixed; boundary=${boundary}` }
}

async function request(
  receiver: Receiver,
  method: 'POST' | 'PUT',
  query: string,
  json: unknown,
  statements: readonly Outgoing[],
  attachments: AttachmentSource,
  timeoutMs: number,
  stop: AbortSignal | undefined,
): Promise<Answer> {
  const { body, contentType } = await bodyOf(json, statements, attachments)
  const auth = Buffer.from(`${receiver.username}:${receiver.secret}`).toString('base64')
  try {
    const response = await fetch(`${receiver.endpoint}statements${query}`, {
      method,
      headers: {
        Authorization: `Basic ${auth}`,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': contentType,
      },
      body: body as BodyInit,
      signal: stop
        ? AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text().catch(() => '')
    return {
      status: response.status,
      message: text.slice(0, 300) || response.statusText,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), Date.now()),
    }
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
    return {
      status: null,
      message: timedOut
        ? `No answer within ${timeoutMs / 1000} seconds.`
        : `The receiving LRS could not be reached: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`,
      retryAfterMs: undefined,
    }
  }
}

const ok = (status: number | null) => status !== null && status >= 200 && status < 300
/** the receiver will not take the statement as it is: sending it again changes nothing */
const invalid = (status: number | null) => status === 400 || status === 413

const failureOf = (a: Answer): Failure => ({
  status: a.status,
  message: a.message,
  retryAfterMs: a.status === 429 || a.status === 503 ? a.retryAfterMs : undefined,
})

/** Sends `batch` (in order); see the top of this file for what each answer means. */
export async function deliver(
  receiver: Receiver,
  batch: readonly Outgoing[],
  attachments: AttachmentSource,
  timeoutMs: number,
  /** the server stopping: requests in flight end at once */
  stop?: AbortSignal,
): Promise<Delivery> {
  if (batch.length === 0) return { delivered: [], refused: [], failure: undefined }
  const all = await request(
    receiver,
    'POST',
    '',
    batch.map((s) => s.statement),
    batch,
    attachments,
    timeoutMs,
    stop,
  )
  if (ok(all.status)) return { delivered: batch.map((s) => s.seq), refused: [], failure: undefined }
  if (all.status !== 409 && !invalid(all.status))
    return { delivered: [], refused: [], failure: failureOf(all) }
  // one at a time, in order: what the receiver has, what it refuses, until one fails
  const delivered: string[] = []
  const refused: Delivery['refused'][number][] = []
  for (const s of batch) {
    const one = await request(
      receiver,
      'PUT',
      `?statementId=${encodeURIComponent(s.id)}`,
      s.statement,
      [s],
      attachments,
      timeoutMs,
      stop,
    )
    if (ok(one.status) || one.status === 409) delivered.push(s.seq)
    else if (invalid(one.status))
      refused.push({ seq: s.seq, status: one.status!, message: one.message })
    else return { delivered, refused, failure: failureOf(one) }
  }
  return { delivered, refused, failure: undefined }
}
