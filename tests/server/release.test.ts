// The release archive runs with plain Node and nothing else: unpacked in a folder far from the
// repository's node_modules, its server starts on HTTPS with its own CA, serves the app and the
// API, and stops cleanly on SIGTERM; its CLI works too.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, expect, it } from 'vitest'

const ROOT = new URL('../..', import.meta.url).pathname
const work = mkdtempSync(join(tmpdir(), 'practica-release-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** GET over HTTPS, trusting only the server's own CA. */
function get(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (response) => {
      let body = ''
      response.on('data', (d: Buffer) => (body += d.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
      .on('error', reject)
      .end()
  })
}

it('unpacks and runs with plain Node: HTTPS, the app, the API, the CLI, a clean stop', async () => {
  const out = join(work, 'out')
  const built = spawnSync('node', ['--import', 'tsx', 'scripts/release.ts'], {
    cwd: ROOT,
    env: { ...process.env, PRACTICA_RELEASE_OUT: out, NODE_ENV: 'production' },
    encoding: 'utf8',
  })
  expect(built.status, built.stderr).toBe(0)
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string
  }
  const zip = unzipSync(new Uint8Array(readFileSync(join(out, `practica-${version}.zip`))))
  const home = join(work, 'lab-laptop')
  for (const [path, bytes] of Object.entries(zip)) {
    if (path.endsWith('/')) continue
    mkdirSync(dirname(join(home, path)), { recursive: true })
    writeFileSync(join(home, path), bytes)
  }
  const folder = join(home, `practica-${version}`)
  chmodSync(join(folder, 'start.sh'), 0o755)
  const env = { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1' }
  const server = spawn('node', ['server.mjs'], { cwd: folder, env })
  let printed = ''
  server.stdout.on('data', (d: Buffer) => (printed += d.toString()))
  server.stderr.on('data', (d: Buffer) => (printed += d.toString()))
  const exited = new Promise<number | null>((resolve) => server.on('close', resolve))
  try {
    const until = Date.now() + 120_000
    while (!printed.includes('Ctrl+C') && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200))
    const url = /https:\/\/localhost:\d+/.exec(printed)?.[0]
    expect(url, printed).toBeDefined()
    expect(printed).toMatch(/\?setup=/)
    const ca = readFileSync(join(folder, 'data/tls/ca.crt'), 'utf8')
    const health = await get(`${url!}/api/health`, ca)
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toMatchObject({ ok: true })
    const page = await get(`${url!}/`, ca)
    expect(page.body).toMatch(/<div id="root">/)
    expect((await get(`${url!}/ca.crt`, ca)).body).toBe(ca)
  } finally {
    server.kill('SIGTERM')
  }
  expect(await exited).toBe(0)
  // the CLI of the release, on the data folder the server left
  const added = spawnSync(
    'node',
    ['cli.mjs', 'server', 'add-user', '--role', 'admin', '--login', 'admin', '--name', 'Ms Admin'],
    { cwd: folder, env: { ...env, PRACTICA_PASSWORD: 'correct horse battery' }, encoding: 'utf8' },
  )
  expect(added.stderr).toBe('')
  expect(added.stdout).toMatch(/Added the admin "admin"/)
}, 600_000)
