// A scenario that validates but makes a mistake in the middle of a run (tests/fixtures/runtime-error:
// the second press of the copy button, after the source was turned to b, sets the mode selector to
// "b", which is not one of its states). In play, replay, the editor's try-it and the solver the page
// says so in the learner's language, throws nothing uncaught, and offers every event so far.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadScenario, scoreAttempt, type Attempt } from '../../src/core/index.ts'
import { readInterfaceTexts, readText } from '../helpers.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { clickPart, downloadJson, hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

const SCENARIO = readText('tests/fixtures/runtime-error/scenario.json')
const ATTEMPT = readText('tests/fixtures/runtime-error/attempt.json')
const en = readInterfaceTexts('en')
const zh = readInterfaceTexts('zh-CN')

const file = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
})

/** Uncaught errors and unhandled rejections of the page from now on. */
function uncaught(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/** The acts that meet the mistake: source to b, then the copy button twice. */
async function meetTheMistake(page: Page): Promise<void> {
  await clickPart(page, 'source')
  await clickPart(page, 'copy_btn')
  await clickPart(page, 'copy_btn')
}

/** The notice of a scenario's mistake in `texts`' language, and the attempt it offers. */
async function noticeAndDownload(page: Page, texts: typeof en): Promise<Attempt> {
  const notice = page.getByRole('alert').filter({ hasText: texts.runtimeError.title })
  await notice.getByRole('heading', { name: texts.runtimeError.title }).waitFor()
  await notice.getByText(texts.runtimeError.explain).waitFor()
  return (await downloadJson(page, () =>
    notice.getByRole('button', { name: texts.runtimeError.download }).click(),
  )) as Attempt
}

/** Tabs from the top of the page to the notice's download button, then Enter downloads the attempt. */
async function downloadByKeyboard(page: Page, texts: typeof en): Promise<Attempt> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  for (let tabs = 0; tabs < 30; tabs++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim())
    if (focused === texts.runtimeError.download)
      return (await downloadJson(page, () => page.keyboard.press('Enter'))) as Attempt
  }
  throw new Error(`Tab never reached "${texts.runtimeError.download}"`)
}

/** Starts `scenario` from a file in the library, with the page's language. */
async function startFromFile(page: Page, texts: typeof en, scenario = SCENARIO): Promise<void> {
  await page.locator('input[type=file]').first().setInputFiles(file('broken.json', scenario))
  await page
    .locator('li[data-scenario="runtime-error"]')
    .getByRole('button', { name: new RegExp(texts.library.start) })
    .click()
}

/** Starts the fixture and meets the mistake. */
async function playToTheMistake(page: Page, texts: typeof en): Promise<void> {
  await startFromFile(page, texts)
  await page.locator('canvas').waitFor()
  await meetTheMistake(page)
}

/** The fixture with its mistake at the start: a rule sets the mode selector to "b" at once. */
function cannotStart(): string {
  const doc = JSON.parse(SCENARIO)
  doc.components.find((c: { id: string }) => c.id === 'source').states = ['b', 'a']
  doc.rules = [{ when: 'true', set: { mode: 'source_display' } }]
  return JSON.stringify(doc)
}

function model() {
  const loaded = loadScenario(SCENARIO)
  if (!loaded.ok) throw new Error('the fixture no longer validates')
  return loaded.value
}

/** The attempt meets the scenario's mistake when scored: it holds the event that met it. */
function meetsTheMistake(attempt: Attempt): boolean {
  const scored = scoreAttempt(model(), attempt)
  return !scored.ok && scored.problems.some((p) => /"mode" to "b"/.test(p.message))
}

