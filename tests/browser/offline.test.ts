// After one visit the app works with no network: the service worker serves the app and the
// bundled scenarios, and a scenario can be completed and its attempt downloaded. A new version of
// the app waits for the next visit and does not break the attempt in progress.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { bundledScenarioFiles, ROOT } from '../helpers.ts'
import {
  appAddress,
  appUrl,
  baseUrl,
  clickPart,
  downloadAttempt,
  downloadAttemptAndResult,
  eventsStored,
  finishAndShowResult,
  hasBrowser,
  openApp,
  resumeIn,
  scoreConveyor,
  setupBrowser,
  startConveyor,
} from './browser.ts'

setupBrowser()

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
}

/** A static server of one folder of the built app; `serve(folder)` switches what it deploys. */
async function deploy(folder: string) {
  let root = folder
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname))
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
    try {
      const body = readFileSync(file)
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    serve: (next: string) => (root = next),
    stop: () => new Promise((resolve) => server.close(resolve)),
  }
}

/** The version marker of the page's HTML, and the service worker caches this origin holds. */
function whichVersion(page: Page) {
  return page.evaluate(async () => ({
    build: document.querySelector('meta[name="x-build"]')?.getAttribute('content') ?? 'first',
    caches: (await caches.keys()).sort(),
  }))
}

/** The service worker's cache name (a constant of src/sw/serviceWorker.js). */
declare const CACHE: string

/**
 * Resolves when the new version's service worker has taken over, which it does once the last page
 * of the old version is gone: the moment a later visit gets the new version.
 */
async function newVersionActive(context: BrowserContext): Promise<void> {
  for (;;) {
    for (const worker of context.serviceWorkers()) {
      const seen = await worker
        .evaluate(() => ({
          cache: CACHE,
          state: (self as unknown as { serviceWorker: ServiceWorker }).serviceWorker.state,
        }))
        .catch(() => undefined)
      if (seen?.cache.endsWith('-next') && seen.state === 'activated') return
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

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
    await finishAndShowResult(page)
    const attempt = await downloadAttempt(page)
    expect(attempt.events.map((e) => e.target ?? e.action)).toEqual(['radio', 'stop_btn', 'end'])
  })

  // the scenarios in Simple graphics (their scenery's looks), then the look sheet in Detailed,
  // which draws every look of every family: each look module must come from the cache
  it('opens every bundled scenario offline, and the look sheet with every look module', async () => {
    const page = await openApp('offline scenarios')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await page.context().setOffline(true)
    const problems: string[] = []
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`))
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' || /no drawing/.test(m.text())) problems.push(m.text())
    })
    for (const file of bundledScenarioFiles()) {
      const title = (
        JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { title: string | { en: string } }
      ).title
      await page.goto(appAddress())
      await page.getByLabel('Your name').fill('Amina Phiri')
      await page.getByLabel('Learner ID').fill('s-1042')
      await page
        .getByRole('button', { name: `Start: ${typeof title === 'string' ? title : title.en}` })
        .click()
      await page.locator('canvas').waitFor({ timeout: 90_000 })
      await expect
        .poll(() => page.evaluate(() => window.__practica?.renderInfo()?.frames ?? 0), {
          timeout: 60_000,
        })
        .toBeGreaterThan(0)
      await page.waitForLoadState('networkidle')
    }
    // and the look sheet, which draws every look of every family in Detailed graphics (Simple
    // draws the plain parts of the kinds instead of most looks); software GL compiles the
    // Detailed shaders slowly
    await page.goto(appAddress({ url: appUrl(baseUrl, { sheet: 'looks' }), graphics: 'detailed' }))
    await page.locator('canvas').waitFor({ timeout: 90_000 })
    await page.waitForLoadState('networkidle')
    await expect
      .poll(() => page.evaluate(() => window.__practica?.renderInfo()?.frames ?? 0), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0)
    expect(await page.locator('[data-label-for]').count()).toBeGreaterThan(0)
    expect(problems).toEqual([])
  }, 240_000) // seven pages, one of them every look in Detailed graphics

  it('picks up a new version on the next visit without breaking the attempt in progress', async () => {
    // two deployments of the built app: the second has a changed page and service worker
    const folder = mkdtempSync(join(tmpdir(), 'practica-deploy-'))
    const [first, second] = [join(folder, 'first'), join(folder, 'second')]
    const dist = join(ROOT, process.env['PRACTICA_DIST'] ?? 'dist')
    cpSync(dist, first, { recursive: true })
    cpSync(dist, second, { recursive: true })
    const html = join(second, 'index.html')
    writeFileSync(
      html,
      readFileSync(html, 'utf8').replace(
        '<head>',
        '<head>\n<meta name="x-build" content="second">',
      ),
    )
    const sw = join(second, 'sw.js')
    writeFileSync(
      sw,
      readFileSync(sw, 'utf8').replace(/const VERSION = "(\w+)"/, 'const VERSION = "$1-next"'),
    )
    const site = await deploy(first)
    try {
      const page = await openApp('new version', { url: site.url })
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready
      })
      await page.reload()
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      const before = await whichVersion(page)
      expect(before.build).toBe('first')
      expect(before.caches).toHaveLength(1)

      await startConveyor(page)
      for (const part of ['glasses', 'gloves', 'radio']) await clickPart(page, part)
      // the new version is deployed, and found when the app is opened in another tab
      site.serve(second)
      const other = await page.context().newPage()
      await other.goto(appAddress({ url: site.url }))
      await other.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready
        await registration.update()
      })
      await other.waitForFunction(() =>
        navigator.serviceWorker
          .getRegistration()
          .then((registration) => registration?.waiting?.state === 'installed'),
      )
      expect((await whichVersion(other)).build).toBe('first')
      await other.close()
      // it waits: the old version keeps serving this page, and both versions are cached
      expect((await whichVersion(page)).caches).toHaveLength(2)
      for (const part of ['stop_btn', 'isolator', 'air_dump']) await clickPart(page, part)
      await expect.poll(() => eventsStored(page), { timeout: 10_000 }).toBe(6)
      expect((await whichVersion(page)).build).toBe('first')

      // the next visit, with no network at all: the new version, from its own cache, resumes
      const context = page.context()
      await page.close()
      await newVersionActive(context)
      await context.setOffline(true)
      const again = await resumeIn(context, appAddress({ url: site.url }))
      expect(await whichVersion(again)).toEqual({
        build: 'second',
        caches: [expect.stringMatching(/-next$/)],
      })
      await finishAndShowResult(again)
      const { attempt, shown } = await downloadAttemptAndResult(again)
      expect(attempt.events.map((e) => e.target ?? e.action)).toEqual([
        'glasses',
        'gloves',
        'radio',
        'stop_btn',
        'isolator',
        'air_dump',
        'end',
      ])
      expect(scoreConveyor(attempt)).toEqual(shown)
    } finally {
      await site.stop()
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
