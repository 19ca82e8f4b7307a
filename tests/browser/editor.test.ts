// The instructor's editor in headless Chromium: build a scenario from the template, rename a
// component everywhere, and find a draft again after a reload.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { scoreAttempt, solve, type Model } from '../../src/core/index.ts'
import { loadScenarioText, readText } from '../helpers.ts'
import { expectNoSeriousAxe } from './axe.ts'
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

/** Adds a component from the palette: a kind, then one of its looks (or the kind's plain shape). */
async function addComponent(page: Page, kind: string, look?: string): Promise<void> {
  const palette = page.getByRole('group', { name: 'Add a component' })
  await palette.getByLabel('Kind of component').selectOption({ label: kind })
  if (look !== undefined) await palette.getByLabel('Look').selectOption({ label: look })
  await palette.getByRole('button', { name: /^Add/ }).click()
}

/** The English titles of the drafts this browser keeps (IndexedDB), as a reload would find them. */
function draftTitles(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('practica')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('drafts')) return (db.close(), resolve([]))
          const all = db.transaction('drafts').objectStore('drafts').getAll()
          all.onsuccess = () => {
            db.close()
            resolve(
              (all.result as { doc: { title?: string | { en?: string } } }[]).map((d) =>
                typeof d.doc.title === 'string' ? d.doc.title : (d.doc.title?.en ?? ''),
              ),
            )
          }
        }
      }),
  )
}

