// An accessibility check for the browser tests: axe-core runs in the page as the learner gets it,
// and any serious or critical violation fails the test with what is wrong and where.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, Result } from 'axe-core'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

type WithAxe = typeof globalThis & {
  axe?: { run: (context: Document | string) => Promise<AxeResults> }
}

/**
 * The violations axe-core finds on `page` (within the CSS selector `context`), with any impact,
 * and text drawn in its own background's colour, which axe leaves for a person to review.
 */
export async function axeViolations(page: Page, context?: string): Promise<Result[]> {
  // evaluated through the DevTools protocol: the app's `script-src 'self'` would refuse a
  // <script> tag with the source inline, and turning the policy off would test another page
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE)
  // typed after the call: Playwright's mapping of axe's deep result types is too deep for tsc
  const found: unknown = await page.evaluate(async (within: string | null): Promise<unknown> => {
    const { axe } = globalThis as WithAxe
    const { violations, incomplete } = await axe!.run(within ?? document)
    const invisible = incomplete
      .filter((r) => r.id === 'color-contrast')
      .map((r) => ({
        ...r,
        impact: 'serious' as const,
        nodes: r.nodes.filter((n) => n.any.some((c) => c.data?.messageKey === 'equalRatio')),
      }))
      .filter((r) => r.nodes.length > 0)
    return [...violations, ...invisible]
  }, context ?? null)
  return found as Result[]
}

/** One line per violation: its id, impact, help and the elements it found. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n` +
        v.nodes
          .map(
            (n) =>
              `  ${JSON.stringify(n.target)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
          )
          .join('\n'),
    )
    .join('\n')
}

/** Fails when axe-core finds a serious or critical violation on `page`, listing each one. */
export async function expectNoSeriousAxe(page: Page, context?: string): Promise<void> {
  const serious = (await axeViolations(page, context)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  if (serious.length)
    throw new Error(
      `axe-core found ${serious.length} serious or critical violation(s):\n${describeViolations(serious)}`,
    )
}

/**
 * `expectNoSeriousAxe` on the section `within`, in English and then in Chinese (switched by the
 * page's language choice, waiting for `chinese` to show in it), back in English at the end. With
 * PRACTICA_SHOTS set to a folder, each language's screen is saved there as `name-en.png`/`-zh`.
 */
export async function expectNoSeriousAxeInBoth(
  page: Page,
  within: string,
  chinese: string,
  name: string,
): Promise<void> {
  const shots = process.env['PRACTICA_SHOTS']
  const check = async (language: string) => {
    await expectNoSeriousAxe(page, within)
    if (!shots) return
    await page.locator(within).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${shots}/${name}-${language}.png` })
  }
  await check('en')
  await page.locator('.language-switch select').first().selectOption('zh-CN')
  await page.locator(within).getByText(chinese).first().waitFor()
  await check('zh')
  await page.locator('.language-switch select').first().selectOption('en')
}
