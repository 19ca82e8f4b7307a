// Nothing lost: an attempt survives a closed or crashed page, one tab writes it, a full disk is
// told plainly with the attempt offered as a download.
import { describe, expect, it } from 'vitest'
import type { Attempt } from '../../src/core/index.ts'
import {
  clickPart,
  downloadJson,
  downloadAttemptAndResult,
  eventsStored,
  finishAndShowResult,
  appAddress,
  hasBrowser,
  newAppPage,
  openApp,
  resumeIn,
  scoreConveyor,
  setupBrowser,
  startConveyor,
} from './browser.ts'

setupBrowser()

const ACTS = [
  'glasses',
  'gloves',
  'radio',
  'stop_btn',
  'isolator',
  'air_dump',
  'start_btn',
  'radio',
  'stop_btn',
  'start_btn',
  'radio',
  'air_dump',
  'stop_btn',
  'radio',
  'start_btn',
]

describe.skipIf(!hasBrowser)('durable attempts', () => {
  for (const how of ['closed', 'crashed'] as const) {
    it(`keeps all 15 acts of a page that was ${how}, and resumes to the same result`, async () => {
      const page = await openApp(`durable ${how}`)
      const context = page.context()
      const baseUrl = page.url()
      await startConveyor(page)
      for (const part of ACTS) await clickPart(page, part)
      await expect.poll(() => eventsStored(page), { timeout: 10_000 }).toBe(15)
      if (how === 'closed') await page.close({ runBeforeUnload: false })
      else {
        const cdp = await context.newCDPSession(page)
        const crashed = page.waitForEvent('crash')
        // the renderer dies before it can answer, so the command itself is not awaited
        void cdp.send('Page.crash').catch(() => undefined)
        await crashed
      }

      const again = await resumeIn(context, baseUrl)
      await again.locator('li[data-step="ppe-glasses"][data-status="done"]').waitFor()
      await finishAndShowResult(again)
      const { attempt, shown } = await downloadAttemptAndResult(again)
      expect(attempt.events).toHaveLength(16)
      expect(attempt.events.slice(0, 15).map((e) => e.target)).toEqual(ACTS)
      // the same events played without interruption score the same
      expect(scoreConveyor(attempt)).toEqual(shown)
    })
  }

  it('makes a second tab on the same attempt read-only, and loses or doubles no event', async () => {
    const page = await openApp('durable two tabs')
    const context = page.context()
    await startConveyor(page)
    await clickPart(page, 'glasses')
    await expect.poll(() => eventsStored(page)).toBe(1)
    const second = await resumeIn(context, page.url())
    await second.getByText('This attempt is open in another tab: this tab only shows it.').waitFor()
    await clickPart(second, 'gloves')
    await clickPart(page, 'radio')
    await expect.poll(() => eventsStored(page)).toBe(2)
    await page.waitForTimeout(300)
    expect(await eventsStored(page)).toBe(2)
  })

  it('tells the learner plainly when the disk is full, and offers the attempt so far', async () => {
    const page = await newAppPage('durable quota')
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put
      IDBObjectStore.prototype.put = function (
        this: IDBObjectStore,
        ...args: Parameters<typeof put>
      ) {
        if (this.name === 'events' && (window as { fullDisk?: boolean }).fullDisk)
          throw new DOMException('full', 'QuotaExceededError')
        return put.apply(this, args)
      }
    })
    await page.goto(appAddress())
    await startConveyor(page)
    await clickPart(page, 'radio')
    await page.evaluate(() => ((window as { fullDisk?: boolean }).fullDisk = true))
    await clickPart(page, 'stop_btn')
    await page.getByText(/The disk is full/).waitFor()
    const soFar = (await downloadJson(page, () =>
      page.getByRole('button', { name: 'Download the attempt so far' }).click(),
    )) as Attempt
    expect(soFar.events.map((e) => e.target)).toEqual(['radio', 'stop_btn'])
  })
})
