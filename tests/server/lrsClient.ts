// A client of the server's xAPI LRS for the tests: HTTP Basic credentials made through the
// admin's API, the version header on every request, raw bodies for multipart.
import type { TestServer } from './harness.ts'

export interface LrsAnswer<T = any> {
  readonly status: number
  readonly body: T
  readonly text: string
  readonly headers: Headers
}

export class LrsTestClient {
  constructor(
    readonly base: string,
    readonly key: string,
    readonly secret: string,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    options: {
      body?: unknown
      headers?: Record<string, string | undefined>
      /** send no Authorization */
      anonymous?: boolean
    } = {},
  ): Promise<LrsAnswer<T>> {
    const raw = typeof options.body === 'string' || options.body instanceof Uint8Array
    const headers: Record<string, string> = {
      'X-Experience-API-Version': '1.0.3',
      ...(options.anonymous
        ? {}
        : {
            authorization: `Basic ${Buffer.from(`${this.key}:${this.secret}`).toString('base64')}`,
          }),
      ...(options.body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
    }
    for (const [k, v] of Object.entries(options.headers ?? {})) {
      const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase())
      if (existing) delete headers[existing]
      if (v !== undefined) headers[k] = v
    }
    const response = await fetch(this.base + path, {
      method,
      headers,
      body:
        options.body === undefined
          ? null
          : raw
            ? (options.body as BodyInit)
            : JSON.stringify(options.body),
    })
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON (multipart): the text
    }
    return { status: response.status, body: body as T, text, headers: response.headers }
  }
  get = <T = any>(path: string, headers?: Record<string, string | undefined>) =>
    this.request<T>('GET', path, { headers: headers ?? {} })
  post = <T = any>(path: string, body: unknown, headers?: Record<string, string | undefined>) =>
    this.request<T>('POST', path, { body, headers: headers ?? {} })
  put = <T = any>(path: string, body: unknown, headers?: Record<string, string | undefined>) =>
    this.request<T>('PUT', path, { body, headers: headers ?? {} })
}

/** An LRS client made by an admin of `server` through the admin API, and a client using it. */
export async function makeLrsClient(
  server: TestServer,
  name = 'Test LMS',
): Promise<LrsTestClient & { id: string }> {
  const { client: admin } = await server.signIn('admin')
  const made = await admin.post('/api/lrs/clients', { name })
  if (made.status !== 201) throw new Error(`could not make an LRS client: ${made.status}`)
  return Object.assign(new LrsTestClient(server.url, made.body.key, made.body.secret), {
    id: made.body.id as string,
  })
}
