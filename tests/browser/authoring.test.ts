// Authoring by recording, as a new instructor works: start from the panel lockout template,
// record three acts by clicking parts in the 3D view, type a title, save. The saved steps are
// exactly the acts recorded, titled in English and Chinese, and the command line validates and
// solves the file; all of it in at most 60 user actions. The recording screens pass axe-core in
// both languages; screenshots of them go to /tmp/recorder/.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { downloadText, finishAndShowResult, hasBrowser, openApp, partPoint } from './browser.ts'
import { setupBrowser } from './browser.ts'

setupBrowser()

const SHOTS = '/tmp/recorder'

/** The user's actions, counted: every click and every field typed in. */
function counted(page: Page) {
  let actions = 0
  return {
    get actions() {
      return actions
    },
    async click(name: string | RegExp) {
      actions++
      await page.getByRole('button', { name, exact: typeof name === 'string' }).click()
    },
    async menu(name: string) {
      actions++
      await page.getByRole('menuitem', { name }).click()
    },
    async clickPart(id: string, button: 'left' | 'right' = 'left') {
      const p = await partPoint(page, id)
      actions++
      await page.mouse.click(p.x, p.y, { button })
    },
    async fill(label: string, index: number, text: string) {
      actions++
      await page.getByLabel(label).nth(index).fill(text)
    },
  }
}

