// The review screen in headless Chromium: import 500 attempt files, re-score them and render
// the cohort table; the time from handing over the files to the table showing every row.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Model } from '../../src/core/index.ts'
import { CHROMIUM, serveBuiltApp } from '../browser/server.ts'
import { generateAttempts } from './generate.ts'

/** Milliseconds to import and show `count` attempts. */
export async function measureCohortInBrowser(model: Model, count: number): Promise<number> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium"`)
  const server = await serveBuiltApp('.bench/dist-cohort')
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-quic'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(server.url)
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
    server.stop()
  }
}
