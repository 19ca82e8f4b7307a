// `npm run screenshots`: the README's pictures, made with headless Chromium from the production
// build — each bundled scenario from its start view as a learner sees it (1280×720, Detailed
// graphics, English), and one picture per look of the catalogue from the look sheet
// (`?sheet=looks&look=NAME`). It also rewrites the README's catalogue table between its markers,
// so the pictures and the list of looks never drift apart. The URL forces the graphics setting,
// so a slow machine never switches the pictures to Simple.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { format, resolveConfig } from 'prettier'
import { bundledScenarioNames } from '../src/build/checkScenariosPlugin.ts'
import { LOOKS, LOOK_NAMES, type LookName } from '../src/core/index.ts'
import { appUrl, launchChromium, stopApp } from '../tests/bench/app.ts'

const ROOT = new URL('..', import.meta.url).pathname
const OUT = 'docs/pictures'
const README = join(ROOT, 'README.md')
const START = '<!-- looks:start -->'
const END = '<!-- looks:end -->'

/**
 * Waits until the scene has drawn and then drawn nothing for a second (the looks have loaded), or,
 * where a machine runs and the scene keeps drawing, for 20 s of drawing.
 */
async function settle(page: Page): Promise<void> {
  let last = -1
  let since = Date.now()
  const until = Date.now() + 20_000
  while (Date.now() < until) {
    const frames = await page.evaluate(() => window.__practica?.renderInfo()?.frames ?? 0)
    if (frames > 0 && frames === last) {
      if (Date.now() - since > 1000) return
    } else {
      last = frames
      since = Date.now()
    }
    await page.waitForTimeout(100)
  }
  if (last <= 0) throw new Error(`the scene at ${page.url()} never drew`)
}

/** The README's table of looks: one row per look, its picture, the kinds it fits, its params. */
export function catalogueTable(): string {
  const rows = LOOK_NAMES.map((name: LookName) => {
    const info = LOOKS[name]
    const params = Object.keys(info.params).map((p) => `\`${p}\``)
    return `| \`${name}\` | ${info.kinds.join(', ')} | ${params.join(', ') || '—'} | ![${name}](${OUT}/look-${name}.jpg) |`
  })
  return [
    '| look | kinds | params | picture |',
    '| ---- | ----- | ------ | ------- |',
    ...rows,
  ].join('\n')
}

async function main(): Promise<void> {
  const dir = join(ROOT, OUT)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const url = await appUrl()
  const browser = await launchChromium()
  const errors: string[] = []
  try {
    const scenarios = bundledScenarioNames(ROOT).map((name) => ({
      name: name.replace(/\.json$/, ''),
      id: (JSON.parse(readFileSync(join(ROOT, 'scenarios', name), 'utf8')) as { id: string }).id,
    }))
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'en-US',
    })
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
    for (const { name, id } of scenarios) {
      await page.goto(`${url}?graphics=detailed`)
      await page.getByLabel('Your name').fill('Amina Phiri')
      await page.getByLabel('Learner ID').fill('s-1042')
      await page.locator(`li[data-scenario="${id}"]`).getByRole('button', { name: /Start/ }).click()
      await page.locator('canvas').waitFor()
      await settle(page)
      await page.screenshot({ path: join(dir, `scenario-${name}.jpg`), type: 'jpeg', quality: 80 })
      console.log(`${OUT}/scenario-${name}.jpg`)
    }
    await context.close()
    const sheet = await browser.newContext({
      viewport: { width: 480, height: 320 },
      locale: 'en-US',
    })
    const look = await sheet.newPage()
    look.on('pageerror', (e) => errors.push(`${look.url()}: ${e.message}`))
    for (const name of LOOK_NAMES) {
      await look.goto(`${url}?sheet=looks&look=${name}&graphics=detailed`)
      await look.locator('canvas').waitFor()
      await settle(look)
      await look.screenshot({ path: join(dir, `look-${name}.jpg`), type: 'jpeg', quality: 80 })
    }
    console.log(`${OUT}/look-*.jpg: ${LOOK_NAMES.length} looks`)
    await sheet.close()
  } finally {
    await browser.close()
    await stopApp()
  }
  if (errors.length > 0) throw new Error(`the pages threw:\n${errors.join('\n')}`)
  const readme = readFileSync(README, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`)
  const text = `${readme.slice(0, start + START.length)}\n${catalogueTable()}\n${readme.slice(end)}`
  // formatted as `npm run lint` checks it
  const options = await resolveConfig(README)
  writeFileSync(README, await format(text, { ...options, filepath: README }))
  console.log('README.md: catalogue table rewritten')
}

await main()
