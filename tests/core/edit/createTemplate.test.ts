import { describe, expect, it } from 'vitest'
import {
  createTemplate,
  loadScenario,
  serializeScenario,
  solve,
  type Model,
} from '../../../src/core/index.ts'

function load(text: string): Model {
  const loaded = loadScenario(text)
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return loaded.value
}

describe('createTemplate', () => {
  it('is a valid scenario that solve can complete', () => {
    const model = load(serializeScenario(createTemplate()))
    expect(model.scenario.locales).toEqual(['en'])
    expect(solve(model).ok).toBe(true)
  })

  it('is valid and solvable with the locales en and zh-CN', () => {
    const model = load(serializeScenario(createTemplate({ locales: ['en', 'zh-CN'] })))
    expect(model.scenario.locales).toEqual(['en', 'zh-CN'])
    expect(solve(model).ok).toBe(true)
  })

  it('takes the id it is given', () => {
    expect(createTemplate({ id: 'pump-check' })['id']).toBe('pump-check')
  })

  it('has one competency, a switch, a lamp and one step', () => {
    const doc = createTemplate()
    expect(doc['competencies']).toHaveLength(1)
    expect((doc['components'] as { kind: string }[]).map((c) => c.kind)).toEqual(['switch', 'lamp'])
    expect(doc['steps']).toHaveLength(1)
  })
})
