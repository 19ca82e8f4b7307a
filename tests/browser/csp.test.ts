// The built app under its Content Security Policy in headless Chromium: playing, the editor's
// solver worker and the assessor's import run without one violation, hostile labels stay text
// and a model URL is refused without a request.
import { readFileSync } from 'node:fs'
import type { Page, Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readText } from '../helpers.ts'
import {
  appAddress,
  appUrl,
  baseUrl,
  clickPart,
  expectStep,
  finishAndShowResult,
  hasBrowser,
  newAppPage,
  openApp,
  playReplayToEnd,
  setupBrowser,
  startConveyor,
} from './browser.ts'

setupBrowser()

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'"

interface Watched {
  readonly page: Page
  /** The response of the app's page, loaded with the recorders in place. */
  readonly response: Response
  /** Every request the page and its workers made. */
  readonly requests: string[]
  /** Every dialog (alert, confirm, prompt) the page opened. */
  readonly dialogs: string[]
  /** The `securitypolicyviolation` events of the page and its workers, as `directive uri file`. */
  violations(): Promise<string[]>
}

declare global {
  interface Window {
    __cspViolations?: string[]
  }
}

const WORKER_MARK = 'securitypolicyviolation in a worker:'

/**
 * The app with every CSP violation, request and dialog recorded. The page records violations on
 * window; a worker, whose events the page cannot see, logs them, so its script gets a listener
 * put in front (served with the server's own headers, the policy among them). The service worker
 * is blocked, or it would serve that script from its cache, without the listener.
 */
