// Starting and stopping the Practica server: the database (migrated), the HTTP app, HTTPS with
// the local CA's certificate (unless PRACTICA_HTTPS=off), and a shutdown that lets requests in
// flight finish their writes before the database closes.
import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import pino, { type Logger } from 'pino'
import type { ServerConfig } from './config.ts'
import { openDatabase, type OpenDatabase } from './db/open.ts'
import { createApp } from './http/app.ts'
import { scheduleRetention } from './people/privacy.ts'
import { startCloseTimer } from './work/close.ts'
import { startLiveListener } from './live/listener.ts'
import { startForwarder, type ForwarderOptions } from './lrs/forward/forwarder.ts'
import { serverSecret } from './badges/secret.ts'
import { lanAddresses, loadTls } from './tls.ts'

export interface RunningServer {
  /** e.g. https://localhost:8443 */
  readonly url: string
  readonly port: number
  readonly protocol: 'http' | 'https'
  readonly database: OpenDatabase
  readonly log: Logger
  /** where the CA certificate lies (HTTPS only) */
  readonly caFile: string | undefined
  /** stops taking requests, waits for those in flight, closes the database */
  close(): Promise<void>
}

export interface StartOptions {
  /** the clock (tests move it); the real one by default */
  readonly now?: () => Date
  readonly log?: Logger
  /** an open database (tests bring one per suite); else opened from the config */
  readonly database?: OpenDatabase
  /** the LRS forwarder's timings (tests shorten them); false: no forwarder in this process */
  readonly forward?: Partial<ForwarderOptions> | false
}

export async function startServer(
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? pino({ level: config.logLevel })
  const database =
    options.database ??
    (await openDatabase({
      url: config.databaseUrl,
      dir: config.dataDir,
      onIdleError: (e) => log.warn({ err: e }, 'PostgreSQL ended an idle connection'),
    }))
  const tls = config.https === 'auto' ? await loadTls(config.dataDir) : undefined
  const app = createApp(
    { db: database.db, config, log, now: options.now ?? (() => new Date()) },
    { caCert: tls ? readFileSync(tls.caFile, 'utf8') : undefined },
  )
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        ...(tls
          ? { createServer: createHttpsServer, serverOptions: { key: tls.key, cert: tls.cert } }
          : {}),
      },
      () => resolve(s),
    )
  })
  // deletes attempts past the retention setting now and every 24 hours (people/privacy.ts)
  const retention = scheduleRetention({
    db: database.db,
    now: options.now ?? (() => new Date()),
    defaultDays: config.retentionDays,
    log,
  })
  // processes the assignments whose close date passed, every minute (work/close.ts)
  const stopClosing = startCloseTimer(database.db, options.now ?? (() => new Date()), log)
  // live updates from every process sharing the database reach this one's streams (live/hub.ts)
  const live = await startLiveListener({
    db: database.db,
    url: database.kind === 'postgres' ? config.databaseUrl : undefined,
    pglite: database.pglite,
    log,
  })
  // sends the LRS's statements to the school's LRS, when the admin set one (lrs/forward)
  const forwarder =
    options.forward === false
      ? undefined
      : startForwarder(database.db, log, () => serverSecret(config.dataDir), options.forward)
  const port = (server.address() as AddressInfo).port
  const protocol = tls ? 'https' : 'http'
  let closing: Promise<void> | undefined
  return {
    url: `${protocol}://localhost:${port}`,
    port,
    protocol,
    database,
    log,
    caFile: tls?.caFile,
    close() {
      retention.stop()
      // open live streams would keep the HTTP server from closing: they end first
      const stoppedLive = live.stop()
      const closed = stopClosing()
      const forwarded = forwarder?.stop()
      closing ??= Promise.all([retention.first, closed, stoppedLive, forwarded])
        .then(() => new Promise<void>((resolve) => server.close(() => resolve())))
        .then(() => (options.database ? undefined : database.close()))
      return closing
    },
  }
}

/** The addresses learners can type, for the start message. */
export function addressesOf(running: RunningServer): string[] {
  return [running.url, ...lanAddresses().map((ip) => `${running.protocol}://${ip}:${running.port}`)]
}
