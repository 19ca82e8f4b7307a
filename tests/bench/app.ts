// The built app for the benchmarks: one production build per run (with Vite's manifest, which the
// bundle benchmark reads), served once for the browser benchmarks.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { preview } from 'vite'
import { CHROMIUM } from '../browser/server.ts'

const ROOT = new URL('../..', import.meta.url).pathname
/** Where the app is built, relative to the repository. */
export const APP_DIR = '.bench/dist-app'

/** Runs `vite build` of `root` (relative to the repository) into `outDir`, for production. */
export function viteBuild(outDir: string, root?: string): void {
  const args = [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build']
  if (root) args.push(root, '--config', join(root, 'vite.config.ts'))
  args.push('--manifest', '--emptyOutDir', '--logLevel', 'error', '--outDir', join(ROOT, outDir))
  const built = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    // Vitest and tsx may set NODE_ENV; the benchmarks measure the production build
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (built.status !== 0) throw new Error(`vite build ${root ?? ''} failed:\n${built.stderr}`)
}

let built = false

/** Builds the app into APP_DIR on first use; the folder, relative to the repository. */
export function buildApp(): string {
  if (!built) viteBuild(APP_DIR)
  built = true
  return APP_DIR
}

let served: Promise<{ url: string; stop: () => Promise<void> }> | undefined

async function serve(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // the app's own config: its preview serves the build with the Content Security Policy
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('the preview server has no address')
  return { url, stop: () => server.close() }
}

/** The URL of the app as users get it (the production build), built and served on first use. */
export async function appUrl(): Promise<string> {
  served ??= serve(buildApp())
  return (await served).url
}

/** Headless Chromium from Debian; a clear error where it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium"`)
  return chromium.launch({ executablePath: CHROMIUM, args: ['--disable-quic'] })
}

/** Stops the app's server, if one was started. */
export async function stopApp(): Promise<void> {
  if (served) await (await served).stop()
  served = undefined
}
