// Reading a request's JSON body: a clear 400 for what is not JSON or not the expected shape
// (naming the field in plain words), 413 for what is too large. Nothing is stored before this.
import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './errors.ts'

/** The largest JSON body any route accepts, unless the route says otherwise. */
export const MAX_BODY_BYTES = 1_000_000

export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<T>> {
  const bytes = await readBytes(c, maxBytes)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new ApiError(400, 'bad-json', 'The request body is not valid JSON (UTF-8).')
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : ''
    throw new ApiError(
      400,
      'bad-request',
      `The request is not what this address expects${where}: ${issue?.message ?? 'wrong shape'}.`,
      { field: issue?.path.join('.') ?? '' },
    )
  }
  return parsed.data
}

/** The raw body, refused with 413 past `maxBytes` (counted as it arrives, whatever the headers say). */
export async function readBytes(c: Context, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError(413, 'too-large', `The request is larger than ${maxBytes} bytes.`, { maxBytes })
  const declared = Number(c.req.header('content-length') ?? '0')
  if (declared > maxBytes) throw tooLarge()
  const reader = c.req.raw.body?.getReader()
  if (!reader) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}
