// Global setup of the server tests: a throwaway PostgreSQL cluster in a temporary folder (Debian's
// `postgresql`), so that every storage test runs on PGlite AND on a real PostgreSQL server.
// PRACTICA_TEST_DATABASE_URL points at an existing server instead. When no server can be
// started, the PostgreSQL suites skip with a loud message; under CI they fail instead.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of a server the tests may create databases on; '' when there is none */
    postgresUrl: string
    /** why there is no PostgreSQL server, when there is none */
    postgresMissing: string
  }
}

function freePort(): Promise<number> {
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

function findBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  return versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')))
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env['PRACTICA_TEST_DATABASE_URL']
  if (given) {
    project.provide('postgresUrl', given)
    project.provide('postgresMissing', '')
    return undefined
  }
  const bin = findBin()
  const missing = (why: string) => {
    project.provide('postgresUrl', '')
    project.provide('postgresMissing', why)
    return undefined
  }
  if (!bin) return missing('PostgreSQL is not installed (apt-get install postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'practica-pg-'))
  chmodSync(dir, 0o777)
  const cluster = join(dir, 'cluster')
  const root = process.getuid?.() === 0
  // initdb refuses to run as root: run the cluster as the `postgres` user
  const run = (cmd: string, args: string[]) =>
    root
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
          encoding: 'utf8',
        })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' })
  const init = run('initdb', ['-D', cluster, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    return missing(`initdb failed: ${init.stderr || init.error?.message || ''}`.trim())
  }
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  const start = run('pg_ctl', ['-D', cluster, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  if (start.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    return missing(`pg_ctl start failed: ${start.stderr || start.stdout}`.trim())
  }
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`)
  project.provide('postgresMissing', '')
  return () => {
    run('pg_ctl', ['-D', cluster, '-m', 'immediate', '-w', 'stop'])
    rmSync(dir, { recursive: true, force: true })
  }
}
