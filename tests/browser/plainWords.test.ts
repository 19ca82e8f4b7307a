// The editor in plain words, in English and Chinese: every form (the scenario's settings with its
// scoring, scene, camera and views, each kind of part, a look's settings, steps by an act and by a
// state, hazards, values, judgements, faults, competencies, rules) shows no field path of the
// format (`scoring.penalties.hint`) and no field name of the format (`tickMs`, or a label
// that is just `position`) in its visible text, aria-label, placeholder or title; the forms work
// by keyboard alone; and axe-core finds no serious or critical violation on them.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { FIELD_NAMES } from '../../src/core/index.ts'
import { readText } from '../helpers.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

/** Screenshots of the forms for a person to look at, where SHOTS_DIR says (never the repository). */
const SHOTS = process.env['SHOTS_DIR']

const NAMES = new Set(FIELD_NAMES)
/** Field names no one would write in prose: camel case, `$schema`, `sha256`, `durationMs`. */
const CODE_NAMES = [...NAMES].filter((n) => /[A-Z$0-9]/.test(n))
const CODE_WORD = new RegExp(
  `(?<![\\w$.-])(?:${CODE_NAMES.map((n) => n.replace('$', '\\$')).join('|')})(?![\\w$-])`,
)
/** A dotted path: names joined by dots or indexed, as `scene.camera.position` or `steps[0].title`. */
const PATH = /(?<![\w$.])[A-Za-z$][\w$]*(?:(?:\.[A-Za-z$][\w$]*)|\[\d+\])+/g

interface Said {
  readonly where: string
  readonly text: string
  /** A label, legend, heading, button, choice, or attribute: its whole text names something. */
  readonly naming: boolean
}

/** Why a text shows the format rather than words, or undefined when it does not. */
export function leak(said: Said): string | undefined {
  const code = CODE_WORD.exec(said.text)
  if (code) return `the field name "${code[0]}"`
  for (const m of said.text.matchAll(PATH)) {
    const segments = m[0].split(/[.[\]]+/).filter((s) => s !== '' && !/^\d+$/.test(s))
    if (segments.length >= 2 && segments.every((s) => NAMES.has(s)))
      return `the field path "${m[0]}"`
  }
  if (said.naming && NAMES.has(said.text.trim())) return `the bare field name "${said.text.trim()}"`
  return undefined
}

/** Every text of the editor a person sees or a screen reader says, with where it is. */
function textsOf(page: Page): Promise<Said[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string; naming: boolean }[] = []
    const root = document.querySelector('.editor-screen')!
    // a choice's text names a value (a state "on"), which may be an English word that is also a
    // field's name; what names a field is a label, legend, heading, button or header
    const naming = new Set(['LABEL', 'LEGEND', 'H1', 'H2', 'H3', 'H4', 'BUTTON', 'TH'])
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-path') ? `[data-path=${el.getAttribute('data-path')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`
    for (const el of root.querySelectorAll('*')) {
      const visible = el.tagName === 'OPTION' || (el as HTMLElement).checkVisibility?.() !== false
      if (!visible) continue
      for (const attr of ['aria-label', 'placeholder', 'title'])
        if (el.getAttribute(attr))
          out.push({ where: `${describe(el)}@${attr}`, text: el.getAttribute(attr)!, naming: true })
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
      if (naming.has(el.tagName))
        out.push({ where: describe(el), text: (el.textContent ?? '').trim(), naming: true })
      else if (own) out.push({ where: describe(el), text: own, naming: false })
    }
    return out
  })
}

async function expectPlainWords(page: Page, form: string): Promise<void> {
  const leaks = (await textsOf(page)).flatMap((said) => {
    const why = leak(said)
    return why ? [`${form}: ${said.where} "${said.text.slice(0, 80)}" shows ${why}`] : []
  })
  expect(leaks).toEqual([])
}

const editorTexts = (lang: string) =>
  JSON.parse(readText(`src/view/i18n/locales/editor/${lang}.json`)) as {
    kinds: Record<string, string>
    sections: Record<string, string>
    addTo: string
    addNew: string
    addKind: string
    addLook: string
    looks: { static: Record<string, string> }
    byAct: string
    byForbiddenAct: string
    settings: string
    useText: string
    addCondition: string
    scenarioFields: Record<string, string>
  }

