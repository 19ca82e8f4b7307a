// Defaults live in one place: a scenario that leaves a field out gets the spec's value in its
// compiled model, and scoring uses the model's value (a screen reads it there too).
import { describe, expect, it } from 'vitest'
import { loadScenario, SCENARIO_DEFAULTS, scoreAttempt, type Model } from '../../src/core/index.ts'
import { readText } from '../helpers.ts'

function load(edit: (doc: Record<string, unknown>) => void): Model {
  const doc = JSON.parse(readText('tests/golden/spec-worked-example/scenario.json'))
  edit(doc)
  const loaded = loadScenario(JSON.stringify(doc))
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'))
  return loaded.value
}

describe('defaults', () => {
  const model = load((doc) => {
    delete doc['scoring']
    for (const j of doc['judgements'] as Record<string, unknown>[]) delete j['maxMark']
    for (const h of doc['hazards'] as Record<string, unknown>[]) delete h['penalty']
  })

  it('fill every scoring field the scenario leaves out with the spec value', () => {
    expect(model.scoring).toEqual({
      passPercent: 80,
      timeLimitMs: undefined,
      endOnCritical: true,
      penalties: { outOfOrder: 0, hint: 0, unexpectedAction: 0, blocked: 0 },
      levels: { competent: 0.7, proficient: 0.9 },
    })
    expect(model.tickMs).toBe(100)
  })

  it('give judgements their default maxMark and hazards their severity penalty', () => {
    expect(model.judgements.map((j) => j.maxMark)).toEqual([SCENARIO_DEFAULTS.maxMark])
    expect(model.hazards.map((h) => [h.severity, h.penalty])).toEqual([
      ['critical', 0],
      ['major', 10],
      ['minor', 3],
    ])
  })

  it('score a mark against the maxMark in force', () => {
    const attempt = {
      format: 'practica.attempt/1' as const,
      id: 'a',
      scenario: { id: model.scenario.id },
      mode: 'assessment' as const,
      events: [{ t: 0, action: 'end' }],
      judgements: { housekeeping: { mark: 3 } },
    }
    const scored = scoreAttempt(model, attempt)
    if (!scored.ok) throw new Error('does not score')
    expect(scored.value.judgements[0]).toMatchObject({ mark: 3, maxMark: 3, earned: 6 })
  })
})
