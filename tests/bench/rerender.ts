// How many React components one learner act re-renders, in headless Chromium on the built app.
// A stand-in for the React DevTools hook, installed before the app loads, sees every commit of
// both renderers (react-dom and the R3F reconciler) and counts the components that rendered in it.
import { existsSync } from 'node:fs'
import { chromium, type Page } from 'playwright-core'
import { build, preview } from 'vite'
import { CHROMIUM } from '../browser/server.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'
import { partPoint } from '../browser/pageActions.ts'
import { startConveyorPractice } from './idle.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const OUT_DIR = '.bench/dist-rerender'

/**
 * The page's render counter, as plain JS (a TypeScript function would be serialized with the
 * helpers tsx adds). Walks each committed tree the way React DevTools does: a subtree whose child
 * list the commit did not replace was not rendered; a fiber without an alternate was mounted; an
 * updated one rendered only if it has PerformedWork (1), which a bailout never sets. Memo wrappers
 * (14) are skipped: the component inside them is counted once, as itself.
 */
const COUNTER = `(() => {
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]) // function, class, forwardRef, simple memo
  const PERFORMED_WORK = 1
  const rendered = []
  let commits = 0
  let nextId = 0
  const nameOf = (fiber) => {
    const type = fiber.type
    if (!type) return 'Anonymous'
    return type.displayName || type.name || (type.render && (type.render.displayName || type.render.name)) || 'Anonymous'
  }
  const record = (fiber) => {
    if (COMPONENT_TAGS.has(fiber.tag)) rendered.push(nameOf(fiber))
  }
  const mount = (fiber) => {
    record(fiber)
    for (let child = fiber.child; child; child = child.sibling) mount(child)
  }
  const update = (next, prev) => {
    if (next.flags & PERFORMED_WORK) record(next)
    if (next.child === prev.child) return
    for (let child = next.child; child; child = child.sibling) {
      if (child.alternate) update(child, child.alternate)
      else mount(child)
    }
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(internals) {
      const id = ++nextId
      this.renderers.set(id, internals)
      return id
    },
    onCommitFiberRoot(id, root) {
      const current = root.current
      const prev = current.alternate
      const wasMounted = prev && prev.memoizedState && prev.memoizedState.element != null
      if (wasMounted) update(current, prev)
      else mount(current)
      commits++
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  }
  window.__renders = {
    reset() {
      rendered.length = 0
      commits = 0
    },
    read() {
      return { names: [...rendered], commits }
    },
  }
})()`

interface Renders {
  readonly names: string[]
  readonly commits: number
}

declare global {
  interface Window {
    __renders?: { reset(): void; read(): Renders }
  }
}

/** Builds the app unminified (component names stay readable; React is its production build). */
async function serveUnminified(): Promise<{ url: string; stop: () => Promise<void> }> {
  const nodeEnv = process.env['NODE_ENV']
  // a production build, also when run under Vitest (NODE_ENV=test)
  process.env['NODE_ENV'] = 'production'
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'error',
      build: { outDir: OUT_DIR, minify: false },
    })
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV']
    else process.env['NODE_ENV'] = nodeEnv
  }
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0 },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('the preview server has no address')
  return { url, stop: () => server.close() }
}

/** The renders so far, once no commit has come for `quietMs` of real time (at most `maxMs`). */
async function rendersWhenQuiet(page: Page, quietMs: number, maxMs: number): Promise<Renders> {
  const until = Date.now() + maxMs
  let last = await page.evaluate(() => window.__renders!.read())
  let since = Date.now()
  for (;;) {
    await new Promise((r) => setTimeout(r, 50))
    const r = await page.evaluate(() => window.__renders!.read())
    if (r.commits !== last.commits) since = Date.now()
    last = r
    if (Date.now() - since >= quietMs || Date.now() > until) return r
  }
}

/**
 * Holds the page's clock still a few hundred milliseconds into an attempt second, so neither the
 * simulation's ticks nor the attempt clock's once-a-second render can land in what is measured.
 */
async function holdClockMidSecond(page: Page): Promise<void> {
  // a little ahead of the page's time; further ahead when the page answered too slowly for that
  for (let ahead = 100; ; ahead *= 4) {
    const now = await page.evaluate(() => Date.now())
    try {
      await page.clock.pauseAt(now + ahead)
      break
    } catch (e) {
      if (ahead > 5000 || !String(e).includes('to the past')) throw e
    }
  }
  const clock = page.locator('.clock strong')
  const shown = await clock.textContent()
  for (let i = 0; i < 12 && (await clock.textContent()) === shown; i++) await page.clock.runFor(100)
  await page.clock.runFor(300)
}

/** Counts by name, most first: "ItemPart ×2, Announcer ×1". */
function tally(names: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([n, c]) => `${n} ×${c}`)
    .join(', ')
}

/**
 * `rerender`: components re-rendered by one learner act (a click on the safety glasses, which
 * completes the checklist's first step) in practice mode on the conveyor scenario.
 */
export async function runRerender(options: BenchOptions): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`rerender needs Chromium at ${CHROMIUM}`)
  const settleMs = options.quick ? 300 : 1000
  const server = await serveUnminified()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-quic'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.addInitScript({ content: COUNTER })
    // a clock the bench can hold still; it runs like the real one until then
    await page.clock.install()
    await startConveyorPractice(page, server.url)
    const mounted = await page.evaluate(() => window.__renders!.read())
    if (mounted.names.length === 0) throw new Error('the render counter saw no components mount')
    // point at the glasses first: pointing is not an act; its renders are reported apart
    const glasses = await partPoint(page, 'glasses')
    await page.waitForTimeout(settleMs)
    await holdClockMidSecond(page)
    await rendersWhenQuiet(page, 300, 3000)
    await page.evaluate(() => window.__renders!.reset())
    await page.mouse.move(glasses.x, glasses.y)
    const pointing = await rendersWhenQuiet(page, 300, 3000)
    await page.evaluate(() => window.__renders!.reset())
    await page.mouse.down()
    await page.mouse.up()
    await rendersWhenQuiet(page, 500, 5000)
    // whatever the act left on a timer, still inside the same attempt second
    await page.clock.runFor(400)
    const acted = await rendersWhenQuiet(page, 500, 5000)
    const status = await page.locator('li[data-step="ppe-glasses"]').getAttribute('data-status')
    if (status !== 'done') throw new Error(`the click on the glasses left its step ${status}`)
    return [
      makeResult({
        name: 'rerender',
        unit: 'components',
        ours: acted.names.length,
        // the act changes three things a learner sees or hears: its checklist step, the worn-PPE
        // tray (the glasses are worn now) and the screen reader's announcement; nothing else
        goals: [{ on: 'ours', op: '<=', value: 3 }],
        note:
          `one act (click on the glasses: step "ppe-glasses" done) in practice mode, conveyor, ` +
          `page clock held mid-second, then run 400 ms; ${acted.commits} commit(s), react-dom ` +
          `and R3F trees: ${tally(acted.names) || 'none'}; ` +
          `pointing at the glasses before it (not counted): ${tally(pointing.names) || 'none'}`,
      }),
    ]
  } finally {
    await browser.close()
    await server.stop()
  }
}
