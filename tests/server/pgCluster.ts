// A throwaway PostgreSQL cluster of one's own (Debian's `postgresql`), for the tests and
// benchmarks that break it on purpose (stopped and started again: tests/server/faults.test.ts) or
// run outside vitest's global setup (the benchmarks). Like tests/server/postgres.ts: a temporary
// folder, loopback only, run as the `postgres` user when this process is root (initdb refuses
// root). When PostgreSQL is missing, `postgresMissing()` says why; the callers skip loudly outside
// CI and fail under it.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A free TCP port on loopback (for a server started next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/** The newest PostgreSQL's bin folder, or undefined when none is installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  return versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')))
}

/** Why no cluster can be started here ('' when one can). */
export function postgresMissing(): string {
  return postgresBin() ? '' : 'PostgreSQL is not installed (apt-get install postgresql)'
}

export interface Cluster {
  /** postgres://… of its `postgres` database */
  readonly url: string
  /** stops the server (`pg_ctl stop -m fast`: open connections are ended) */
  stop(): void
  /** starts it again on the same port, waiting until it accepts connections */
  start(): void
  /** stops it for good and deletes its folder */
  destroy(): void
}

/** Starts a cluster in a temporary folder; throws with PostgreSQL's words when it cannot. */
export async function startCluster(maxConnections = 200): Promise<Cluster> {
  const bin = postgresBin()
  if (!bin) throw new Error(postgresMissing())
  const dir = mkdtempSync(join(tmpdir(), 'practica-pgc-'))
  chmodSync(dir, 0o777)
  const cluster = join(dir, 'cluster')
  const root = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) => {
    const done = root
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
          encoding: 'utf8',
        })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' })
    if (done.status !== 0)
      throw new Error(`${cmd} failed: ${done.stderr || done.stdout || done.error?.message}`.trim())
  }
  try {
    run('initdb', ['-D', cluster, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=${maxConnections}`
  const start = () =>
    run('pg_ctl', ['-D', cluster, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  let running = false
  start()
  running = true
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', cluster, '-m', 'fast', '-w', 'stop'])
      running = false
    },
    start() {
      start()
      running = true
    },
    destroy() {
      try {
        if (running) run('pg_ctl', ['-D', cluster, '-m', 'immediate', '-w', 'stop'])
      } finally {
        running = false
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/**
 * A cluster for a benchmark that needs PostgreSQL: undefined (after a loud warning) when none can
 * be started outside CI, so that the benchmark prints no figure; under CI it throws.
 */
export async function clusterForBench(name: string): Promise<Cluster | undefined> {
  const missing = postgresMissing()
  if (!missing) return startCluster()
  if (process.env['CI']) throw new Error(`${name}: no PostgreSQL under CI: ${missing}`)
  console.warn(`\n!!! BENCHMARK ${name} SKIPPED: ${missing} !!!\n`)
  return undefined
}

/** A new, empty database on `cluster`: its postgres://… address. */
export async function createDatabase(cluster: Cluster, name: string): Promise<string> {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(cluster.url)
  url.pathname = `/${name}`
  return url.toString()
}
