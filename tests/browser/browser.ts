// Helpers of the browser tests: a fresh page per test in headless Chromium, closed when the test
// ends, real pointer events on parts of the 3D scene, and a screenshot in test-results/ when a
// test fails. Pages open in Simple graphics unless a test asks otherwise: software GL draws a
// Detailed frame several times slower, and only the tests of the Detailed looks themselves need
// them.
import { mkdirSync, readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, onTestFinished } from 'vitest'
import { scoreAttempt, type Attempt, type Result } from '../../src/core/index.ts'
import { loadScenarioFile } from '../helpers.ts'
import { appUrl, partPoint } from './pageActions.ts'
import { CHROMIUM } from './server.ts'

export { appUrl, partPoint, startConveyor } from './pageActions.ts'

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

export interface AppPageOptions {
  readonly locale?: string
  /** 'block' keeps every request on the network, where `page.route` sees it. */
  readonly serviceWorkers?: 'allow' | 'block'
}

export interface OpenAppOptions extends AppPageOptions {
  /** The address to open (the preview server's app by default). */
  readonly url?: string
  /**
   * The graphics setting the address forces (`?graphics=`): Simple by default; Detailed for the
   * tests of the Detailed looks; null for none, where the learner's choice or the default holds.
   */
  readonly graphics?: 'simple' | 'detailed' | null
}

/**
 * A new page, 1280×720, not yet at any address (for a test that routes requests or adds scripts
 * before the app's first load), in a browser context of its own. When the test ends the context
 * is closed, after a screenshot if the test failed: a page left open would go on drawing (a
 * running machine animates) and slow every later test of the file.
 */
export async function newAppPage(name: string, options: AppPageOptions = {}): Promise<Page> {
  const context = await browser!.newContext({
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
    locale: options.locale ?? 'en-US',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      mkdirSync('test-results', { recursive: true })
      await page
        .screenshot({ path: `test-results/${name.replace(/\W+/g, '-')}.png` })
        .catch(() => undefined)
      if (errors.length) console.error(`page errors in ${name}:\n${errors.join('\n')}`)
    }
    await context.close().catch(() => undefined)
  })
  return page
}

/** The app's address in the graphics setting of `options` (Simple unless it says otherwise). */
export function appAddress(options: Pick<OpenAppOptions, 'url' | 'graphics'> = {}): string {
  const graphics = options.graphics === undefined ? 'simple' : options.graphics
  return appUrl(options.url ?? baseUrl, graphics === null ? {} : { graphics })
}

/** A new page (see newAppPage) at the app, in Simple graphics unless `options` says otherwise. */
export async function openApp(name: string, options: OpenAppOptions = {}): Promise<Page> {
  const page = await newAppPage(name, options)
  await page.goto(appAddress(options))
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
