// Helpers of the browser tests: a fresh page per test in headless Chromium, real pointer events
// on parts of the 3D scene, and a screenshot in test-results/ when a test fails.
import { mkdirSync, readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest'
import { scoreAttempt, type Attempt, type Result } from '../../src/core/index.ts'
import { loadScenarioFile } from '../helpers.ts'
import { partPoint } from './pageActions.ts'
import { CHROMIUM } from './server.ts'

export { partPoint, startConveyor } from './pageActions.ts'

export const baseUrl = inject('baseUrl')
/** False when Chromium is missing outside CI (the setup said so loudly). */
export const hasBrowser = baseUrl !== ''

let browser: Browser | undefined

export function setupBrowser(): void {
  beforeAll(async () => {
    if (hasBrowser)
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-quic'] })
  })
  afterAll(async () => {
    await browser?.close()
  })
}

/**
 * A new page at the app, 1280×720, that saves a screenshot if the test fails. `serviceWorkers:
 * 'block'` keeps every request on the network, where `page.route` sees it.
 */
export async function openApp(
  name: string,
  options: { locale?: string; serviceWorkers?: 'allow' | 'block'; url?: string } = {},
): Promise<Page> {
  const context = await browser!.newContext({
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
    locale: options.locale ?? 'en-US',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  onTestFailed(async () => {
    mkdirSync('test-results', { recursive: true })
    await page
      .screenshot({ path: `test-results/${name.replace(/\W+/g, '-')}.png` })
      .catch(() => undefined)
    if (errors.length) console.error(`page errors in ${name}:\n${errors.join('\n')}`)
  })
  await page.goto(options.url ?? baseUrl)
  return page
}

/** A real mouse click on a part of the 3D scene (left: operate; right: its menu). */
export async function clickPart(
  page: Page,
  id: string,
  button: 'left' | 'right' = 'left',
): Promise<void> {
  const p = await partPoint(page, id)
  await page.mouse.click(p.x, p.y, { button })
}

/** The text of a file the page offers for download after `trigger`. */
export async function downloadText(page: Page, trigger: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()])
  return readFileSync(await download.path(), 'utf8')
}

/** The JSON of a file the page offers for download after `trigger`. */
export async function downloadJson(page: Page, trigger: () => Promise<void>): Promise<unknown> {
  return JSON.parse(await downloadText(page, trigger))
}

/** The attempt file the result screen offers. */
export async function downloadAttempt(page: Page): Promise<Attempt> {
  return (await downloadJson(page, () =>
    page.getByRole('button', { name: 'Download the attempt (JSON)' }).click(),
  )) as Attempt
}

/** The attempt and result files the result screen offers. */
export async function downloadAttemptAndResult(
  page: Page,
): Promise<{ attempt: Attempt; shown: unknown }> {
  const attempt = await downloadAttempt(page)
  const shown = await downloadJson(page, () =>
    page.getByRole('button', { name: 'Download the result (JSON)' }).click(),
  )
  return { attempt, shown }
}

/** Waits until the checklist shows step `id` with `status`. */
export async function expectStep(page: Page, id: string, status: string): Promise<void> {
  await page.locator(`li[data-step="${id}"][data-status="${status}"]`).waitFor({ timeout: 10_000 })
}

/** Finishes the attempt (confirming) and opens its result. */
export async function finishAndShowResult(page: Page, finishLabel = 'Finish'): Promise<void> {
  await page.getByRole('button', { name: finishLabel, exact: true }).click()
  await page.getByRole('group').getByRole('button', { name: finishLabel, exact: true }).click()
  await page.getByRole('button', { name: /See the result|查看结果/ }).click()
}

/** How many learner events this browser has stored (all attempts). */
export async function eventsStored(page: Page): Promise<number> {
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

/** The result the engine gives to `attempt` on the bundled conveyor scenario, as the CLI does. */
export function scoreConveyor(attempt: Attempt): Result {
  const scored = scoreAttempt(loadScenarioFile('scenarios/conveyor-loto.json'), attempt)
  if (!scored.ok) throw new Error(scored.problems[0]!.message)
  return scored.value
}

/** Opens the app in a new page of `context` and resumes the unfinished attempt it offers. */
export async function resumeIn(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  await page
    .getByRole('region', { name: 'Unfinished attempt' })
    .getByRole('button', { name: 'Resume' })
    .click()
  await page.locator('canvas').waitFor()
  return page
}

/** Plays the open replay at 8× until it stops by itself, and checks it stopped at the attempt's end. */
export async function playReplayToEnd(page: Page): Promise<void> {
  await page.getByLabel('Speed').selectOption('8')
  await page.getByRole('button', { name: 'Play' }).click()
  await page.getByRole('button', { name: 'Pause' }).waitFor()
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 15_000 })
  const [shown, end] = (await page.locator('.replay-time').textContent())!.split(' / ')
  expect(shown).toBe(end)
}
