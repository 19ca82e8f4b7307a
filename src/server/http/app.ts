// The server's HTTP app: the API (every route of the table behind the guard) and the built
// learner app, with the same Content Security Policy as everywhere else.
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { CONTENT_SECURITY_POLICY } from '../../build/contentSecurityPolicy.ts'
import type { AppEnv, Deps } from './context.ts'
import { isDatabaseAway } from '../db/open.ts'
import { ApiError, databaseAway, DATABASE_AWAY_RETRY_S, errorBody } from './errors.ts'
import { guard } from './guard.ts'
import { ROUTES } from './routes.ts'
import { createLrsApp } from '../lrs/app.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Whether a state-changing request comes from the app's own page: its Origin must be this
 * server's origin (as the browser addressed it) or one of PRACTICA_ORIGINS. Browsers always send
 * Origin on such requests, so a missing one is refused too.
 */
function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin')
  if (!origin) return false
  const own = new URL(c.req.url).origin
  const forwarded = c.req.header('x-forwarded-host')
  const proto = c.req.header('x-forwarded-proto')
  return (
    origin === own ||
    (!!forwarded && origin === `${proto ?? 'https'}://${forwarded}`) ||
    c.get('deps').config.origins.includes(origin)
  )
}

export interface AppOptions {
  /** the local CA's certificate, offered at /ca.crt for lab machines to install */
  readonly caCert?: string | undefined
}

export function createApp(deps: Deps, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    c.set('deps', deps)
    const started = performance.now()
    await next()
    const ms = Math.round(performance.now() - started)
    deps.log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request')
  })
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store')
    if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c))
      throw new ApiError(
        403,
        'cross-origin',
        'This request did not come from the Practica app at this address, so it was refused.',
      )
    await next()
  })
  for (const r of ROUTES)
    app.on(r.method, r.path, async (c) => {
      await guard(c, r)
      return r.handler(c)
    })
  // the xAPI LRS: its own credentials, outside /api and its Origin check (lrs/app.ts)
  app.route('/xapi', createLrsApp())
  app.all('/api/*', (c) =>
    c.json(errorBody(new ApiError(404, 'no-such-address', `No API at ${c.req.path}.`)), 404),
  )
  const caCert = options.caCert
  if (caCert)
    app.get('/ca.crt', (c) =>
      c.body(caCert, 200, {
        'Content-Type': 'application/x-x509-ca-cert',
        'Content-Disposition': 'attachment; filename="practica-ca.crt"',
      }),
    )
  if (deps.config.appDir) {
    app.use('*', async (c, next) => {
      await next()
      c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      // the service worker and the page must never be stale; hashed assets may be cached
      if (c.req.path === '/' || c.req.path.endsWith('.html') || c.req.path.endsWith('sw.js'))
        c.header('Cache-Control', 'no-cache')
    })
    app.use('*', serveStatic({ root: deps.config.appDir }))
  }
  app.onError((e, c) => {
    if (e instanceof ApiError) return c.json(errorBody(e), e.status)
    if (isDatabaseAway(e)) {
      // PostgreSQL stopped or unreachable: the pool makes new connections once it is back
      deps.log.warn({ err: e, method: c.req.method, path: c.req.path }, 'database unreachable')
      c.header('Retry-After', String(DATABASE_AWAY_RETRY_S))
      return c.json(errorBody(databaseAway()), 503)
    }
    deps.log.error({ err: e, method: c.req.method, path: c.req.path }, 'request failed')
    return c.json(
      errorBody(
        new ApiError(500, 'server-error', 'Something went wrong on the server; see its log.'),
      ),
      500,
    )
  })
  return app
}