async function form(page: Page, name: string, lang: string, axe: boolean): Promise<void> {
  await page.locator('.properties .element-form').waitFor()
  await expectPlainWords(page, `${lang} ${name}`)
  if (axe) await expectNoSeriousAxe(page, '.editor-screen')
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${lang}-${name.replace(/\W+/g, '-')}.png` })
}

/** The editor on a new draft from the template, in `lang`. */
async function openTemplate(lang: 'en' | 'zh-CN'): Promise<Page> {
  const page = await openApp(`plain words ${lang}`, { locale: lang === 'en' ? 'en-US' : 'zh-CN' })
  await page.getByRole('button', { name: lang === 'en' ? 'Edit scenarios' : '编辑场景' }).click()
  await page
    .getByRole('button', {
      name: lang === 'en' ? 'New scenario from the template' : '从模板新建场景',
    })
    .click()
  await page.locator('.editor-screen').waitFor()
  return page
}

/** Visits every form of the editor in `lang`, from the template's draft. */
async function visitEveryForm(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  const words = editorTexts(lang)
  await page.getByRole('button', { name: words.settings, exact: true }).first().click()
  await form(page, 'scenario settings', lang, true)

  // every kind of part from the palette; a pipe for a look's settings
  const palette = page.getByRole('group', { name: words.addNew })
  for (const [kind, label] of Object.entries(words.kinds)) {
    await palette.getByLabel(words.addKind).selectOption({ label })
    if (kind === 'static')
      await palette.getByLabel(words.addLook).selectOption({ label: words.looks.static['pipe']! })
    await palette
      .getByRole('button', { name: new RegExp(`^${words.addNew}|^\\S+ ${words.addNew}`) })
      .click()
    await form(page, `part ${kind}`, lang, kind === 'lamp')
  }
  // one element of every other list, a step and a hazard in both their forms
  for (const [collection, section] of Object.entries(words.sections)) {
    if (collection === 'components') continue
    await page.getByRole('button', { name: words.addTo.replace('{{collection}}', section) }).click()
    await form(page, collection, lang, collection === 'rules')
    if (collection === 'steps' || collection === 'hazards') {
      await page
        .getByRole('button', { name: collection === 'steps' ? words.byAct : words.byForbiddenAct })
        .click()
      await form(page, `${collection} by an act`, lang, collection === 'steps')
    }
  }
}

describe.skipIf(!hasBrowser)('the editor in plain words', () => {
  it('finds the format in a text that shows it', () => {
    const said = (text: string, naming = false) => leak({ where: 'test', text, naming })
    expect(said('Penalty: scoring.penalties.outOfOrder')).toMatch(/outOfOrder/)
    expect(said('scene.camera.position')).toMatch(/field path/)
    expect(said('steps[0].title is empty')).toMatch(/field path/)
    expect(said('Simulation step (tickMs)')).toMatch(/tickMs/)
    expect(said('position', true)).toMatch(/bare/)
    expect(said('Where the camera starts (m)')).toBeUndefined()
    expect(said('isolator.locked')).toBeUndefined()
    expect(said('Points', true)).toBeUndefined()
  })

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`shows every form in ${lang} without a field's path or name, by keyboard too`, async () => {
      const page = await openTemplate(lang)
      const words = editorTexts(lang)
      // the template's texts are in English only: each is a warning that names it in words
      await page
        .getByRole('button', {
          name:
            lang === 'en'
              ? 'Scenario settings › Title: no text in Chinese'
              : '场景设置 › 标题：缺少中文文字',
        })
        .waitFor()

      // by keyboard alone: to the scenario's short name, a penalty's slider, a step's condition
      await page.getByRole('button', { name: words.settings, exact: true }).first().focus()
      const tabTo = async (selector: string) => {
        for (let n = 0; n < 200; n++) {
          if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
            return
          await page.keyboard.press('Tab')
        }
        throw new Error(`Tab never reached ${selector}`)
      }
      await page.keyboard.press('Enter')
      await tabTo('[data-path="id"]')
      await page.keyboard.press('Control+A')
      await page.keyboard.type('keyboard-only')
      await page.keyboard.press('Tab')
      await page.getByRole('heading', { level: 1, name: /keyboard-only/ }).waitFor()

      const example = page.locator('.example-score')
      await example.filter({ hasText: /\d+\/\d+/ }).waitFor()
      const before = await example.textContent()
      const slider = page.locator('[data-path="scoring.penalties.hint"]')
      const penalty = async () => Number(await slider.inputValue())
      const start = await penalty()
      await tabTo('[data-path="scoring.penalties.hint"]')
      for (let n = 0; n < 5; n++) await page.keyboard.press('ArrowRight')
      await expect.poll(penalty).toBe(start + 5)
      await expect
        .poll(() => page.locator('.slider-row', { has: slider }).locator('output').textContent())
        .toMatch(new RegExp(`^${start + 5}`))
      // the example attempt is scored again by the engine: its hint costs more
      await expect.poll(() => example.textContent()).not.toBe(before)

      await visitEveryForm(page, lang)

      // a new step's condition, built by keyboard: add a condition, then see it as a formula
      await page
        .getByRole('button', {
          name: words.addTo.replace('{{collection}}', words.sections['steps']!),
        })
        .focus()
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: words.byAct }).waitFor()
      await tabTo(`.condition-builder button`)
      await page.keyboard.press('Enter')
      await page.locator('.condition-row').first().waitFor()
      await tabTo('.field-expr .link-button')
      await page.keyboard.press('Enter')
      const formula = page.locator('.field-expr input.expr').first()
      await expect.poll(() => formula.inputValue()).toMatch(/^\w+ == '\w+'$/)
    })
  }
})
