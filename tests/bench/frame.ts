// `frame` and `frame-calls`: what the Detailed looks cost per frame against the Simple ones, in
// the built app in headless Chromium at 1280×720. Each bundled scenario is started in practice
// mode with `?graphics=detailed` and with `?graphics=simple` (the URL forces the setting, so
// nothing switches silently), and its camera is orbited frame by frame through the app's test
// hook. The figures come from the app's frame meter (src/view/scene/frameStats.ts): main-thread
// milliseconds from the start of R3F's frame to the end of its render (JavaScript and draw
// submission, which every device's CPU pays), and draw calls and triangles over all the render
// passes of a frame. Software GL's pixel fill happens in the GPU process and is not counted.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { bundledScenarioNames } from '../../src/build/checkScenariosPlugin.ts'
import { appUrl, launchChromium } from './app.ts'
import { makeResult, median, type BenchOptions, type BenchResult } from './harness.ts'

const ROOT = new URL('../..', import.meta.url).pathname
/** Goals: Detailed at most twice Simple's main-thread time, and at most 100 draw calls a frame. */
const TIME_GOAL = 2
const CALLS_GOAL = 100

interface Orbit {
  /** Median main-thread milliseconds per frame while orbiting. */
  readonly ms: number
  /** The most draw calls and triangles of one frame while orbiting. */
  readonly calls: number
  readonly triangles: number
  readonly frames: number
}

type Graphics = 'detailed' | 'simple'

/** How long the scene must draw nothing new to count as settled, and the longest wait for it. */
const SETTLED_MS = 1000
const SETTLE_LIMIT_MS = 30_000

/**
 * Waits until the scene has settled: for SETTLED_MS, every frame drawn (a running machine keeps
 * drawing) took as many draw calls as the one before, or none was drawn (it renders on demand).
 * Until then its looks' modules are arriving and its contact shadow is being baked again. Throws
 * if it never settles.
 */
async function waitUntilSettled(page: Page): Promise<void> {
  const settled = await page.evaluate(
    async ({ quiet, limit }) => {
      const hook = window.__practica!
      const start = performance.now()
      let { frames, calls } = hook.frameStats()!
      let since = performance.now()
      while (performance.now() - since < quiet) {
        if (performance.now() - start > limit) return false
        await new Promise((r) => requestAnimationFrame(r))
        const now = hook.frameStats()!
        if (now.frames !== frames && now.calls !== calls) since = performance.now()
        frames = now.frames
        calls = now.calls
      }
      return true
    },
    { quiet: SETTLED_MS, limit: SETTLE_LIMIT_MS },
  )
  if (!settled)
    throw new Error(`the scene had not settled ${SETTLE_LIMIT_MS / 1000} s after it started`)
}

/** Starts `scenario` and orbits its camera one step a frame for `frames` frames. */
async function orbit(
  browser: Browser,
  url: string,
  scenario: string,
  graphics: Graphics,
  frames: number,
): Promise<Orbit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${url}?graphics=${graphics}`)
    await page.getByLabel('Your name').fill('Bench')
    await page.getByLabel('Learner ID').fill('bench-1')
    await page
      .locator(`li[data-scenario="${scenario}"]`)
      .getByRole('button', { name: /Start/ })
      .click()
    await page.locator('canvas').waitFor()
    // the looks' modules load, the contact shadow is baked and the camera settles before anything
    // is measured (a fixed wait of 1.5 s caught the start's last bake, a frame that draws the scene
    // twice, as the busiest frame of the orbit on a busy machine)
    await page.waitForFunction(() => (window.__practica?.frameStats()?.frames ?? 0) > 0)
    await waitUntilSettled(page)
    const result = await page.evaluate(async (n) => {
      const hook = window.__practica!
      const before = hook.frameStats()!.frames
      const ms: number[] = []
      let calls = 0
      let triangles = 0
      for (let i = 0; i < n; i++) {
        hook.orbit(0.02, i % 40 < 20 ? 0.004 : -0.004)
        // the frame the orbit asked for, then the one after it, so that it has been measured
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
        const stats = hook.frameStats()!
        ms.push(stats.cpuMs[stats.cpuMs.length - 1]!)
        calls = Math.max(calls, stats.calls)
        triangles = Math.max(triangles, stats.triangles)
      }
      return { ms, calls, triangles, frames: hook.frameStats()!.frames - before }
    }, frames)
    if (errors.length > 0) throw new Error(`${scenario} (${graphics}) threw: ${errors.join('\n')}`)
    if (result.frames < frames)
      throw new Error(`${scenario} (${graphics}) drew ${result.frames} of ${frames} frames`)
    return { ...result, ms: median(result.ms) }
  } finally {
    await context.close()
  }
}

export async function runFrame(options: BenchOptions): Promise<BenchResult[]> {
  const frames = options.quick ? 10 : 60
  const scenarios = bundledScenarioNames(ROOT).map(
    (name) =>
      (JSON.parse(readFileSync(join(ROOT, 'scenarios', name), 'utf8')) as { id: string }).id,
  )
  const url = await appUrl()
  const browser = await launchChromium()
  const rows: { scenario: string; detailed: Orbit; simple: Orbit }[] = []
  try {
    for (const scenario of options.quick ? scenarios.slice(0, 1) : scenarios) {
      const detailed = await orbit(browser, url, scenario, 'detailed', frames)
      const simple = await orbit(browser, url, scenario, 'simple', frames)
      rows.push({ scenario, detailed, simple })
    }
  } finally {
    await browser.close()
  }
  // the scenario where Detailed costs most, relative to Simple, is the one reported
  const worst = rows.reduce((a, b) =>
    b.detailed.ms / b.simple.ms > a.detailed.ms / a.simple.ms ? b : a,
  )
  const busiest = rows.reduce((a, b) => (b.detailed.calls > a.detailed.calls ? b : a))
  const each = rows
    .map(
      (r) =>
        `${r.scenario} ${r.detailed.ms.toFixed(2)}/${r.simple.ms.toFixed(2)} ms, ` +
        `${r.detailed.calls}/${r.simple.calls} calls, ` +
        `${r.detailed.triangles}/${r.simple.triangles} triangles`,
    )
    .join('; ')
  const how =
    `${rows.length} bundled scenarios started in practice mode at 1280×720, camera orbited ` +
    `${frames} frames each with ?graphics=detailed and ?graphics=simple (Detailed/Simple): ${each}`
  return [
    makeResult({
      name: 'frame',
      unit: ' ms',
      ours: worst.detailed.ms,
      peer: worst.simple.ms,
      goals: [{ on: 'ratio', op: '<=', value: TIME_GOAL }],
      note:
        `main-thread milliseconds per frame (median; R3F frame start to end of render: ` +
        `JavaScript and draw submission), Detailed against Simple in the scenario where the ` +
        `ratio is highest (${worst.scenario}); ${how}`,
    }),
    makeResult({
      name: 'frame-calls',
      unit: ' calls',
      ours: busiest.detailed.calls,
      peer: busiest.simple.calls,
      goals: [{ on: 'ours', op: '<=', value: CALLS_GOAL }],
      note:
        `the most draw calls of one frame over all its render passes, Detailed (Simple beside ` +
        `it), in the busiest scenario (${busiest.scenario}); same runs`,
    }),
  ]
}
