// The idle cost of the live scene in headless Chromium: main-thread task time while nothing moves.
// What it compares is demand rendering (ours: R3F frameloop "demand", a frame only when something
// changed) against R3F's default frame loop (frameloop "always", a frame every display refresh):
// the same app and scene with `?frameloop=always`. It shows what demand rendering saves, not that
// another library is slower. Read from the DevTools protocol's Performance metrics, so it counts
// every task of the page's main thread.
import type { Browser, Page } from 'playwright-core'
import { appUrl, launchChromium } from './app.ts'
import { partPoint, startConveyor } from '../browser/pageActions.ts'
import { makeResult, median, type BenchOptions, type BenchResult } from './harness.ts'

interface IdleSample {
  /** Seconds of main-thread task time. */
  readonly taskSeconds: number
  /** Frames the scene drew meanwhile, where the app's test hook tells. */
  readonly frames: number | undefined
}

/** Main-thread task time over `seconds` of the conveyor at rest. */
async function idleTaskTime(
  browser: Browser,
  url: string,
  frameloop: 'demand' | 'always',
  seconds: number,
  settleMs: number,
): Promise<IdleSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    const page = await context.newPage()
    await startConveyorPractice(page, frameloop === 'always' ? `${url}?frameloop=always` : url)
    // the belt runs at the start: stop it with its stop button (a real click), then point nowhere
    const stop = await partPoint(page, 'stop_btn')
    await page.mouse.click(stop.x, stop.y)
    await page
      .locator('li[data-step="stop"]:is([data-status="done"], [data-status="outOfOrder"])')
      .waitFor()
    await page.mouse.move(2, 2)
    await page.waitForTimeout(settleMs)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const taskDuration = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return metrics.find((m) => m.name === 'TaskDuration')!.value
    }
    const before = { task: await taskDuration(), frames: await framesDrawn(page) }
    await page.waitForTimeout(seconds * 1000)
    const after = { task: await taskDuration(), frames: await framesDrawn(page) }
    return {
      taskSeconds: after.task - before.task,
      frames:
        after.frames === undefined || before.frames === undefined
          ? undefined
          : after.frames - before.frames,
    }
  } finally {
    await context.close()
  }
}

/** Frames the scene has drawn so far, where the app's test hook tells. */
function framesDrawn(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    const hook = window.__practica as
      { renderInfo?: () => { frames: number } | undefined } | undefined
    return hook?.renderInfo?.()?.frames
  })
}

/** Opens the app at `url` and starts the conveyor lockout in practice mode as Amina Phiri. */
export async function startConveyorPractice(page: Page, url: string): Promise<void> {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    await page.goto(url)
    await startConveyor(page)
  } catch (e) {
    if (errors.length === 0) throw e
    throw new Error(`the conveyor did not start; the page threw:\n${errors.join('\n')}`, {
      cause: e,
    })
  }
}

/**
 * `idle`: main-thread task time over 5 s (quick: 1 s) of the conveyor scenario with the belt
 * stopped, demand rendering (ours) against the default frame loop, frameloop "always", in 5
 * alternating rounds (quick: 1).
 */
export async function runIdle(options: BenchOptions): Promise<BenchResult[]> {
  const seconds = options.quick ? 1 : 5
  const rounds = options.quick ? 1 : 5
  // the scene settles after the stop before anything is measured
  const settleMs = options.quick ? 500 : 2000
  const url = await appUrl()
  const browser = await launchChromium()
  try {
    const ours: IdleSample[] = []
    const peer: IdleSample[] = []
    const ratios: number[] = []
    for (let i = 0; i < rounds; i++) {
      const o = await idleTaskTime(browser, url, 'demand', seconds, settleMs)
      const p = await idleTaskTime(browser, url, 'always', seconds, settleMs)
      ours.push(o)
      peer.push(p)
      ratios.push(o.taskSeconds / p.taskSeconds)
    }
    const frames = (samples: IdleSample[]) =>
      samples.map((s) => (s.frames === undefined ? '?' : String(s.frames))).join('/')
    return [
      makeResult({
        name: 'idle',
        unit: 's',
        ours: median(ours.map((s) => s.taskSeconds)),
        peer: median(peer.map((s) => s.taskSeconds)),
        ratio: median(ratios),
        goals: [{ on: 'ratio', op: '<=', value: 0.05 }],
        note:
          `demand rendering against R3F's default frame loop: main-thread task time (DevTools ` +
          `TaskDuration) over ${seconds} s of the conveyor in practice mode, belt stopped by its ` +
          `stop button, clock ticking; ours: frameloop "demand"; peer: the same app and scene ` +
          `with frameloop "always" (R3F's default); median of ${rounds} alternating round(s), ` +
          `ratios ${ratios.map((r) => r.toFixed(3)).join('/')}; frames drawn meanwhile: ours ` +
          `${frames(ours)}, peer ${frames(peer)}`,
      }),
    ]
  } finally {
    await browser.close()
  }
}
