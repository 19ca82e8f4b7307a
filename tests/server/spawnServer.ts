// A Practica server in a process of its own (`node --import tsx src/server/main.ts`, as
// `npm start` runs it), for the tests and benchmarks that kill it, measure its memory, or put
// several of them behind nginx. Plain HTTP on loopback, the API only; the open-file limit raised
// in the shell that starts it (`ulimit -n`), for a thousand open streams.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface SpawnedServer {
  readonly url: string
  readonly port: number
  readonly pid: number
  /** what it printed (standard output and error), for a failure's message */
  output(): string
  /** its resident memory, in bytes (Linux /proc) */
  rss(): number
  /** SIGKILL, as a pulled plug: nothing of it runs after */
  kill9(): Promise<void>
  /** SIGTERM, waiting until it has stopped */
  stop(): Promise<void>
}

export interface SpawnOptions {
  readonly port: number
  /** PostgreSQL's address; else PGlite in `dataDir` */
  readonly databaseUrl?: string | undefined
  readonly dataDir?: string | undefined
  /** the open-file limit of its shell (default 4096) */
  readonly openFiles?: number
  /** more environment variables */
  readonly env?: Record<string, string>
  /** how long it may take to answer /api/health (default 60 s) */
  readonly startMs?: number
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

/** Starts the server and waits until its /api/health answers 200. */
export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  const openFiles = options.openFiles ?? 4096
  // the soft limit up to `openFiles` (or as far as the hard limit allows), then the server itself
  const script = `ulimit -n ${openFiles} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" --import tsx src/server/main.ts`
  const child = spawn('bash', ['-c', script, process.execPath], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PRACTICA_HTTPS: 'off',
      PRACTICA_APP: '',
      LOG_LEVEL: process.env['PRACTICA_TEST_LOG'] ?? 'warn',
      DATABASE_URL: options.databaseUrl ?? '',
      PRACTICA_DATA: options.dataDir ?? '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${options.port}`
  const until = Date.now() + (options.startMs ?? 60_000)
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server stopped while starting:\n${output}`)
    try {
      const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })
      if (health.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL')
      throw new Error(`the server did not answer within its time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  const pid = child.pid!
  return {
    url,
    port: options.port,
    pid,
    output: () => output,
    rss() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)
      if (!kb) throw new Error('no VmRSS in /proc')
      return Number(kb[1]) * 1024
    },
    async kill9() {
      child.kill('SIGKILL')
      await exited(child)
    },
    async stop() {
      child.kill('SIGTERM')
      const gone = exited(child)
      const late = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await gone
      clearTimeout(late)
    },
  }
}
