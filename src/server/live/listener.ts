// The listening side of live updates: each server process LISTENs on practica_live and wakes
// the streams it holds for the assignment named in the notification (see hub.ts).
import type { Kysely } from 'kysely'
import pg from 'pg'
import type { PGlite } from '@electric-sql/pglite'
import type { Logger } from 'pino'
import type { Database } from '../db/schema.ts'
import { CHANNEL, hubFor, type LiveHub } from './hub.ts'

export interface ListenTarget {
  readonly db: Kysely<Database>
  /** PostgreSQL: the dedicated listening connection's address */
  readonly url?: string | undefined
  /** PGlite: the embedded database (one process; its own notifications) */
  readonly pglite?: PGlite | undefined
  readonly log: Logger
  /** the first wait before connecting again after a lost connection (doubles up to 5 s) */
  readonly retryMs?: number
}

/** A running listener: stop() ends it and every open stream. */
export interface LiveListener {
  /** resolves once LISTEN runs (again) on the connection in use */
  readonly listening: () => Promise<void>
  /** the listening connection's backend pid (PostgreSQL), for tests that cut it */
  readonly pid: () => number | undefined
  stop(): Promise<void>
}

/**
 * LISTENs on practica_live for the server process using `target.db`: on PostgreSQL on a
 * dedicated connection, which is made again after it is lost (LISTEN again, then every open
 * stream catches up from its last id); on PGlite with pglite.listen.
 */
export async function startLiveListener(target: ListenTarget): Promise<LiveListener> {
  const hub = hubFor(target.db)
  const { log } = target
  if (target.pglite) {
    const unlisten = await target.pglite.listen(CHANNEL, (payload) => hub.wake(payload))
    return {
      listening: () => Promise.resolve(),
      pid: () => undefined,
      async stop() {
        hub.endAll()
        await unlisten().catch(() => undefined)
      },
    }
  }
  if (!target.url) {
    // no address to listen with: this process's own updates still reach its streams
    log.info('live updates: no listening connection (single process)')
    return {
      listening: () => Promise.resolve(),
      pid: () => undefined,
      stop: async () => hub.endAll(),
    }
  }
  return listenOnPostgres(hub, target.url, log, target.retryMs ?? 500)
}

/**
 * LISTENs on a dedicated PostgreSQL connection to `url`, made again after it is lost (first
 * after `firstRetry` ms, doubling up to 5 s): LISTEN again, then every open stream of `hub`
 * catches up from its last id.
 */
async function listenOnPostgres(
  hub: LiveHub,
  url: string,
  log: Logger,
  firstRetry: number,
): Promise<LiveListener> {
  let stopped = false
  let client: pg.Client | undefined
  let pid: number | undefined
  let retry = firstRetry
  let timer: NodeJS.Timeout | undefined
  let ready: Promise<void>
  let markReady: () => void = () => undefined
  const newReady = () => (ready = new Promise<void>((resolve) => (markReady = resolve)))
  newReady()

  const lost = (c: pg.Client, err?: Error) => {
    if (client !== c) return
    client = undefined
    pid = undefined
    c.removeAllListeners('notification')
    c.end().catch(() => undefined)
    if (stopped) return
    log.warn({ err }, 'live updates: the listening connection was lost; connecting again')
    newReady()
    schedule()
  }
  const schedule = () => {
    timer = setTimeout(() => void connect(), retry)
    // at most 5 s: once the database is back, other processes' updates flow again within seconds
    // (a try every 5 s while it is away costs nothing)
    retry = Math.min(retry * 2, 5000)
  }
  const connect = async () => {
    if (stopped) return
    const c = new pg.Client({ connectionString: url, application_name: 'practica-live' })
    c.on('error', (e) => lost(c, e))
    c.on('end', () => lost(c))
    c.on('notification', (n) => n.channel === CHANNEL && n.payload && hub.wake(n.payload))
    client = c
    try {
      await c.connect()
      await c.query(`LISTEN ${CHANNEL}`)
      const { rows } = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      if (stopped) {
        await c.end()
        return
      }
      pid = rows[0]?.pid
      retry = firstRetry
      markReady()
      // notifications sent while no connection listened are lost: every stream reads its rows
      hub.wakeAll()
    } catch (err) {
      if (client === c) {
        client = undefined
        c.removeAllListeners()
        c.on('error', () => undefined)
        c.end().catch(() => undefined)
        if (!stopped) {
          log.warn({ err }, 'live updates: cannot listen yet; trying again')
          schedule()
        }
      }
    }
  }
  await connect()
  return {
    listening: () => ready,
    pid: () => pid,
    async stop() {
      stopped = true
      clearTimeout(timer)
      hub.endAll()
      const c = client
      client = undefined
      if (c) {
        c.removeAllListeners('notification')
        await c.end().catch(() => undefined)
      }
    },
  }
}
