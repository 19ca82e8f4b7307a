// Golden cases: tests/golden/<case>/{scenario,attempt,expected}.json, each aimed at one rule of
// spec sections 3-4, scored by the engine and compared with the hand-computed expected result.
import { readdirSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scoreAttempt } from '../../src/core/index.ts'
import { expectClose, loadAttemptFile, loadScenarioFile, readText } from '../helpers.ts'

const cases = readdirSync(new URL('.', import.meta.url)).filter((name) =>
  statSync(new URL(name, import.meta.url)).isDirectory(),
)

describe('golden cases', () => {
  it('has the worked example and at least eight cases of its own', () => {
    expect(cases).toContain('spec-worked-example')
    expect(cases.length).toBeGreaterThanOrEqual(9)
  })

  it.each(cases)('%s scores to its expected result', (name) => {
    const model = loadScenarioFile(`tests/golden/${name}/scenario.json`)
    const attempt = loadAttemptFile(`tests/golden/${name}/attempt.json`)
    const result = scoreAttempt(model, attempt)
    if (!result.ok)
      throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
    expectClose(result.value, JSON.parse(readText(`tests/golden/${name}/expected.json`)))
  })

  it('scores the spec worked example exactly as the spec shows', () => {
    const model = loadScenarioFile('tests/golden/spec-worked-example/scenario.json')
    const result = scoreAttempt(
      model,
      loadAttemptFile('tests/golden/spec-worked-example/attempt.json'),
    )
    expect(result.ok && result.value.status).toBe('passed')
    expect(result.ok && result.value.score).toEqual({
      raw: 54,
      max: 66,
      percent: 81.81818181818181,
    })
  })
})
