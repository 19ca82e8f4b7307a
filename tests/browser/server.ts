// Global setup of the browser tests: build the app once and serve it with `vite preview` on a
// free port. Chromium comes from Debian (playwright-core cannot download browsers here).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import type { TestProject } from 'vitest/node'

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const ROOT = new URL('../..', import.meta.url).pathname
/**
 * A name that is not loopback, which the preview server also answers to: Chromium opened with
 * `--host-resolver-rules="MAP practica.lab 127.0.0.1"` sees the app as on a lab's network, where
 * the page is not a secure context (insecure.test.ts).
 */
export const LAN_HOST = 'practica.lab'

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

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  for (;;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`the preview server did not answer at ${url}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!existsSync(CHROMIUM)) {
    const message = `Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium" (or set CHROMIUM_PATH).`
    if (process.env['CI']) throw new Error(`${message} Browser tests must run in CI.`)
    console.warn(`\n!!! BROWSER TESTS SKIPPED !!!\n${message}\n`)
    project.provide('baseUrl', '')
    return () => undefined
  }
  // PRACTICA_DIST: a build folder of one's own, when several checkouts test side by side
  const { url: baseUrl, stop } = await serveBuiltApp(process.env['PRACTICA_DIST'] ?? 'dist')
  project.provide('baseUrl', baseUrl)
  return stop
}

/**
 * Builds the app as users get it into `outDir` (relative to the repository) and serves it with
 * `vite preview` on a free port.
 */
export async function serveBuiltApp(outDir = 'dist'): Promise<{ url: string; stop: () => void }> {
  // a production build: Vitest's NODE_ENV=test would make it a development one
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`)
  const port = await freePort()
  // vite itself, not through npx: killing npx would leave the server running
  const server = spawn(
    process.execPath,
    [
      `${ROOT}node_modules/vite/bin/vite.js`,
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      stdio: 'ignore',
      // Vite answers only to loopback names and addresses unless told of others
      env: { ...process.env, __VITE_ADDITIONAL_SERVER_ALLOWED_HOSTS: LAN_HOST },
    },
  )
  const url = `http://127.0.0.1:${port}/`
  await waitFor(url, 20_000)
  return { url, stop: () => server.kill() }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
