// The app served over plain HTTP on a lab's network, which is no secure context: Chromium reaches
// the preview server through a name that is not loopback (`--host-resolver-rules`), so that there
// is no crypto.randomUUID, no crypto.subtle, no Web Locks and no service worker, as on
// http://192.168.…. The app says so in both languages, a learner's attempt works and is kept,
// and a second tab still cannot write an attempt the first one holds. On 127.0.0.1, which
// browsers treat as secure, the notice is absent.
import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { sha256Hex } from '../../src/core/index.ts'
import { readInterfaceTexts, readText } from '../helpers.ts'
import { expectNoSeriousAxe } from './axe.ts'
import {
  baseUrl,
  clickPart,
  downloadAttempt,
  eventsStored,
  expectStep,
  finishAndShowResult,
  hasBrowser,
  resumeIn,
  startConveyor,
} from './browser.ts'
import { CHROMIUM, LAN_HOST } from './server.ts'

const en = readInterfaceTexts('en')
const zh = readInterfaceTexts('zh-CN')
const SHOTS = '/tmp/http'

/** The app as a lab PC reaches it: http://practica.lab:<port>/, no secure context. */
const lanUrl = baseUrl.replace('127.0.0.1', LAN_HOST)

let browser: Browser | undefined

beforeAll(async () => {
  if (!hasBrowser) return
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-quic', `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`],
  })
})
afterAll(async () => {
  await browser?.close()
})

/** Everything that went wrong in the pages of a test: page errors and console errors. */
let problems: string[] = []

/** A new browser context (its own storage, as another browser profile), whose pages are watched. */
async function newContext(locale = 'en-US'): Promise<BrowserContext> {
  problems = []
  const context = await browser!.newContext({
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
    locale,
  })
  context.on('page', (page) => {
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
  })
  return context
}

/** A new page of `context` at `url`, with a screenshot if the test fails. */
async function openPage(context: BrowserContext, url: string, name: string): Promise<Page> {
  const page = await context.newPage()
  onTestFailed(async () => {
    mkdirSync('test-results', { recursive: true })
    await page
      .screenshot({ path: `test-results/${name.replace(/\W+/g, '-')}.png` })
      .catch(() => undefined)
    if (problems.length) console.error(`errors in ${name}:\n${problems.join('\n')}`)
  })
  await page.goto(url)
  return page
}

/** What the page has of the APIs browsers give only to secure contexts. */
function secureApis(page: Page) {
  return page.evaluate(() => ({
    isSecureContext: window.isSecureContext,
    randomUUID: typeof crypto.randomUUID,
    subtle: typeof crypto.subtle,
    locks: typeof navigator.locks,
    serviceWorker: 'serviceWorker' in navigator,
  }))
}

const notice = (page: Page, texts: typeof en) =>
  page.getByRole('complementary', { name: texts.insecure.title })

