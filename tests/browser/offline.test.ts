// After one visit the app works with no network: the service worker serves the app and the
// bundled scenarios, and a scenario can be completed and its attempt downloaded.
import { describe, expect, it } from 'vitest'
import type { Attempt } from '../../src/core/index.ts'
import { clickPart, downloadJson, hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

describe.skipIf(!hasBrowser)('offline', () => {
  it('works offline after the first visit', async () => {
    const page = await openApp('offline')
    // the first visit installs the worker and caches the app
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await page.context().setOffline(true)
    await page.reload()
    await page.getByRole('button', { name: /Start: Lockout\/tagout of a belt conveyor/ }).click()
    await page.locator('canvas').waitFor()
    await clickPart(page, 'radio')
    await clickPart(page, 'stop_btn')
    await page.getByRole('button', { name: 'Finish', exact: true }).click()
    await page.getByRole('group').getByRole('button', { name: 'Finish', exact: true }).click()
    await page.getByRole('button', { name: 'See the result' }).click()
    const attempt = (await downloadJson(page, () =>
      page.getByRole('button', { name: 'Download the attempt (JSON)' }).click(),
    )) as Attempt
    expect(attempt.events.map((e) => e.target ?? e.action)).toEqual(['radio', 'stop_btn', 'end'])
  })
})
