// The review screen in headless Chromium: import 500 attempt files, re-score them and render
// the cohort table; the time from handing over the files to the table showing every row.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Model } from '../../src/core/index.ts'
import { generateAttempts } from './generate.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Milliseconds to import and show `count` attempts, or undefined when no Chromium is installed. */
export async function measureCohortInBrowser(
  model: Model,
  count: number,
): Promise<number | undefined> {
  if (!existsSync(CHROMIUM)) return undefined
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (build.status !== 0) throw new Error('vite build failed')
  const port = 20000 + Math.floor(Math.random() * 20000)
  const server = spawn(
    process.execPath,
    [
      `${ROOT}node_modules/vite/bin/vite.js`,
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  )
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-quic'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    for (let i = 0; ; i++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/`)
        break
      } catch (e) {
        if (i > 50) throw e
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    await page.getByRole('button', { name: 'Review attempts' }).click()
    const files = generateAttempts(model, count, 60, 180_000, 11).map((a, i) => ({
      name: `attempt-${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ ...a, learner: { id: `s-${i}`, name: `Learner ${i}` } }),
      ),
    }))
    const start = performance.now()
    await page.locator('input[type=file][multiple]').setInputFiles(files)
    await page.waitForFunction(
      (n) => document.querySelectorAll('tr[data-attempt]').length === n,
      count,
      { timeout: 60_000 },
    )
    return performance.now() - start
  } finally {
    await browser.close()
    server.kill()
  }
}
