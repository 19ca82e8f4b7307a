// The review screen in headless Chromium: import 500 attempt files, re-score them and render
// the cohort table; the time from handing over the files to the table showing every row.
import type { Model } from '../../src/core/index.ts'
import { appUrl, launchChromium } from './app.ts'
import { generateAttempts } from './generate.ts'

/** Milliseconds to import and show `count` attempts. */
export async function measureCohortInBrowser(model: Model, count: number): Promise<number> {
  const url = await appUrl()
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(url)
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
  }
}
