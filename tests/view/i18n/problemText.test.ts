// Problems in the learner's language: every code of the engine's catalogue has an English and a
// Chinese text in the interface's problems files, with the same params, and the texts read well;
// the files are downloaded when a problem is first said, and until then it reads in English.
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import {
  anyProblemAt,
  loadScenario,
  PROBLEM_TEXTS,
  problemAt,
  templateParams,
  type Problem,
} from '../../../src/core/index.ts'
import { problemLine, problemPlace, problemText } from '../../../src/view/i18n/problemText.ts'
import { Translator, type Dictionary } from '../../../src/view/i18n/translator.ts'

const read = (file: string) =>
  JSON.parse(readFileSync(`src/view/i18n/locales/${file}.json`, 'utf8')) as Dictionary
// the problems section is a file apart, downloaded when a problem is first said
const withProblems = (tag: string) => ({ ...read(tag), problems: read(`problems/${tag}`) })
const EN = withProblems('en')
const ZH = withProblems('zh-CN')

function lookUp(dictionary: Dictionary, key: string): string | undefined {
  let node: Dictionary | string | undefined = dictionary
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

const translator = new Translator({
  fallback: 'en',
  language: 'en',
  dictionaries: { en: EN, 'zh-CN': ZH },
  download: async () => ({}),
})
const en = translator.getFixedT('en')
const zh = translator.getFixedT('zh-CN')

const codes = Object.keys(PROBLEM_TEXTS) as (keyof typeof PROBLEM_TEXTS)[]

describe('problem texts in the interface languages', () => {
  it('gives every code the English text of the catalogue, so screens and the CLI agree', () => {
    for (const code of codes)
      expect([code, lookUp(EN, `problems.${code}`)]).toEqual([code, PROBLEM_TEXTS[code]])
  })

  it('gives every code a Chinese text that uses only params the code has', () => {
    for (const code of codes) {
      const text = lookUp(ZH, `problems.${code}`)
      expect(text, code).toBeTypeOf('string')
      // a text that is only a param (a detail said by something else) is the same in both
      if (!/^{{\w+}}$/.test(PROBLEM_TEXTS[code])) expect(text, code).not.toBe(PROBLEM_TEXTS[code])
      const known = new Set(templateParams(PROBLEM_TEXTS[code]))
      for (const param of templateParams(text!))
        expect([code, known.has(param)]).toEqual([code, true])
    }
  })

  it('says a problem of a broken scenario in Chinese, with the type words and suggestion', () => {
    const loaded = loadScenario(
      readFileSync('scenarios/conveyor-loto.json', 'utf8').replace(
        '"target": "isolator", "value": "off"',
        '"target": "isolater", "value": "off"',
      ),
    )
    const problem = (loaded.ok ? [] : loaded.problems)[0]!
    expect(problem.code).toBe('ref.unknownComponent')
    expect(problemText(en, problem)).toBe(problem.message)
    expect(problemText(zh, problem)).toBe('未知部件“isolater”（是否想写“isolator”？）')
    const typed = anyProblemAt(['steps', 0, 'points'], 'shape.wrongType', {
      expected: 'number',
      got: '"five"',
    })
    expect(problemText(zh, typed)).toBe('应为数字，而不是文本 "five"')
  })

  it('says a mistake in an expression in Chinese, with its column and suggestion', () => {
    const scenario = JSON.parse(readFileSync('scenarios/conveyor-loto.json', 'utf8'))
    const lamp = scenario.components.findIndex((c: { kind: string }) => c.kind === 'lamp')
    scenario.components[lamp].lit = "isolatr == 'on'"
    const loaded = loadScenario(JSON.stringify(scenario))
    const problem = (loaded.ok ? [] : loaded.problems)[0]!
    expect([problem.code, problem.params]).toEqual([
      'expr.unknownName',
      { name: 'isolatr', near: 'isolator', column: 1 },
    ])
    expect(problemText(zh, problem)).toBe('第 1 列：未知名称“isolatr”（是否想写“isolator”？）')
  })

  it('says where a problem is by the element name in the language, not as a JSON path', () => {
    const doc = {
      locales: ['en', 'zh-CN'],
      steps: [{ id: 'isolate', title: { en: 'Isolate', 'zh-CN': '隔离' } }],
      rules: [{ when: 'true' }],
    }
    expect(problemPlace(en, ['steps', 0, 'action', 'target'], doc, 'en')).toBe(
      'Step “Isolate” › action › target',
    )
    expect(problemPlace(zh, ['steps', 0, 'after', 1], doc, 'zh-CN')).toBe(
      '步骤“隔离” › after › 第 2 项',
    )
    expect(problemPlace(en, ['rules', 0, 'when'], doc)).toBe('Rule #1 › when')
    expect(problemPlace(en, ['title'], doc)).toBe('Scenario settings › title')
    const whole: Problem = problemAt([], 'file.notUtf8')
    expect(problemLine(zh, whole)).toBe('文件: 文件不是 UTF-8 文本；请以 UTF-8 编码保存')
  })
})

describe('problem texts downloaded when first said', () => {
  const problem = problemAt([], 'file.notUtf8')
  const start = () => {
    const downloadSection = vi.fn(async (section: string, language: string) => {
      expect(section).toBe('problems')
      return read(`problems/${language}`)
    })
    const i18n = new Translator({
      fallback: 'en',
      language: 'zh-CN',
      dictionaries: { en: read('en'), 'zh-CN': read('zh-CN') },
      download: async () => ({}),
      sections: ['problems'],
      downloadSection,
    })
    return { i18n, downloadSection }
  }

  it('says the English until the texts arrive, then the language, telling the screen', async () => {
    const { i18n, downloadSection } = start()
    const told = vi.fn()
    i18n.onTexts(told)
    const zh = i18n.getFixedT('zh-CN')
    expect(downloadSection).not.toHaveBeenCalled()
    expect(problemText(zh, problem)).toBe(problem.message)
    expect(problemPlace(zh, ['steps', 0, 'title'])).toBe('steps[0].title')
    expect(problemText(zh, problem)).toBe(problem.message)
    expect(i18n.hasSection('problems')).toBe(false)
    await vi.waitFor(() => expect(i18n.hasSection('problems')).toBe(true))
    // once per language: the screen re-renders, and its snapshot (the revision) has changed
    expect(told).toHaveBeenCalledTimes(2)
    expect(i18n.revision).toBe(2)
    expect(problemText(zh, problem)).toBe('文件不是 UTF-8 文本；请以 UTF-8 编码保存')
    expect(downloadSection.mock.calls.map((c) => c[1]).sort()).toEqual(['en', 'zh-CN'])
  })

  it('downloads nothing for a screen that says no problem', () => {
    const { i18n, downloadSection } = start()
    i18n.getFixedT('zh-CN')('play.start', { defaultValue: '' })
    expect(downloadSection).not.toHaveBeenCalled()
  })

  it('brings the texts along when the language changes after a problem was said', async () => {
    const { i18n, downloadSection } = start()
    await i18n.changeLanguage('en')
    const arrived = new Promise<void>((resolve) => i18n.onTexts(resolve))
    problemText(i18n.getFixedT('en'), problem)
    await arrived
    expect(downloadSection.mock.calls.map((c) => c[1])).toEqual(['en'])
    await i18n.changeLanguage('zh-CN')
    expect(downloadSection.mock.calls.map((c) => c[1])).toEqual(['en', 'zh-CN'])
    expect(problemText(i18n.getFixedT('zh-CN'), problem)).toBe(
      '文件不是 UTF-8 文本；请以 UTF-8 编码保存',
    )
  })

  it('asks again after a download fails, and says the English meanwhile', async () => {
    const downloadSection = vi
      .fn<(section: string, language: string) => Promise<Dictionary>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockImplementation(async (_section, language) => read(`problems/${language}`))
    const i18n = new Translator({
      fallback: 'en',
      language: 'en',
      dictionaries: { en: read('en') },
      download: async () => ({}),
      sections: ['problems'],
      downloadSection,
    })
    const en = i18n.getFixedT('en')
    expect(problemText(en, problem)).toBe(problem.message)
    await vi.waitFor(() => expect(downloadSection).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    const arrived = new Promise<void>((resolve) => i18n.onTexts(resolve))
    problemText(en, problem)
    await arrived
    expect(downloadSection).toHaveBeenCalledTimes(2)
    expect(problemPlace(en, [])).toBe('The file')
  })
})
