// Nothing lost: an attempt survives a closed or crashed page, one tab writes it, a full disk is
// told plainly with the attempt offered as a download.
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadScenario, scoreAttempt, type Attempt } from '../../src/core/index.ts'
import { readText } from '../helpers.ts'
import { clickPart, downloadJson, hasBrowser, openApp, setupBrowser } from './browser.ts'

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

async function startConveyor(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Amina Phiri')
  await page.getByRole('button', { name: /Start: Lockout\/tagout of a belt conveyor/ }).click()
  await page.locator('canvas').waitFor()
}

async function eventsStored(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('practica')
        open.onsuccess = () => {
          const count = open.result.transaction('events').objectStore('events').count()
          count.onsuccess = () => resolve(count.result)
        }
      }),
  )
}

async function resumeIn(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(baseUrl)
  await page
    .getByRole('region', { name: 'Unfinished attempt' })
    .getByRole('button', { name: 'Resume' })
    .click()
  await page.locator('canvas').waitFor()
  return page
}

function scoreFile(attempt: Attempt) {
  const loaded = loadScenario(readText('scenarios/conveyor-loto.json'))
  if (!loaded.ok) throw new Error('conveyor does not load')
  const scored = scoreAttempt(loaded.value, attempt)
  if (!scored.ok) throw new Error(scored.problems[0]!.message)
  return scored.value
}

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
      await again.getByRole('button', { name: 'Finish', exact: true }).click()
      await again.getByRole('group').getByRole('button', { name: 'Finish', exact: true }).click()
      await again.getByRole('button', { name: 'See the result' }).click()
      const attempt = (await downloadJson(again, () =>
        again.getByRole('button', { name: 'Download the attempt (JSON)' }).click(),
      )) as Attempt
      const shown = await downloadJson(again, () =>
        again.getByRole('button', { name: 'Download the result (JSON)' }).click(),
      )
      expect(attempt.events).toHaveLength(16)
      expect(attempt.events.slice(0, 15).map((e) => e.target)).toEqual(ACTS)
      // the same events played without interruption score the same
      expect(scoreFile(attempt)).toEqual(shown)
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
    const page = await openApp('durable quota')
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
    await page.reload()
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
