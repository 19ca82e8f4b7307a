// The screens in both languages pass axe-core with no serious or critical violation: the library,
// the editor with its problems panel showing problems, and the review of a class's files. The
// problems panel says each problem in the interface language, never as a raw path.
import { describe, expect, it } from 'vitest'
import { formatPath, loadScenario, type Attempt } from '../../src/core/index.ts'
import { readInterfaceTexts, readText } from '../helpers.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

const en = readInterfaceTexts('en')
const zh = readInterfaceTexts('zh-CN')

const LANGUAGES = [
  ['English', 'en-US', en],
  ['Chinese', 'zh-CN', zh],
] as const

const json = (name: string, data: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(data, null, 2)),
})

/** The conveyor scenario with three mistakes of different kinds, which the editor lists. */
function scenarioWithProblems(): { doc: Record<string, unknown>; problems: number } {
  const doc = JSON.parse(readText('scenarios/conveyor-loto.json'))
  doc.steps[0].action.target = 'glasess'
  delete doc.components[1].label['zh-CN']
  doc.steps[1].points = -2
  const loaded = loadScenario(JSON.stringify(doc))
  if (loaded.ok) throw new Error('the changed scenario still validates')
  return { doc, problems: loaded.problems.length }
}

describe.skipIf(!hasBrowser)('accessibility of the screens, in both languages', () => {
  for (const [lang, locale, texts] of LANGUAGES) {
    it(`the library has no serious axe violation in ${lang}`, async () => {
      const page = await openApp(`a11y library ${lang}`, { locale })
      await page.getByRole('heading', { name: texts.library.title }).waitFor()
      await page.locator('li[data-scenario]').first().waitFor()
      await expectNoSeriousAxe(page)
    })

    it(`the editor's problems panel says each problem in ${lang}, with no serious axe violation`, async () => {
      const page = await openApp(`a11y editor problems ${lang}`, { locale })
      const { doc, problems } = scenarioWithProblems()
      await page.getByRole('button', { name: texts.library.editor }).click()
      await page.locator('#editor-file').setInputFiles(json('problems.json', doc))
      const panel = page.getByRole('region', { name: new RegExp(texts.editor.problems) })
      // the problems' list comes first; the texts missing in a language are listed apart
      const items = panel.getByRole('list').first().getByRole('listitem')
      await items.first().waitFor()
      expect(await items.count()).toBe(problems)
      const shown = (await items.allTextContents()).join('\n')
      // no text key left untranslated, such as problems.where.steps
      expect(shown).not.toMatch(/\bproblems\.[a-z]/)
      const loaded = loadScenario(JSON.stringify(doc))
      if (loaded.ok) throw new Error('unreachable')
      for (const p of loaded.problems) {
        // plain words: no raw path such as steps[0].action.target
        expect(shown).not.toContain(formatPath(p.path))
        if (locale === 'zh-CN') expect(shown).not.toContain(p.message)
      }
      if (locale === 'zh-CN') expect(shown).toMatch(/[\u4e00-\u9fff]/)
      await expectNoSeriousAxe(page)
    })

    it(`the review of a class's files has no serious axe violation in ${lang}`, async () => {
      const page = await openApp(`a11y review ${lang}`, { locale })
      const attempt = JSON.parse(
        readText('tests/golden/spec-worked-example/attempt.json'),
      ) as Attempt
      await page.getByRole('button', { name: texts.library.review }).click()
      await page.getByLabel(texts.review.assessor).fill('j.chen')
      await page
        .locator('input[type=file][multiple]')
        .setInputFiles([
          json('amina.attempt.json', attempt),
          json('broken.json', { format: 'practica.attempt/1' }),
        ])
      const row = page.locator('tr[data-attempt]').first()
      await row.waitFor()
      await expectNoSeriousAxe(page)
      // one attempt's detail, with its replay
      await row.getByRole('button').click()
      await page.getByRole('button', { name: texts.review.play, exact: true }).waitFor()
      await expectNoSeriousAxe(page)
    })
  }
})
