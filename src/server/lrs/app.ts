// The xAPI 1.0.3 Learning Record Store: the sub-app the server mounts at /xapi (http/app.ts).
// Every answer carries `X-Experience-API-Version: 1.0.3`; CORS preflights are answered (AUs and
// LRS clients call from other origins); these routes are outside /api, so the session's Origin
// check does not apply: a request is authenticated by the HTTP Basic credentials of an LRS client
// (auth.ts), except About and preflights. A request must name xAPI version 1.0.x.
//
// HOW ANOTHER MODULE ADDS ITS ROUTES: export a function `(app: LrsApp) => void` that adds them
// with paths relative to /xapi (e.g. `app.get('/activities/state', handler)`), and append it to
// RESOURCES below (one import, one entry). Handlers find the client with `lrsClientOf(c)` (auth.ts),
// the database etc. with `c.get('deps')`; throw ApiError (http/errors.ts) for refusals.
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv } from '../http/context.ts'
import { ApiError } from '../http/errors.ts'
import { aboutRoutes, XAPI_VERSION } from './about.ts'
import { alternateRequest, type AlternateBindings } from './alternate.ts'
import { lrsAuth, type LrsClient } from './auth.ts'
import { statementRoutes } from './statementsRoutes.ts'
import { documentAgentActivityRoutes } from './documents.ts'

export interface LrsEnv {
  Variables: AppEnv['Variables'] & {
    /** the client the request authenticated as (set by lrsAuth) */
    lrsClient: LrsClient | undefined
  }
}

export type LrsApp = Hono<LrsEnv>

/** The resources that need no credentials (added before the credentials check). */
const PUBLIC_RESOURCES: readonly ((app: LrsApp) => void)[] = [aboutRoutes]

/** The resources behind the credentials and version checks. */
const RESOURCES: readonly ((app: LrsApp) => void)[] = [statementRoutes, documentAgentActivityRoutes]

/** The headers a browser may send to the LRS, and those it may read from its answers. */
const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Experience-API-Version',
  'If-Match',
  'If-None-Match',
  'Accept-Language',
]
const EXPOSE_HEADERS = [
  'ETag',
  'Last-Modified',
  'Content-Type',
  'Content-Length',
  'X-Experience-API-Version',
  'X-Experience-API-Consistent-Through',
]

/** The versions of a request's `X-Experience-API-Version` this LRS takes: 1.0 and 1.0.x. */
const ACCEPTED_VERSION = /^1\.0(\.\d+)?$/

export function createLrsApp(): LrsApp {
  const app = new Hono<LrsEnv>()
  // refusals go to the server app's error handler (http/app.ts), from an alternate request too
  app.onError((e) => {
    throw e
  })
  app.use(async (c, next) => {
    // an alternate request's inner dispatch (alternate.ts) brings the server's deps along
    const deps = (c.env as AlternateBindings | undefined)?.lrsDeps
    if (deps) c.set('deps', deps)
    await next()
  })
  app.use(async (c, next) => {
    await next()
    c.header('X-Experience-API-Version', XAPI_VERSION)
    c.header('Cache-Control', 'no-store')
    if (c.res.status === 401) c.header('WWW-Authenticate', 'Basic realm="Practica LRS"')
  })
  app.use(
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ALLOW_HEADERS,
      exposeHeaders: EXPOSE_HEADERS,
      maxAge: 86_400,
    }),
  )
  // the alternate request syntax: POST …?method=PUT with a form (Part Three §1.3)
  app.use(async (c, next) => {
    if (c.req.method !== 'POST' || c.req.query('method') === undefined) return next()
    return alternateRequest(c, app, '/xapi')
  })
  for (const add of PUBLIC_RESOURCES) add(app)
  app.use(lrsAuth)
  app.use(async (c, next) => {
    const version = c.req.header('x-experience-api-version')
    if (version === undefined)
      throw new ApiError(
        400,
        'xapi-version-missing',
        'Send the header X-Experience-API-Version (this LRS speaks xAPI 1.0.3).',
      )
    if (!ACCEPTED_VERSION.test(version.trim()))
      throw new ApiError(
        400,
        'xapi-version-unsupported',
        `This LRS speaks xAPI 1.0.3 (it takes 1.0.x); the request's X-Experience-API-Version is "${version.slice(0, 40)}".`,
      )
    await next()
  })
  for (const add of RESOURCES) add(app)
  app.all('*', (c) => {
    throw new ApiError(404, 'no-such-resource', `This LRS has no resource at ${c.req.path}.`)
  })
  return app
}