describe.skipIf(!hasBrowser)('the app over plain HTTP on a lab network', () => {
  for (const [lang, locale, texts] of [
    ['English', 'en-US', en],
    ['Chinese', 'zh-CN', zh],
  ] as const) {
    it(`is no secure context there, and says so in ${lang}, keyboard first and axe-clean`, async () => {
      const context = await newContext(locale)
      const page = await openPage(context, lanUrl, `insecure notice ${lang}`)
      expect(await secureApis(page)).toEqual({
        isSecureContext: false,
        randomUUID: 'undefined',
        subtle: 'undefined',
        locks: 'undefined',
        serviceWorker: false,
      })
      await page.getByRole('heading', { name: texts.library.title }).waitFor()
      await page.locator('li[data-scenario]').first().waitFor()
      await notice(page, texts).waitFor()
      const said = await notice(page, texts).textContent()
      expect(said).toContain(texts.insecure.text)
      expect(said).toContain('https://')
      mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: `${SHOTS}/insecure-${locale}.png` })
      await expectNoSeriousAxe(page)

      // the first stop of the keyboard, and hidden by it for the rest of the session
      await page.keyboard.press('Tab')
      const hide = notice(page, texts).getByRole('button', { name: texts.insecure.hide })
      expect(await hide.evaluate((b) => b === document.activeElement)).toBe(true)
      await page.keyboard.press('Enter')
      await notice(page, texts).waitFor({ state: 'detached' })
      await page.reload()
      await page.getByRole('heading', { name: texts.library.title }).waitFor()
      await page.locator('li[data-scenario]').first().waitFor()
      expect(await notice(page, texts).count()).toBe(0)
      // another tab is another session: it says so again
      const other = await openPage(context, lanUrl, `insecure notice ${lang} other tab`)
      await notice(other, texts).waitFor()
      expect(problems).toEqual([])
      await context.close()
    })
  }

  it('lets a learner start, act, finish and see the result, and keeps the attempt', async () => {
    const context = await newContext()
    const page = await openPage(context, lanUrl, 'insecure attempt')
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
    await notice(page, en).waitFor()
    await startConveyor(page)
    // the attempt's scene fills the window: the notice was said in the library
    expect(await notice(page, en).count()).toBe(0)
    await clickPart(page, 'glasses')
    await expectStep(page, 'ppe-glasses', 'done')
    await clickPart(page, 'gloves')
    await expectStep(page, 'ppe-gloves', 'done')
    await expect.poll(() => eventsStored(page)).toBe(2)
    await finishAndShowResult(page)
    await page.getByText(en.result.status.failed).first().waitFor()
    const attempt = await downloadAttempt(page)
    // an id without crypto.randomUUID, and the scenario's hash without crypto.subtle
    expect(attempt.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    const scenario = new TextEncoder().encode(readText('scenarios/conveyor-loto.json'))
    expect(attempt.scenario.sha256).toBe(sha256Hex(scenario))
    expect(attempt.events.map((e) => e.target ?? e.action)).toEqual(['glasses', 'gloves', 'end'])

    // kept in this browser: after a reload the history lists it, and opens its result
    await page.reload()
    await page.getByRole('button', { name: en.library.history }).click()
    const kept = page.locator(`li[data-attempt="${attempt.id}"]`)
    await kept.waitFor()
    await notice(page, en).waitFor()
    await kept.getByRole('button', { name: en.history.open }).click()
    await page.getByText(en.result.status.failed).first().waitFor()
    expect(problems).toEqual([])
    await context.close()
  }, 240_000)

  it('lets only one tab write an attempt, and the next tab once the first has closed', async () => {
    const context = await newContext()
    const page = await openPage(context, lanUrl, 'insecure two tabs')
    await startConveyor(page)
    await clickPart(page, 'glasses')
    await expect.poll(() => eventsStored(page)).toBe(1)
    const second = await resumeIn(context, lanUrl)
    await second.getByText(en.play.readOnly).waitFor()
    await clickPart(second, 'gloves')
    await clickPart(page, 'radio')
    await expect.poll(() => eventsStored(page)).toBe(2)
    await page.waitForTimeout(300)
    expect(await eventsStored(page)).toBe(2)
    await second.close()

    // the writer closes: the next tab that resumes the attempt writes it
    await page.close()
    const third = await resumeIn(context, lanUrl)
    await expectStep(third, 'ppe-glasses', 'done')
    expect(await third.getByText(en.play.readOnly).count()).toBe(0)
    await clickPart(third, 'gloves')
    await expectStep(third, 'ppe-gloves', 'done')
    await expect.poll(() => eventsStored(third)).toBe(3)
    expect(problems).toEqual([])
    await context.close()
  }, 240_000)

  it("opens the instructor's editor and the assessor's review too", async () => {
    const context = await newContext()
    const page = await openPage(context, lanUrl, 'insecure editor review')
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
    await page.getByRole('button', { name: en.library.editor }).click()
    await notice(page, en).waitFor()
    // no File System Access picker here: the file input opens instead
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: en.editor.openFile }).click()
    await chooser
    // a new draft, with an id made without crypto.randomUUID
    await page.getByRole('button', { name: en.editor.newFromTemplate }).click()
    await page.locator('main.editor-screen').waitFor()
    expect(await notice(page, en).count()).toBe(0)

    await page.reload()
    await page.getByRole('button', { name: en.library.review }).click()
    await notice(page, en).waitFor()
    await page.getByLabel(en.review.assessor).fill('j.chen')
    await page.locator('input[type=file][multiple]').setInputFiles({
      name: 'amina.attempt.json',
      mimeType: 'application/json',
      buffer: Buffer.from(readText('tests/golden/spec-worked-example/attempt.json')),
    })
    await page.locator('tr[data-attempt]', { hasText: 'Amina Phiri' }).waitFor()
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows no notice on 127.0.0.1, which browsers treat as a secure context', async () => {
    const context = await newContext()
    const page = await openPage(context, baseUrl, 'secure no notice')
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true)
    await page.getByRole('heading', { name: en.library.title }).waitFor()
    await page.locator('li[data-scenario]').first().waitFor()
    expect(await notice(page, en).count()).toBe(0)
    expect(await page.getByText(en.insecure.text).count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })
})
