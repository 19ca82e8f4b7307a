// The instructor's editor in headless Chromium: build a scenario from the template, rename a
// component everywhere, and find a draft again after a reload.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scoreAttempt, solve, type Model } from '../../src/core/index.ts'
import { loadScenarioText, readText } from '../helpers.ts'
import { downloadText, hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

function solvedPoints(model: Model): number {
  const solved = solve(model)
  if (!solved.ok) throw new Error(solved.reason)
  const scored = scoreAttempt(model, solved.attempt)
  if (!scored.ok) throw new Error('solution refused')
  return scored.value.score.raw
}

const field = (page: Page, path: string) => page.locator(`[data-path='${path}']`)

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit scenarios' }).click()
  await page.getByRole('heading', { name: 'Scenario editor' }).waitFor()
}

/** The index of the element with this id in the outline's section. */
async function select(page: Page, collection: string, id: string): Promise<void> {
  await page.locator(`[data-outline="${collection}:${id}"]`).click()
}

describe.skipIf(!hasBrowser)('scenario editor in the browser', () => {
  it('builds a scenario from the template that validates and solves', async () => {
    const page = await openApp('editor template')
    await openEditor(page)
    await page.getByRole('button', { name: 'New scenario from the template' }).click()
    await page.getByText('The scenario is valid.').waitFor()
    const count = (collection: string) => page.locator(`[data-outline^="${collection}:"]`).count()

    // a switch and a lamp from the palette
    const components = await count('components')
    await page.getByLabel('Add a component').selectOption('switch')
    await page.getByLabel('Add a component').selectOption('lamp')
    expect(await count('components')).toBe(components + 2)
    // the lamp is selected: make it follow the switch, with a typo first
    const lit = field(page, `components[${components + 1}].lit`)
    await lit.fill("swich_1 == 'on'")
    await page
      .getByText(/unknown name "swich_1" \(did you mean "switch_1"\?\)/)
      .first()
      .waitFor()
    await lit.fill("switch_1 == 'on'")
    await page.getByText('The scenario is valid.').waitFor()
    // a label in the second language
    await select(page, 'components', 'switch_1')
    await field(page, `components[${components}].label["zh-CN"]`).fill('开关')

    // two steps: an action and a state
    const steps = await count('steps')
    await page.getByRole('button', { name: '+ add to steps' }).click()
    await page.getByRole('button', { name: 'Done by a learner act instead' }).click()
    await field(page, `steps[${steps}].action.target`).selectOption('switch_1')
    await field(page, `steps[${steps}].action.action`).selectOption('set')
    await field(page, `steps[${steps}].action.value`).selectOption('on')
    await page.getByRole('button', { name: '+ add to steps' }).click()
    await field(page, `steps[${steps + 1}].state`).fill('lamp_1')
    // a hazard
    await page.getByRole('button', { name: '+ add to hazards' }).click()
    await page.getByText('The scenario is valid.').waitFor()

    await page.getByRole('button', { name: 'Check solvable' }).click()
    await page.getByText(/^Solvable: every step/).waitFor()
    const saved = await downloadText(page, () =>
      page.getByRole('button', { name: 'Download JSON' }).click(),
    )
    const model = loadScenarioText(saved)
    expect(model.components.map((c) => c.kind)).toEqual(expect.arrayContaining(['switch', 'lamp']))
    expect(model.components.find((c) => c.id === 'switch_1')?.source.label).toEqual({
      en: 'switch',
      'zh-CN': '开关',
    })
    expect(solve(model).ok).toBe(true)
  })

  it('renames the conveyor isolator everywhere, and the saved file solves to the same points', async () => {
    const page = await openApp('editor rename')
    await openEditor(page)
    await page.getByRole('button', { name: 'Edit conveyor-loto.json' }).click()
    await select(page, 'components', 'isolator')
    const id = field(page, 'components[5].id')
    await id.fill('main_switch')
    await id.press('Enter')
    await page.locator('[data-outline="components:main_switch"]').waitFor()
    await page.getByText('The scenario is valid.').waitFor()
    await page.getByRole('button', { name: 'Download JSON' }).click()
    // a published scenario that changed is offered a new version
    const saved = await downloadText(page, () =>
      page.getByRole('button', { name: 'Save as 1.0.1' }).click(),
    )
    const renamed = loadScenarioText(saved)
    expect(renamed.scenario.version).toBe('1.0.1')
    expect(saved).not.toMatch(/"isolator"|isolator ==|isolator\.locked/)
    expect(renamed.scenario.rules?.[0]?.when).toBe("main_switch == 'off'")
    expect(solvedPoints(renamed)).toBe(
      solvedPoints(loadScenarioText(readText('scenarios/conveyor-loto.json'))),
    )
  })

  it('keeps a draft through a reload of the page', async () => {
    const page = await openApp('editor draft')
    await openEditor(page)
    await page.getByRole('button', { name: 'New scenario from the template' }).click()
    await field(page, 'title.en').fill('Isolating my lathe')
    await page.waitForTimeout(800)
    await page.reload()
    await openEditor(page)
    await page
      .getByRole('button', { name: /^Continue/ })
      .first()
      .click()
    expect(await field(page, 'title.en').inputValue()).toBe('Isolating my lathe')
  })
})