/** Selects the element with this id in the outline's section. */
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
    await addComponent(page, 'Switch')
    await addComponent(page, 'Lamp')
    expect(await count('components')).toBe(components + 2)
    // the lamp is selected: make it follow the switch, with a typo first
    // the condition builder shows it; the formula is a toggle away
    await page.getByRole('button', { name: 'Write it as a formula' }).click()
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
    await page.getByRole('button', { name: '+ add to Steps' }).click()
    await page.getByRole('button', { name: 'Done by a learner act instead' }).click()
    await field(page, `steps[${steps}].action.target`).selectOption('switch_1')
    await field(page, `steps[${steps}].action.action`).selectOption('set')
    await field(page, `steps[${steps}].action.value`).selectOption('on')
    await page.getByRole('button', { name: '+ add to Steps' }).click()
    await page.getByRole('button', { name: 'Write it as a formula' }).click()
    await field(page, `steps[${steps + 1}].state`).fill('lamp_1')
    // a hazard
    await page.getByRole('button', { name: '+ add to Hazards' }).click()
    await page.getByText('The scenario is valid.').waitFor()

    // the solver runs in the background after every change
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
      page.getByRole('button', { name: 'Save as 1.1.1' }).click(),
    )
    const renamed = loadScenarioText(saved)
    expect(renamed.scenario.version).toBe('1.1.1')
    expect(saved).not.toMatch(/"isolator"|isolator ==|isolator\.locked/)
    expect(renamed.scenario.rules?.[0]?.when).toBe("main_switch == 'off'")
    expect(solvedPoints(renamed)).toBe(
      solvedPoints(loadScenarioText(readText('scenarios/conveyor-loto.json'))),
    )
  })

  it('adds a gate valve mounted on a pipe, sets its size, saves a view, and the file validates', async () => {
    const page = await openApp('editor looks')
    await openEditor(page)
    await page.getByRole('button', { name: 'New scenario from the template' }).click()
    await page.getByText('The scenario is valid.').waitFor()
    const components = await page.locator('[data-outline^="components:"]').count()
    const palette = page.getByRole('group', { name: 'Add a component' })
    // a pipe run, then a gate valve, from the palette: a kind, then one of its looks
    await palette
      .getByLabel('Kind of component')
      .selectOption({ label: 'Fixed equipment (scenery)' })
    await palette.getByLabel('Look').selectOption({ label: 'Pipe run' })
    await palette.getByRole('button', { name: /^Add/ }).click()
    await palette.getByLabel('Kind of component').selectOption({ label: 'Valve' })
    await palette.getByLabel('Look').selectOption({ label: 'Gate valve with handwheel' })
    await palette.getByRole('button', { name: /^Add/ }).click()
    // the pipe's far end dragged by its handle in 3D: one edit, undone at once
    await select(page, 'components', 'static_1')
    const end = field(page, `components[${components}].params.points[1][0]`)
    expect(await end.inputValue()).toBe('1')
    const handle = await page.waitForFunction(() => window.__practicaEditor?.handlePoint(1))
    const from = (await handle.jsonValue())!
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(from.x + 30, from.y, { steps: 4 })
    await page.mouse.move(from.x + 60, from.y, { steps: 4 })
    await page.mouse.up()
    const dragged = Number(await end.inputValue())
    expect(dragged).toBeGreaterThan(1)
    // on the 5 cm grid
    expect(Math.abs(dragged * 20 - Math.round(dragged * 20))).toBeLessThan(1e-6)
    await page.getByRole('button', { name: 'Undo' }).click()
    expect(await end.inputValue()).toBe('1')
    await page.getByRole('button', { name: 'Redo' }).click()
    expect(Number(await end.inputValue())).toBe(dragged)
    await select(page, 'components', 'valve_1')
    const valve = `components[${components + 1}]`
    expect(await field(page, `${valve}.look`).inputValue()).toBe('valve.gate')
    // the pipe is 1 m long at 1 m up; the valve goes half-way along it, then onto it
    await field(page, `${valve}.position[0]`).fill('0.5')
    await field(page, `${valve}.parent`).selectOption('static_1')
    // mounted, it keeps its place in the room: half-way along the pipe, in the pipe's frame
    expect(await field(page, `${valve}.position[0]`).inputValue()).toBe('0.5')
    expect(await field(page, `${valve}.position[1]`).inputValue()).toBe('0')
    const size = field(page, `${valve}.params.size`)
    expect(await size.getAttribute('placeholder')).toBe('default 0.08')
    await size.fill('0.1')
    await page.getByText('The scenario is valid.').waitFor()

    // the camera's view, saved with a title in both languages
    await page.getByRole('button', { name: 'Save the current camera as a view' }).click()
    await page.getByLabel('Title (en)').fill('Valve on the pipe')
    await page.getByLabel('Title (zh-CN)').fill('管路上的阀门')
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('valve-on-the-pipe')
    await page.getByRole('button', { name: 'Save view' }).click()
    await page.getByText('Saved the view “Valve on the pipe”.').waitFor()
    await page.getByText('The scenario is valid.').waitFor()
    await expectNoSeriousAxe(page)
    // listed in the settings, where the camera goes to it
    await page.getByRole('button', { name: 'Scenario settings', exact: true }).click()
    await page.getByRole('button', { name: 'Go to Valve on the pipe' }).click()
    await expectNoSeriousAxe(page)

    const saved = await downloadText(page, () =>
      page.getByRole('button', { name: 'Download JSON' }).click(),
    )
    const model = loadScenarioText(saved)
    const doc = model.scenario
    const gate = model.components.find((c) => c.source.look === 'valve.gate')!.source
    expect(gate).toMatchObject({ parent: 'static_1', params: { size: 0.1 }, position: [0.5, 0, 0] })
    expect(model.components.find((c) => c.id === 'static_1')?.source.look).toBe('static.pipe')
    expect(doc.scene?.views).toEqual([
      expect.objectContaining({
        id: 'valve-on-the-pipe',
        title: { en: 'Valve on the pipe', 'zh-CN': '管路上的阀门' },
        fov: 50,
      }),
    ])
    expect(doc.scene?.views?.[0]?.position).toHaveLength(3)
  })

  it('offers looks, the parent, the state names and the fields in Chinese', async () => {
    const page = await openApp('editor looks zh', { locale: 'zh-CN' })
    await page.getByRole('button', { name: '编辑场景' }).click()
    await page.getByRole('heading', { name: '场景编辑器' }).waitFor()
    await page.getByRole('button', { name: '从模板新建场景' }).click()
    await page.getByText('场景有效。').waitFor()
    const palette = page.getByRole('group', { name: '添加部件' })
    await palette.getByLabel('部件类型').selectOption({ label: '阀门' })
    await palette.getByLabel('外观').selectOption({ label: '闸阀（手轮）' })
    await palette.getByRole('button', { name: /^添加/ }).click()
    await field(page, 'components[2].parent').selectOption('power')
    await field(page, 'components[2].stateLabels.open.en').fill('Open')
    await field(page, 'components[2].stateLabels.open["zh-CN"]').fill('开启')
    await page.getByText('场景有效。').waitFor()
    // the fields and their choices in words, not by the file's keys (position, kind)
    await page.getByRole('group', { name: '位置（米）' }).waitFor()
    expect(await page.getByRole('combobox', { name: '类型', exact: true }).inputValue()).toBe(
      'valve',
    )
    await expectNoSeriousAxe(page)
    // the warning before deleting the part the valve is mounted on says who refers to it
    await page.getByRole('button', { name: '删除 power', exact: true }).click()
    const warning = page.getByRole('alertdialog', { name: '删除它并破坏这些引用吗？' })
    await warning.getByText('阀门“valve_1”安装在它上面').waitFor()
    await expectNoSeriousAxe(page)
    await warning.getByRole('button', { name: '保留' }).click()
    await page.locator('[data-outline="components:power"]').waitFor()
  })

  it('keeps a draft through a reload of the page', async () => {
    const page = await openApp('editor draft')
    await openEditor(page)
    await page.getByRole('button', { name: 'New scenario from the template' }).click()
    await field(page, 'title.en').fill('Isolating my lathe')
    // the draft is kept 300 ms after the last change: reload once it is in the browser's database
    await expect.poll(() => draftTitles(page), { timeout: 30_000 }).toContain('Isolating my lathe')
    await page.reload()
    await openEditor(page)
    await page
      .getByRole('button', { name: /^Continue/ })
      .first()
      .click()
    expect(await field(page, 'title.en').inputValue()).toBe('Isolating my lathe')
  })
})
