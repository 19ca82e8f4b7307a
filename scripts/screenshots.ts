// `npm run screenshots`: the README's pictures, made with headless Chromium from the production
// build — each bundled scenario from its start view as a learner sees it (1280×720, Detailed
// graphics, English), and one picture per look of the catalogue from the look sheet
// (`?sheet=looks&look=NAME`). It also rewrites the README's catalogue table between its markers,
// so the pictures and the list of looks never drift apart. The URL forces the graphics setting,
// so a slow machine never switches the pictures to Simple. Each look is drawn at 640 × 360 and
// the look sheet frames its camera for the window's shape, so every copy is in the picture.
//
// `--only valve.gate,static.bogie` takes the pictures of those looks alone (no scenarios, no
// README); `--out DIR` writes the pictures to DIR instead of docs/pictures (to try a change).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { format, resolveConfig } from 'prettier'
import { bundledScenarioNames } from '../src/build/checkScenariosPlugin.ts'
import { LOOKS, LOOK_NAMES, type LookName } from '../src/core/index.ts'
import { appUrl, launchChromium, stopApp } from '../tests/bench/app.ts'

const ROOT = new URL('..', import.meta.url).pathname
const OUT = 'docs/pictures'
const README = join(ROOT, 'README.md')
const START = '<!-- looks:start -->'
const END = '<!-- looks:end -->'
/** The size of a look's picture: 16:9, the shape the look sheet is framed for by default. */
const LOOK_PICTURE = { width: 640, height: 360 }

interface Options {
  /** The looks to take, or every look, the scenarios and the README when undefined. */
  readonly only: readonly LookName[] | undefined
  /** The folder the pictures go to, absolute. */
  readonly out: string
}

/** Reads `--only a,b` and `--out DIR`; throws with what to fix on anything else. */
function readOptions(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    options: { only: { type: 'string' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  })
  const only = values.only?.split(',').map((name) => name.trim())
  const unknown = only?.filter((name) => !(LOOK_NAMES as readonly string[]).includes(name))
  if (only?.length === 0 || (unknown && unknown.length > 0))
    throw new Error(
      `--only takes look names separated by commas; not a look: ${unknown?.join(', ') || '(none given)'}. The looks: ${LOOK_NAMES.join(', ')}`,
    )
  const out = values.out ?? OUT
  return {
    only: only as LookName[] | undefined,
    out: isAbsolute(out) ? out : join(ROOT, out),
  }
}

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

/** Takes a picture of each bundled scenario from its start view, as a learner sees it. */
async function scenarioPictures(url: string, browser: Browser, dir: string, errors: string[]) {
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
    console.log(`${dir}/scenario-${name}.jpg`)
  }
  await context.close()
}

/** Takes a picture of each of `looks` from its look sheet, every copy in the frame. */
async function lookPictures(
  url: string,
  browser: Browser,
  dir: string,
  looks: readonly LookName[],
  errors: string[],
) {
  const sheet = await browser.newContext({ viewport: LOOK_PICTURE, locale: 'en-US' })
  const look = await sheet.newPage()
  look.on('pageerror', (e) => errors.push(`${look.url()}: ${e.message}`))
  for (const name of looks) {
    await look.goto(`${url}?sheet=looks&look=${name}&graphics=detailed`)
    await look.locator('canvas').waitFor()
    await settle(look)
    await look.screenshot({ path: join(dir, `look-${name}.jpg`), type: 'jpeg', quality: 80 })
  }
  console.log(`${dir}/look-*.jpg: ${looks.length} looks`)
  await sheet.close()
}

/** Rewrites the README's catalogue table between its markers, formatted as the lint checks it. */
async function rewriteCatalogue(): Promise<void> {
  const readme = readFileSync(README, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`)
  const text = `${readme.slice(0, start + START.length)}\n${catalogueTable()}\n${readme.slice(end)}`
  const options = await resolveConfig(README)
  writeFileSync(README, await format(text, { ...options, filepath: README }))
  console.log('README.md: catalogue table rewritten')
}

async function main(): Promise<void> {
  const { only, out } = readOptions(process.argv.slice(2))
  // a whole run starts from an empty folder; a run of a few looks keeps the other pictures
  if (!only) rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const url = await appUrl()
  const browser = await launchChromium()
  const errors: string[] = []
  try {
    if (!only) await scenarioPictures(url, browser, out, errors)
    await lookPictures(url, browser, out, only ?? LOOK_NAMES, errors)
  } finally {
    await browser.close()
    await stopApp()
  }
  if (errors.length > 0) throw new Error(`the pages threw:\n${errors.join('\n')}`)
  if (!only) await rewriteCatalogue()
}

await main()
