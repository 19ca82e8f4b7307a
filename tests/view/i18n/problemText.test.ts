// Problems in the learner's language: every code of the engine's catalogue has an English and a
// Chinese text in the interface's language files, with the same params, and the texts read well.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
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

const read = (tag: string) =>
  JSON.parse(readFileSync(`src/view/i18n/locales/${tag}.json`, 'utf8')) as Dictionary
const EN = read('en')
const ZH = read('zh-CN')

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