/** Presses Tab until the focused element has this text or matches this selector (at most 150). */
async function tabTo(page: Page, target: { text?: string; css?: string }): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const here = await page.evaluate(({ text, css }) => {
      const el = document.activeElement
      if (!el || el === document.body) return false
      return text === undefined ? el.matches(css!) : el.textContent?.trim() === text
    }, target)
    if (here) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`)
}

/** Runs the command line (`npm run cli`) on a file: its exit status and what it wrote. */
function cli(...args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const run = spawn('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT })
    let out = ''
    run.stdout.on('data', (d: Buffer) => (out += d.toString()))
    run.stderr.on('data', (d: Buffer) => (out += d.toString()))
    run.on('close', (status) => resolve({ status, out }))
  })
}

describe.skipIf(!hasBrowser)('authoring by recording', () => {
  it('builds a three-step lockout from a template by clicking in 3D, and it validates and solves', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const page = await openApp('authoring record')
    const user = counted(page)
    await user.click('Edit scenarios')
    await page.getByText('Start from a trade template:').waitFor()
    await page.screenshot({ path: `${SHOTS}/home-en.png` })
    await expectNoSeriousAxe(page, '.template-start')
    await user.click('Panel lockout/tagout')
    const record = page.getByRole('button', { name: 'Record steps' })
    await expect.poll(() => record.isEnabled()).toBe(true)
    await user.click('Record steps')
    await page.getByRole('heading', { name: 'Recording steps' }).waitFor()

    const status = page.locator('.record-status')
    // the isolator is on: a click switches it off
    await user.clickPart('isolator')
    await expect.poll(() => status.textContent()).toMatch(/^Step 1 recorded: Switch the main/)
    // its menu: apply the lock
    await user.clickPart('isolator', 'right')
    await user.menu('Apply lock')
    await expect.poll(() => status.textContent()).toMatch(/^Step 2 recorded: Lock the main/)
    // try to start it: the test that it stays off
    await user.clickPart('start_btn')
    await expect.poll(() => status.textContent()).toMatch(/^Step 3 recorded: Press START/)
    await user.fill('Title in English', 2, 'Press START and check that the conveyor stays still')
    await user.fill('Title in Chinese', 2, '按下启动按钮，确认输送机不动')
    await page.screenshot({ path: `${SHOTS}/recording-en.png` })
    await expectNoSeriousAxe(page, '.record-panel')

    await user.click('Put the recorded steps into the scenario (3)')
    await page.getByText('How your recorded run would score').waitFor()
    await expect
      .poll(() => page.getByTestId('score-line').textContent())
      .toMatch(/^3 of 3 points \(100 %\): passed/)
    await page.screenshot({ path: `${SHOTS}/recorded-en.png` })
    await expectNoSeriousAxe(page, '.score-summary')
    const saved = await downloadText(page, () => user.click('Download JSON'))
    expect(user.actions).toBeLessThanOrEqual(60)

    const doc = JSON.parse(saved) as { steps: Record<string, unknown>[] }
    expect(doc.steps.map(({ id, action, after }) => ({ id, action, after }))).toEqual([
      {
        id: 'isolator-off',
        action: { action: 'set', target: 'isolator', value: 'off' },
        after: undefined,
      },
      {
        id: 'isolator-lock',
        action: { action: 'lock', target: 'isolator' },
        after: ['isolator-off'],
      },
      {
        id: 'start-btn-press',
        action: { action: 'press', target: 'start_btn' },
        after: ['isolator-lock'],
      },
    ])
    const titles = doc.steps.map((s) => s['title'] as { en: string; 'zh-CN': string })
    expect(titles).toEqual([
      { en: 'Switch the main isolator Q1 off', 'zh-CN': '断开主隔离开关 Q1' },
      { en: 'Lock the main isolator Q1', 'zh-CN': '给主隔离开关 Q1上锁' },
      {
        en: 'Press START and check that the conveyor stays still',
        'zh-CN': '按下启动按钮，确认输送机不动',
      },
    ])
    expect(new Set(titles.flatMap((t) => [t.en, t['zh-CN']])).size).toBe(6)

    const file = join(mkdtempSync(join(tmpdir(), 'authoring-')), 'panel-lockout.json')
    writeFileSync(file, saved)
    const checks = Promise.all([cli('validate', file), cli('solve', file)])

    // try it as the learner: one step of three, then how that attempt would score
    await user.click('Try it')
    await user.clickPart('isolator')
    await page.locator('li[data-step="isolator-off"][data-status="done"]').waitFor()
    await finishAndShowResult(page)
    await user.click('Back to the editor')
    await page.getByText('How your last try would score').waitFor()
    // back from the try, the keyboard starts at the score
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('score-summary')
    await expect
      .poll(() => page.getByTestId('score-line').textContent())
      .toBe('1 of 3 points (33 %): not passed, the pass mark is 80 %')
    await page.getByText('Steps not done: Lock the main isolator Q1, Press START').waitFor()
    // the editor fits the window: the page itself neither scrolls nor was left scrolled
    const pageScroll = await page.evaluate(() => {
      const { scrollTop, scrollHeight, clientHeight } = document.scrollingElement!
      return { scrollTop, overflow: scrollHeight - clientHeight }
    })
    expect(pageScroll).toEqual({ scrollTop: 0, overflow: 0 })
    await page.screenshot({ path: `${SHOTS}/try-score-en.png` })

    const [valid, solved] = await checks
    expect(valid, valid.out).toMatchObject({ status: 0 })
    expect(solved.status, solved.out).toBe(0)
    expect(JSON.parse(solved.out).events.map((e: { target?: string }) => e.target)).toEqual([
      'isolator',
      'isolator',
      'start_btn',
      undefined,
    ])
  })

  it('speaks Chinese on the same screens, records by keyboard alone, proposes a hazard, and passes axe-core', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const page = await openApp('authoring zh', { locale: 'zh-CN' })
    const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))
    await tabTo(page, { text: '编辑场景' })
    await page.keyboard.press('Enter')
    await page.getByText('从行业模板开始：').waitFor()
    await page.screenshot({ path: `${SHOTS}/home-zh.png` })
    await expectNoSeriousAxe(page, '.template-start')
    await tabTo(page, { text: '配电柜上锁挂牌' })
    await page.keyboard.press('Enter')
    const record = page.getByRole('button', { name: '录制步骤' })
    await expect.poll(() => record.isEnabled()).toBe(true)
    await tabTo(page, { text: '录制步骤' })
    await page.keyboard.press('Enter')
    // the keyboard goes on from the panel, whose first control leads to the parts
    await expect.poll(focused).toMatch(/^<h2 id="record-title"/)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(focused).toMatch(/class="part-target"/)
    // the part's own focusable element, then Enter, as the learner does
    await partPoint(page, 'isolator')
    await tabTo(page, { css: '[data-part="isolator"]' })
    await page.keyboard.press('Enter')
    const status = page.locator('.record-status')
    await expect.poll(() => status.textContent()).toBe('已录制第 1 步：断开主隔离开关 Q1')
    // the guard opened after the isolator was switched off: the hazard of opening it before
    await tabTo(page, { css: '[data-part="guard"]' })
    await page.keyboard.press('Enter')
    await page.getByText('主隔离开关 Q1未处于“断开”时尾轮防护罩处于“打开”').waitFor()
    await page.screenshot({ path: `${SHOTS}/recording-zh.png` })
    await expectNoSeriousAxe(page, '.record-panel')
    // the steps and the hazard go in; the keyboard goes on from the score
    await tabTo(page, { text: '将录制的步骤放入场景（2 个）' })
    await page.keyboard.press('Enter')
    await expect.poll(focused).toMatch(/^<section tabindex="-1" class="score-summary"/)
    await expect.poll(() => page.getByTestId('score-line').textContent()).toMatch(/^2 \/ 2 分/)
    await page.screenshot({ path: `${SHOTS}/recorded-zh.png` })
    await expectNoSeriousAxe(page, '.score-summary')
    await tabTo(page, { text: '隐藏' })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.score-summary').count()).toBe(0)
    await expect.poll(focused).toMatch(/data-record-button/)
  })
})