async function openWatched(name: string): Promise<Watched> {
  const page = await newAppPage(name, { serviceWorkers: 'block' })
  const requests: string[] = []
  const dialogs: string[] = []
  const workerViolations: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  page.on('console', (m) => {
    if (m.text().startsWith(WORKER_MARK)) workerViolations.push(m.text())
  })
  await page.route(/\.worker-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch()
    const listener = `self.addEventListener('securitypolicyviolation', (e) => console.error(${JSON.stringify(WORKER_MARK)}, e.effectiveDirective, e.blockedURI, e.sourceFile));\n`
    await route.fulfill({ response, body: listener + (await response.text()) })
  })
  await page.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}`)
    })
  })
  // a new URL, so the page comes with its headers rather than as a 304 from the cache
  const response = await page.goto(appAddress({ url: appUrl(baseUrl, { csp: '' }) }))
  if (response === null) throw new Error('the page gave no response')
  await page.locator('li[data-scenario="conveyor-loto"]').waitFor()
  return {
    page,
    response,
    requests,
    dialogs,
    violations: async () => [
      ...(await page.evaluate(() => window.__cspViolations ?? [])),
      ...workerViolations,
    ],
  }
}

async function expectNoViolations(w: Watched): Promise<void> {
  expect(await w.violations()).toEqual([])
}

function jsonFile(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) }
}

describe.skipIf(!hasBrowser)('Content Security Policy', () => {
  it('is sent with the page by the preview server, and public/_headers gives the same policy', async () => {
    const w = await openWatched('csp header')
    expect(w.response.status()).toBe(200)
    expect(await w.response.headerValue('content-security-policy')).toBe(POLICY)
    // and enforced: a script put into the page does not run, and the recorder sees it refused
    const ran = await w.page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.append(script)
      return (window as { __inlineRan?: boolean }).__inlineRan === true
    })
    expect(ran).toBe(false)
    expect(await w.violations()).toContainEqual(expect.stringMatching(/^script-src-elem inline /))
    const headers = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8')
    expect(headers).toContain(`  Content-Security-Policy: ${POLICY}\n`)
  })

  it('is kept on the page the service worker serves from its cache', async () => {
    const page = await openApp('csp service worker')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    const response = await page.goto(appAddress({ url: appUrl(baseUrl, { 'from-cache': '' }) }))
    expect(response?.fromServiceWorker()).toBe(true)
    expect(await response?.headerValue('content-security-policy')).toBe(POLICY)
  })

  it('reports no violation while the conveyor scenario is played in practice mode', async () => {
    const w = await openWatched('csp play')
    await startConveyor(w.page)
    await clickPart(w.page, 'glasses')
    await expectStep(w.page, 'ppe-glasses', 'done')
    await clickPart(w.page, 'gloves')
    await clickPart(w.page, 'radio')
    await expectStep(w.page, 'notify', 'done')
    await clickPart(w.page, 'stop_btn')
    await clickPart(w.page, 'isolator')
    await expectStep(w.page, 'isolate', 'done')
    await clickPart(w.page, 'isolator', 'right')
    await w.page.getByRole('menuitem', { name: 'Apply lock' }).click()
    await expectStep(w.page, 'lock', 'done')
    await finishAndShowResult(w.page)
    await w.page.getByText('Not passed').waitFor()
    await expectNoViolations(w)
  })

  it('reports no violation while the editor checks the conveyor scenario in its solver worker', async () => {
    const w = await openWatched('csp editor')
    await w.page.getByRole('button', { name: 'Edit scenarios' }).click()
    await w.page.getByRole('button', { name: 'Edit conveyor-loto.json' }).click()
    await w.page.getByText('The scenario is valid.').waitFor()
    await w.page.locator('[data-outline="components:isolator"]').click()
    // the solver runs in the background after every change, the first as the draft opens
    await w.page.getByText(/^Solvable: every step/).waitFor()
    expect(w.requests.some((url) => /solve\.worker-[\w-]+\.js$/.test(url))).toBe(true)
    await expectNoViolations(w)
  })

  it('reports no violation while the assessor imports an attempt file', async () => {
    const w = await openWatched('csp review')
    await w.page.getByRole('button', { name: 'Review attempts' }).click()
    await w.page
      .locator('input[type=file][multiple]')
      .setInputFiles([
        jsonFile('amina.attempt.json', readText('tests/golden/spec-worked-example/attempt.json')),
      ])
    await w.page.getByText('1 attempts · 0 files with problems').waitFor()
    const row = w.page.locator('tr[data-attempt]', { hasText: 'Amina Phiri' })
    await row.getByRole('button').click()
    await playReplayToEnd(w.page)
    await expectNoViolations(w)
  })
})

describe.skipIf(!hasBrowser)('hostile scenario files opened from disk', () => {
  const IMG = '<img src=x onerror=alert(1)>'
  const JS_URL = 'javascript:alert(1)'
  const SVG = '<svg onload=alert(2)><script>alert(3)</script></svg>'

  function hostileScenario(): string {
    const s = JSON.parse(readText('scenarios/conveyor-loto.json'))
    s.id = 'hostile-conveyor'
    s.title.en = `Hostile ${IMG}`
    s.description.en = `${SVG} ${JS_URL}`
    s.components.find((c: any) => c.id === 'glasses').label.en = IMG
    s.components.find((c: any) => c.id === 'gloves').label.en = JS_URL
    s.components.find((c: any) => c.id === 'radio').label.en = SVG
    s.steps.find((st: any) => st.id === 'ppe-glasses').title.en = IMG
    s.steps.find((st: any) => st.id === 'ppe-gloves').title.en = JS_URL
    s.steps.find((st: any) => st.id === 'notify').title.en = SVG
    return JSON.stringify(s, null, 2)
  }

  it('shows labels holding markup and javascript: URLs as inert text', async () => {
    const w = await openWatched('csp hostile labels')
    const { page } = w
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles(jsonFile('hostile.json', hostileScenario()))
    const card = page.locator('li[data-scenario="hostile-conveyor"]')
    await card.getByText(`Hostile ${IMG}`).waitFor()
    await card.getByRole('button', { name: /Start/ }).click()
    await page.locator('canvas').waitFor()
    for (const [step, text] of [
      ['ppe-glasses', IMG],
      ['ppe-gloves', JS_URL],
      ['notify', SVG],
    ] as const) {
      expect(await page.locator(`li[data-step="${step}"]`).textContent()).toContain(text)
    }
    // the labels are there as text; a click on the parts still acts
    await clickPart(page, 'glasses')
    await expectStep(page, 'ppe-glasses', 'done')
    await clickPart(page, 'radio')
    await expectStep(page, 'notify', 'done')
    // the parts' names are the labels too, as text
    expect(await page.locator('[data-part="glasses"]').getAttribute('aria-label')).toContain(IMG)
    expect(await page.locator('[data-part="radio"]').getAttribute('aria-label')).toContain(SVG)
    await finishAndShowResult(page)
    await page.getByText(IMG, { exact: true }).first().waitFor()
    await page.getByText(JS_URL, { exact: true }).first().waitFor()
    await page.waitForTimeout(300)

    const created = await page.evaluate(() => ({
      fromX: document.querySelectorAll('[src="x"], [href="x"]').length,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      scriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')
        .length,
      svgInSteps: document.querySelectorAll('[data-step] svg').length,
    }))
    expect(created).toEqual({
      fromX: 0,
      inlineScripts: 0,
      handlers: 0,
      scriptLinks: 0,
      svgInSteps: 0,
    })
    expect(w.dialogs).toEqual([])
    expect(w.requests.filter((url) => /\/x$|javascript:/.test(url))).toEqual([])
    await expectNoViolations(w)
  })

  it('refuses a component model given as a URL with its validation message, and fetches nothing', async () => {
    const w = await openWatched('csp model url')
    const { page } = w
    const s = JSON.parse(readText('scenarios/conveyor-loto.json'))
    s.id = 'remote-model'
    s.components.find((c: any) => c.id === 'glasses').model = 'https://example.com/x.glb'
    const before = w.requests.length
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles(jsonFile('remote.json', JSON.stringify(s, null, 2)))
    const alert = page.getByRole('alert')
    await alert.getByText('remote.json cannot be used').waitFor()
    expect(await alert.locator('li').allTextContents()).toEqual([
      'components[0].model: "https://example.com/x.glb" must be a path relative to the scenario file, not a URL',
    ])
    expect(await page.locator('li[data-scenario="remote-model"]').count()).toBe(0)
    await page.waitForTimeout(300)
    // only the app's own code for checking an opened file, never the model
    const scripts = (url: string) => /^\/assets\/[\w-]+\.js$/.test(new URL(url).pathname)
    expect(w.requests.slice(before).filter((url) => !scripts(url))).toEqual([])
    expect(w.requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([])
    await expectNoViolations(w)
  })
})
