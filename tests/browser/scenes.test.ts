// Every bundled scenario at 1280×720, from its start view and from each named view, with Labels
// on: no two visible labels overlap; every interactive part's label is shown, next to its part or
// joined to it by a leader line, in at least one view; every interactive part is a 24×24 px target
// in at least one view (each point of a grid centred on it picks that part, as a click would).
// These are the Detailed looks' own checks, so the scenes are drawn in Detailed graphics.
// And the view bar, V and Shift+V, and the worn tray, by keyboard, in both languages, pass axe
// (in Simple graphics, which draws the same view bar and tray several times faster).
import { readdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { KINDS, getLocalText, type Model } from '../../src/core/index.ts'
import { loadScenarioFile, readInterfaceTexts } from '../helpers.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { hasBrowser, openApp, setupBrowser, startConveyor } from './browser.ts'

setupBrowser()

const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort()

/** The machine running the tests may be busy: waits and tests get room. */
const WAIT_MS = 90_000
const SCENE_TEST_MS = 400_000
const POLL = { timeout: 30_000 }

/** How far from its part a label may sit without a leader line, in px. */
const NEAR = 60
/** The side of the target every interactive part must be, and the grid step within it, in px. */
const TARGET = 24
const STEP = 4

interface Rect {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

interface Seen {
  readonly point: { x: number; y: number; visible: boolean } | null
  readonly label: Rect | null
  readonly leader: Rect | null
}

/** What the page shows of every interactive part: its point, its label and leader if visible. */
function look(page: Page, ids: readonly string[]): Promise<Record<string, Seen>> {
  return page.evaluate((parts) => {
    const shown = (el: Element | null): Rect | null => {
      if (!el) return null
      const style = getComputedStyle(el)
      if (style.visibility !== 'visible' || style.display === 'none') return null
      const r = el.getBoundingClientRect()
      const canvas = document.querySelector('canvas')!.getBoundingClientRect()
      const inside =
        r.right > canvas.left &&
        r.left < canvas.right &&
        r.bottom > canvas.top &&
        r.top < canvas.bottom
      return inside ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null
    }
    const seen: Record<string, Seen> = {}
    for (const id of parts) {
      seen[id] = {
        point: window.__practica?.partPoint(id) ?? null,
        label: shown(document.querySelector(`[data-label-for="${id}"]`)),
        leader: shown(document.querySelector(`[data-leader-for="${id}"]`)),
      }
    }
    return seen
  }, ids)
}

/** Waits until the camera and the labels have come to rest (two looks 150 ms apart agree). */
async function settle(page: Page, ids: readonly string[]): Promise<Record<string, Seen>> {
  let last = ''
  for (let i = 0; i < 60; i++) {
    const seen = await look(page, ids)
    const now = JSON.stringify(seen, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))
    if (now === last) return seen
    last = now
    await page.waitForTimeout(150)
  }
  throw new Error('the view did not come to rest')
}

/** The parts whose every grid point around their point picks them, as a click would. */
function targets(page: Page, seen: Record<string, Seen>): Promise<string[]> {
  const points = Object.entries(seen).flatMap(([id, s]) =>
    s.point?.visible ? [{ id, x: s.point.x, y: s.point.y }] : [],
  )
  return page.evaluate(
    ({ points, half, step }) =>
      points
        .filter(({ id, x, y }) => {
          for (let dx = -half; dx <= half; dx += step)
            for (let dy = -half; dy <= half; dy += step)
              if (window.__practica!.pickAt(x + dx, y + dy) !== id) return false
          return true
        })
        .map((p) => p.id),
    { points, half: TARGET / 2, step: STEP },
  )
}

function overlap(a: Rect, b: Rect): boolean {
  // touching edges (sub-pixel rounding) is not overlapping
  return (
    a.left < b.right - 0.5 &&
    b.left < a.right - 0.5 &&
    a.top < b.bottom - 0.5 &&
    b.top < a.bottom - 0.5
  )
}

function distanceTo(r: Rect, p: { x: number; y: number }): number {
  const dx = Math.max(r.left - p.x, 0, p.x - r.right)
  const dy = Math.max(r.top - p.y, 0, p.y - r.bottom)
  return Math.hypot(dx, dy)
}

/** Whether the leader's box runs from the part's point (one corner) to the label (the other). */
function joins(leader: Rect, point: { x: number; y: number }, label: Rect): boolean {
  const corners = [
    [leader.left, leader.top, leader.right, leader.bottom],
    [leader.right, leader.top, leader.left, leader.bottom],
    [leader.left, leader.bottom, leader.right, leader.top],
    [leader.right, leader.bottom, leader.left, leader.top],
  ] as const
  return corners.some(
    ([x1, y1, x2, y2]) =>
      Math.hypot(x1 - point.x, y1 - point.y) <= 4 && distanceTo(label, { x: x2, y: y2 }) <= 4,
  )
}

async function start(page: Page, model: Model): Promise<void> {
  await page.getByLabel('Your name').fill('Amina Phiri')
  await page.getByLabel('Learner ID').fill('s-1042')
  await page.getByRole('radio', { name: /Practice/ }).check()
  const title = getLocalText(model.scenario.title, 'en', model.locales[0] ?? 'en')
  await page.getByRole('button', { name: `Start: ${title}`, exact: true }).click()
  await page.locator('canvas').waitFor()
}

describe.skipIf(!hasBrowser)('labels, views and targets of every bundled scenario', () => {
  for (const file of SCENARIOS) {
    it(
      `${file}: labels never overlap, every part is labelled and a 24×24 px target in some view`,
      async () => {
        const model = loadScenarioFile(`scenarios/${file}`)
        const ids = model.components.filter((c) => KINDS[c.kind].interactive).map((c) => c.id)
        const views = [null, ...(model.scenario.scene?.views ?? []).map((v) => v.id)]
        const page = await openApp(`scenes ${file}`, { graphics: 'detailed' })
        page.setDefaultTimeout(WAIT_MS)
        await start(page, model)
        const problems: string[] = []
        const labelled = new Set<string>()
        const targeted = new Set<string>()
        for (const view of views) {
          const name = view ?? 'start view'
          if (view !== null) {
            await page.locator(`.view-bar button[data-view="${view}"]`).click()
            await page
              .locator(`.view-bar button[data-view="${view}"][aria-pressed="true"]`)
              .waitFor()
          }
          // the pointer away from the scene: nothing hovered, so no label comes first
          await page.mouse.move(0, 0)
          const seen = await settle(page, ids)
          const visible = ids.filter((id) => seen[id]!.label)
          for (let i = 0; i < visible.length; i++) {
            for (let j = i + 1; j < visible.length; j++) {
              const a = visible[i]!
              const b = visible[j]!
              if (overlap(seen[a]!.label!, seen[b]!.label!))
                problems.push(`${name}: the labels of ${a} and ${b} overlap`)
            }
          }
          for (const id of visible) {
            const { point, label, leader } = seen[id]!
            if (!point?.visible) {
              problems.push(`${name}: the label of ${id} shows though its part is out of sight`)
              continue
            }
            const near = distanceTo(label!, point) <= NEAR
            if (near || (leader && joins(leader, point, label!))) labelled.add(id)
            else problems.push(`${name}: the label of ${id} is away from its part with no leader`)
          }
          for (const id of await targets(page, seen)) targeted.add(id)
        }
        for (const id of ids) {
          if (!labelled.has(id)) problems.push(`${id}: its label is shown next to it in no view`)
          if (!targeted.has(id)) problems.push(`${id}: a ${TARGET}×${TARGET} px target in no view`)
        }
        expect(problems).toEqual([])
      },
      SCENE_TEST_MS,
    )
  }

  const LANGUAGES = [
    ['English', 'en-US', readInterfaceTexts('en')],
    ['Chinese', 'zh-CN', readInterfaceTexts('zh-CN')],
  ] as const
  for (const [lang, locale, texts] of LANGUAGES) {
    it(
      `the view bar, V and Shift+V, and the worn tray work by keyboard and pass axe in ${lang}`,
      async () => {
        const model = loadScenarioFile('scenarios/conveyor-loto.json')
        const views = model.scenario.scene?.views ?? []
        const page = await openApp(`scenes keyboard ${lang}`)
        page.setDefaultTimeout(WAIT_MS)
        await startConveyor(page)
        if (locale === 'zh-CN') await page.getByLabel('Language').selectOption('zh-CN')
        const bar = page.getByRole('group', { name: texts.views.bar })
        const pressed = bar.locator('button[aria-pressed="true"]')
        if (views.length > 0) {
          await expect.poll(() => pressed.textContent(), POLL).toBe(texts.views.overview)
          // V: the next view; Shift+V: back; not while typing in a field
          await page.locator('[data-part]').first().focus()
          await page.keyboard.press('v')
          const first = getLocalText(views[0]!.title, locale, 'en')
          await expect.poll(() => pressed.textContent(), POLL).toBe(first)
          await page.keyboard.press('Shift+V')
          await expect.poll(() => pressed.textContent(), POLL).toBe(texts.views.overview)
          await page.keyboard.press('Shift+V')
          const last = getLocalText(views.at(-1)!.title, locale, 'en')
          await expect.poll(() => pressed.textContent(), POLL).toBe(last)
          // a view by its button, from the keyboard
          await bar.getByRole('button', { name: texts.views.overview }).focus()
          await page.keyboard.press('Enter')
          await expect.poll(() => pressed.textContent(), POLL).toBe(texts.views.overview)
        } else expect(await bar.count()).toBe(0)

        // wear the glasses from their part, by keyboard: the tray lists them with "Take off"
        const tray = page.getByRole('region', { name: texts.worn.title })
        expect(await tray.count()).toBe(0)
        const glasses = model.components.find((c) => c.kind === 'item')!
        await page.locator(`[data-part="${glasses.id}"]`).focus()
        await page.keyboard.press('Enter')
        const label = getLocalText(glasses.source.label!, locale, 'en')
        const takeOff = tray.getByRole('button', {
          name: texts.worn.takeOffItem.replace('{{item}}', label),
        })
        await takeOff.waitFor()
        expect(await takeOff.textContent()).toBe(texts.worn.takeOff)
        await expectNoSeriousAxe(page)
        await takeOff.focus()
        await page.keyboard.press('Enter')
        await tray.waitFor({ state: 'detached' })
        // the 3D part is back on its rack: its state says so
        await expect
          .poll(() => page.locator(`[data-part="${glasses.id}"]`).getAttribute('aria-label'))
          .not.toContain(texts.state.worn)
      },
      SCENE_TEST_MS,
    )
  }
})