describe.skipIf(!hasBrowser)('a scenario mistake at run time in the browser', () => {
  it('stops live play with a notice and offers the attempt so far, every event kept', async () => {
    const page = await openApp('runtime error play')
    const errors = uncaught(page)
    await playToTheMistake(page, en)
    const attempt = await noticeAndDownload(page, en)
    expect(attempt.events.map((e) => [e.action, e.target, e.value])).toEqual([
      ['set', 'source', 'b'],
      ['press', 'copy_btn', undefined],
      ['press', 'copy_btn', undefined],
    ])
    expect(meetsTheMistake(attempt)).toBe(true)
    // the attempt is over: no finish, no result; the way out is there
    expect(await page.getByRole('button', { name: 'Finish', exact: true }).count()).toBe(0)
    await page.getByRole('button', { name: en.runtimeError.back }).click()
    await page.getByRole('heading', { name: en.library.title }).waitFor()
    expect(errors).toEqual([])
  })

  for (const [lang, locale, texts] of [
    ['English', 'en-US', en],
    ['Chinese', 'zh-CN', zh],
  ] as const) {
    it(`says the mistake in play in ${lang} with no serious axe violation; Tab and Enter download the attempt`, async () => {
      const page = await openApp(`runtime error notice ${lang}`, { locale })
      const errors = uncaught(page)
      await playToTheMistake(page, texts)
      const notice = page.getByRole('alert').filter({ hasText: texts.runtimeError.title })
      await notice.getByRole('heading', { level: 2, name: texts.runtimeError.title }).waitFor()
      await notice.getByText(texts.runtimeError.explain).waitFor()
      await expectNoSeriousAxe(page)
      const attempt = await downloadByKeyboard(page, texts)
      expect(attempt.events).toHaveLength(3)
      expect(meetsTheMistake(attempt)).toBe(true)
      expect(errors).toEqual([])
    })

    it(`shows the failed screen of a scenario that cannot start in ${lang} with no serious axe violation, by keyboard`, async () => {
      const page = await openApp(`runtime error failed screen ${lang}`, { locale })
      const errors = uncaught(page)
      await startFromFile(page, texts, cannotStart())
      const notice = page.getByRole('alert').filter({ hasText: texts.runtimeError.title })
      await notice.getByRole('heading', { level: 1, name: texts.runtimeError.title }).waitFor()
      await notice.getByText(texts.runtimeError.explain).waitFor()
      expect(await page.locator('canvas').count()).toBe(0)
      await expectNoSeriousAxe(page)
      const attempt = await downloadByKeyboard(page, texts)
      expect(attempt.scenario.id).toBe('runtime-error')
      expect(attempt.events).toEqual([])
      // the way out works by keyboard too
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: texts.library.title }).waitFor()
      expect(errors).toEqual([])
    })
  }

  it('replays the attempt up to the mistake in Chinese and offers the attempt file', async () => {
    const page = await openApp('runtime error replay', { locale: 'zh-CN' })
    const errors = uncaught(page)
    await page.getByRole('button', { name: zh.library.review }).click()
    await page
      .locator('input[type=file][multiple]')
      .setInputFiles([file('scenario.json', SCENARIO), file('attempt.json', ATTEMPT)])
    await page.getByRole('button', { name: zh.review.replay, exact: true }).click()
    await page.getByText(zh.runtimeError.replay.replace('{{time}}', '0:03')).waitFor()
    // playback runs to the mistake and stops there
    await page.getByRole('button', { name: zh.review.play, exact: true }).click()
    await page.getByRole('button', { name: zh.review.play, exact: true }).waitFor({
      timeout: 15_000,
    })
    expect(await page.locator('.replay-time').textContent()).toBe('0:03 / 0:03')
    const attempt = await noticeAndDownload(page, zh)
    expect(attempt).toEqual(JSON.parse(ATTEMPT))
    await expectNoSeriousAxe(page)
    expect(errors).toEqual([])
  })

  it("stops the editor's try-it with a notice, the attempt so far and the way back", async () => {
    const page = await openApp('runtime error try it')
    const errors = uncaught(page)
    await page.getByRole('button', { name: en.library.editor }).click()
    await page.locator('#editor-file').setInputFiles(file('broken.json', SCENARIO))
    await page.getByRole('button', { name: en.editor.tryIt }).click()
    await page.locator('canvas').waitFor()
    await meetTheMistake(page)
    const attempt = await noticeAndDownload(page, en)
    expect(attempt.events).toHaveLength(3)
    expect(meetsTheMistake(attempt)).toBe(true)
    await expectNoSeriousAxe(page)
    await page.getByRole('alert').getByRole('button', { name: en.play.backToEditor }).click()
    await page.getByRole('heading', { name: en.editor.referenceRun }).waitFor()
    expect(errors).toEqual([])
  })

  it('stops the solver with a notice and offers the run it was trying', async () => {
    const page = await openApp('runtime error solver')
    const errors = uncaught(page)
    // every run that completes the steps presses twice, so the solver cannot miss the mistake
    const doc = JSON.parse(SCENARIO)
    doc.components.find((c: { id: string }) => c.id === 'source_display').value =
      "if(presses >= 2, 'b', 'a')"
    await page.getByRole('button', { name: en.library.editor }).click()
    // the solver works in the background once the draft is open
    await page.locator('#editor-file').setInputFiles(file('solver.json', JSON.stringify(doc)))
    await page.getByText(en.runtimeError.solver).waitFor()
    const attempt = await noticeAndDownload(page, en)
    // the run so far: one press (a second meets the mistake), then the end
    expect(attempt.events.filter((e) => e.action === 'press')).toHaveLength(1)
    expect(attempt.events.at(-1)!.action).toBe('end')
    await expectNoSeriousAxe(page)
    expect(errors).toEqual([])
  })
})
