// Every hostile file through the browser's open paths (the library's file picker and the review
// import): refused with its message, nothing else changes, no prototype is polluted.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readText } from '../helpers.ts'
import { hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

const scenario = readText('scenarios/conveyor-loto.json')
const attempt = readText('tests/golden/spec-worked-example/attempt.json')

const HOSTILE: [name: string, content: string, message: RegExp][] = [
  ['big.json', `{"x": "${'a'.repeat(5 * 1024 * 1024)}"}`, /larger than 5 MB/],
  [
    'malformed.json',
    '{"format": "practica.scenario/1",\n  "id": }',
    /not valid JSON: line 2, column 9/,
  ],
  ['deep.json', '['.repeat(100) + ']'.repeat(100), /nesting is deeper than 64 levels/],
  [
    'proto.json',
    scenario.replace('"format"', '"__proto__": {"polluted": true}, "format"'),
    /the key "__proto__" is not allowed/,
  ],
  [
    'constructor.json',
    attempt.replace('"format"', '"constructor": {"prototype": {"polluted": true}}, "format"'),
    /the key "constructor" is not allowed/,
  ],
  [
    'infinite.json',
    scenario.replace('"estimatedMinutes": 8', '"estimatedMinutes": 1e309'),
    /the number 1e309 is too large/,
  ],
  [
    'surrogate.json',
    scenario.replace('"Safety glasses"', '"Safety \\ud800 glasses"'),
    /lone surrogate/,
  ],
  ['bom.json', '\ufeff' + scenario, /byte-order mark/],
  [
    'expression.json',
    scenario.replace('"lit": "run > 0"', '"lit": "constructor.constructor(\'x\')()"'),
    /components\[9\]\.lit: column/,
  ],
]

/** What a fresh object in the page inherits under the name "polluted" (must be nothing). */
async function polluted(page: Page): Promise<unknown> {
  return page.evaluate(() => (({}) as { polluted?: unknown }).polluted ?? null)
}

describe.skipIf(!hasBrowser)('hostile files in the browser', () => {
  it('refuses each through the library file picker, with its message', async () => {
    const page = await openApp('hostile library')
    const input = page.locator('input[type=file]')
    for (const [name, content, message] of HOSTILE.filter(([n]) => n !== 'constructor.json')) {
      await input.setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(content),
      })
      const alert = page.getByRole('alert')
      await alert.getByText(`${name} cannot be used`).waitFor()
      expect(await alert.textContent(), name).toMatch(message)
    }
    expect(await page.locator('li.card').count()).toBe(6)
    expect(await polluted(page)).toBeNull()
    expect(
      await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).includes('polluted')),
    ).toBe(false)
  })

  it('lists each as a file with problems in the review import, and imports the rest', async () => {
    const page = await openApp('hostile review')
    await page.getByRole('button', { name: 'Review attempts' }).click()
    const files = HOSTILE.map(([name, content]) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    }))
    files.push({
      name: 'good.attempt.json',
      mimeType: 'application/json',
      buffer: Buffer.from(attempt),
    })
    await page.locator('input[type=file][multiple]').setInputFiles(files)
    await page.getByText(`1 attempts · ${HOSTILE.length} files with problems`).waitFor()
    const listed = await page.locator('section.problems li').allTextContents()
    for (const [name, , message] of HOSTILE) {
      expect(
        listed.find((l) => l.startsWith(name)),
        name,
      ).toMatch(message)
    }
    expect(await polluted(page)).toBeNull()
  })
})
