// The look sheet in headless Chromium: every look of the catalogue, in each of its states, is
// drawn with no error and no look missing, in Detailed and in Simple graphics.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './axe.ts'
import { appUrl, baseUrl, hasBrowser, openApp, setupBrowser, startConveyor } from './browser.ts'

setupBrowser()

const FAMILIES = ['panel', 'process', 'machines', 'ppe'] as const

/** Everything the page said went wrong: errors, failed requests, and looks drawn by no module. */
function watch(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && /no drawing/.test(m.text())))
      problems.push(`${m.type()}: ${m.text()}`)
  })
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`))
  return problems
}

/** Frames the scene has drawn so far. */
const frames = (page: Page) => page.evaluate(() => window.__practica?.renderInfo()?.frames ?? 0)

describe.skipIf(!hasBrowser)('the look sheet', () => {
  for (const graphics of ['detailed', 'simple'] as const)
    it.each(FAMILIES)(`draws every %s look in every state, ${graphics}`, async (family) => {
      const page = await openApp(`looks ${family} ${graphics}`, {
        serviceWorkers: 'block',
        url: appUrl(baseUrl, { sheet: 'looks', family }),
        graphics,
      })
      const problems = watch(page)
      // software GL (headless Chromium) compiles the Detailed shaders slowly
      await page.locator('canvas').waitFor({ timeout: 90_000 })
      // the family's module arrives, and the scene draws with its looks
      await page.waitForLoadState('networkidle')
      await expect.poll(() => frames(page), { timeout: 30_000 }).toBeGreaterThan(0)
      await page.waitForTimeout(1000)
      const info = await page.evaluate(() => window.__practica?.renderInfo())
      expect(info?.calls).toBeGreaterThan(0)
      // every copy of every look of the family is labelled on the sheet
      const labels = await page.locator('[data-label-for]').count()
      expect(labels).toBeGreaterThan(0)
      expect(problems).toEqual([])
      await page.context().close()
    })
})

describe.skipIf(!hasBrowser)('the graphics setting', () => {
  it('is a labelled choice in the play bar, kept for the next visit, with no axe violation', async () => {
    // the address forces no setting: the default, then the learner's choice, hold
    const page = await openApp('graphics control', { serviceWorkers: 'block', graphics: null })
    await startConveyor(page)
    const choice = page.getByLabel('Graphics')
    await expect.poll(() => choice.inputValue()).toBe('detailed')
    expect(await axeViolations(page, '.graphics-control')).toEqual([])
    await choice.selectOption('simple')
    await page.reload()
    await startConveyor(page)
    await expect.poll(() => page.getByLabel('Graphics').inputValue()).toBe('simple')
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
    await expect.poll(() => page.getByLabel('画面').inputValue()).toBe('simple')
    expect(await axeViolations(page, '.graphics-control')).toEqual([])
    await page.context().close()
  })
})
