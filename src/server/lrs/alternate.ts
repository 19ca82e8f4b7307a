// The alternate request syntax (xAPI 1.0.3 Part Three §1.3): a browser that cannot send a
// cross-origin PUT, GET with headers, etc. POSTs to `…?method=PUT` a form
// (application/x-www-form-urlencoded) whose fields are the request's headers (Authorization,
// X-Experience-API-Version, Content-Type, If-Match, If-None-Match), its body (`content`) and its
// query parameters (every other field). The request it stands for is answered as if it was sent.
import type { Context } from 'hono'
import type { Deps } from '../http/context.ts'
import { readBytes } from '../http/body.ts'
import { ApiError } from '../http/errors.ts'
import type { LrsApp, LrsEnv } from './app.ts'

const METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE']
const HEADERS = [
  'authorization',
  'x-experience-api-version',
  'content-type',
  'content-length',
  'if-match',
  'if-none-match',
  'accept-language',
]

/** What the inner request carries to the LRS app's own dispatch. */
export interface AlternateBindings {
  readonly lrsDeps?: Deps
}

/** The request a `?method=` POST stands for, answered by `app` (the LRS sub-app, unmounted). */
export async function alternateRequest(
  c: Context<LrsEnv>,
  app: LrsApp,
  mountedAt: string,
): Promise<Response> {
  const bad = (message: string) => new ApiError(400, 'bad-alternate-request', message)
  const url = new URL(c.req.url)
  const method = (url.searchParams.get('method') ?? '').toUpperCase()
  if (!METHODS.includes(method))
    throw bad(`"method" is one of ${METHODS.join(', ')}; "${method.slice(0, 20)}" is not.`)
  if ([...url.searchParams.keys()].some((k) => k !== 'method'))
    throw bad('A request with "method" takes no other query parameter: send them as form fields.')
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
    throw bad('A request with "method" is a form: Content-Type application/x-www-form-urlencoded.')
  // the form's content is percent-encoded (up to three bytes a byte); the inner request is held
  // to the statements' or documents' own limit
  const formLimit = 3 * c.get('deps').config.lrsStatementsBytes
  const form = new URLSearchParams(new TextDecoder().decode(await readBytes(c, formLimit)))
  const headers = new Headers()
  const query = new URLSearchParams()
  let content: string | undefined
  for (const [name, value] of form) {
    const lower = name.toLowerCase()
    if (lower === 'content') content = value
    else if (HEADERS.includes(lower)) headers.set(lower, value)
    else query.append(name, value)
  }
  // headers sent as headers count too, when the form does not name them
  for (const name of HEADERS)
    if (!headers.has(name) && name !== 'content-type' && name !== 'content-length') {
      const v = c.req.header(name)
      if (v !== undefined) headers.set(name, v)
    }
  if (content !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json')
  headers.delete('content-length')
  const path = url.pathname.slice(mountedAt.length) || '/'
  const inner = new Request(`${url.origin}${path}${query.size > 0 ? `?${query}` : ''}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? null : (content ?? ''),
  })
  const bindings: AlternateBindings = { lrsDeps: c.get('deps') }
  return app.fetch(inner, bindings)
}
