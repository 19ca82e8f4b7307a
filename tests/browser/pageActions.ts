// Acts on the app's page shared by the browser tests and the browser benchmarks (no Vitest here,
// so the benchmarks can use them outside a test run).
import type { Page } from 'playwright-core'

/**
 * The app at `base` with `params` added to its query (an empty value: the bare name, as in
 * `?csp`), keeping the ones it has: `appUrl(baseUrl, { graphics: 'simple' })`.
 */
export function appUrl(base: string, params: Readonly<Record<string, string>> = {}): string {
  const url = new URL(base)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return url.href.replace(/=(?=&|$)/g, '')
}

/** Where a part is on the page, once the camera has come to rest. */
export async function partPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  let last = { x: NaN, y: NaN }
  for (let i = 0; i < 50; i++) {
    const p = await page.evaluate((part) => window.__practica?.partPoint(part), id)
    if (p && p.visible && Math.abs(p.x - last.x) < 0.5 && Math.abs(p.y - last.y) < 0.5) return p
    if (p) last = p
    await page.waitForTimeout(80)
  }
  throw new Error(`part ${id} is not on the screen`)
}

/** Starts the conveyor lockout in practice mode as Amina Phiri (s-1042). */
export async function startConveyor(
  page: Page,
  mode: 'Practice' | 'Assessment' = 'Practice',
): Promise<void> {
  await page.getByLabel('Your name').fill('Amina Phiri')
  await page.getByLabel('Learner ID').fill('s-1042')
  await page.getByRole('radio', { name: new RegExp(mode) }).check()
  await page.getByRole('button', { name: /Start: Lockout\/tagout of a belt conveyor/ }).click()
  await page.locator('canvas').waitFor()
}
