// The problems' texts are a download of their own: the library, the learner's first download,
// fetches them only once a file is refused, and then says its problems in the learner's language.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readText } from '../helpers.ts'
import { hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

const zhProblems = JSON.parse(readText('src/view/i18n/locales/problems/zh-CN.json'))
const enProblems = JSON.parse(readText('src/view/i18n/locales/problems/en.json'))

/** The text of every script the page has fetched so far. */
async function fetchedScripts(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => url.endsWith('.js')),
  )
  return Promise.all(urls.map(async (url) => (await page.request.get(url)).text()))
}

describe.skipIf(!hasBrowser)('problem texts in the browser', () => {
  it('fetches them only when a file is refused, and says its problems in Chinese', async () => {
    const page = await openApp('problem texts chinese', { locale: 'zh-CN' })
    await page.locator('li[data-scenario]').first().waitFor()
    const before = await fetchedScripts(page)
    expect(before.length).toBeGreaterThan(0)
    for (const code of before) {
      // a Chinese problem text, and an English one only the scenario checks give
      expect(code.includes(zhProblems.file.notUtf8)).toBe(false)
      expect(code.includes(enProblems.shape.version)).toBe(false)
    }
    const broken = readText('scenarios/conveyor-loto.json').replace(
      '"target": "isolator", "value": "off"',
      '"target": "isolater", "value": "off"',
    )
    await page.locator('input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    })
    const alert = page.getByRole('alert')
    await alert
      .getByText('steps[4].action.target: 未知部件“isolater”（是否想写“isolator”？）')
      .waitFor()
    const after = await fetchedScripts(page)
    expect(after.some((code) => code.includes(zhProblems.file.notUtf8))).toBe(true)
  })
})
