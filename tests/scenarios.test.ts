// The bundled scenario library: six or more trades, bilingual throughout, using the engine in earnest.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { loadCheckedScenario, scoreAttempt, sha256Hex, solve } from '../src/core/index.ts'
import { bundledScenarioFiles, loadScenarioFile, ROOT } from './helpers.ts'

const files = bundledScenarioFiles()

/** Every Text value in a scenario, found by the fields that hold Text. */
function texts(scenario: Record<string, any>): unknown[] {
  const out: unknown[] = [scenario['title'], scenario['description']]
  const fields: Record<string, string[]> = {
    competencies: ['title'],
    components: ['label'],
    steps: ['title', 'hint'],
    hazards: ['title'],
    judgements: ['title', 'guide'],
    faults: ['title'],
  }
  for (const [list, keys] of Object.entries(fields)) {
    for (const el of scenario[list] ?? [])
      for (const k of keys) if (el[k] !== undefined) out.push(el[k])
  }
  return out
}

describe('the scenario library', () => {
  it('has at least six scenarios, one of them with faults to troubleshoot', () => {
    expect(files.length).toBeGreaterThanOrEqual(6)
    expect(files.some((f) => (loadScenarioFile(f).scenario.faults ?? []).length > 0)).toBe(true)
  })

  it.each(files)(
    '%s is in English and Chinese throughout, with rates, rules and hazards',
    (file) => {
      const { scenario } = loadScenarioFile(file)
      expect(scenario.locales).toEqual(['en', 'zh-CN'])
      for (const text of texts(scenario)) {
        expect(text, JSON.stringify(text)).toMatchObject({
          en: expect.any(String),
          'zh-CN': expect.any(String),
        })
      }
      expect(scenario.variables?.some((v) => v.rate !== undefined)).toBe(true)
      expect(scenario.rules?.length ?? 0).toBeGreaterThan(0)
      expect(new Set(scenario.hazards?.map((h) => h.severity))).toEqual(
        new Set(['critical', 'major', 'minor']),
      )
    },
  )

  // the app only compiles them, trusting the check made when it was built
  it.each(files)('%s compiles unchecked to the model the checked load gives', (file) => {
    const checked = loadScenarioFile(file)
    const bytes = readFileSync(`${ROOT}/${file}`)
    const unchecked = loadCheckedScenario(bytes, sha256Hex(bytes))
    expect(unchecked.sha256).toBe(checked.sha256)
    // the same model, less its compiled closures (key order may differ: the checked one is zod's)
    const data = (model: object) => JSON.parse(JSON.stringify(model)) as unknown
    expect(data(unchecked)).toEqual(data(checked))
    const solved = solve(checked)
    if (!solved.ok) throw new Error(solved.reason)
    expect(scoreAttempt(unchecked, solved.attempt)).toEqual(scoreAttempt(checked, solved.attempt))
  })
})
