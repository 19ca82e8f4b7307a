import { describe, expect, it } from 'vitest'
import { loadScenario, scoreAttempt, solve } from '../../src/core/index.ts'
import { bundledScenarioFiles, loadScenarioFile } from '../helpers.ts'

describe.each(bundledScenarioFiles())('solve %s', (file) => {
  it('finds an attempt that completes every step in order with full points and no hazard', () => {
    const model = loadScenarioFile(file)
    const solved = solve(model)
    if (!solved.ok) throw new Error(solved.reason)
    expect(solved.attempt.mode).toBe('assessment')
    const scored = scoreAttempt(model, solved.attempt)
    if (!scored.ok) throw new Error(scored.problems[0]!.message)
    for (const s of scored.value.steps) {
      expect(s, s.id).toMatchObject({ complete: true, outOfOrder: false, hints: 0 })
      expect(s.earned, s.id).toBe(s.points)
    }
    expect(scored.value.hazards).toEqual([])
    // completion times follow the partial order of `after`
    for (const s of model.steps) {
      const t = scored.value.steps[model.stepIndex.get(s.id)!]!.t!
      for (const a of s.after)
        expect(
          scored.value.steps[a]!.t!,
          `${model.steps[a]!.id} before ${s.id}`,
        ).toBeLessThanOrEqual(t)
    }
  })
})

describe('solve when there is no solution', () => {
  const scenario = (overrides: object) => {
    const loaded = loadScenario(
      JSON.stringify({
        format: 'practica.scenario/1',
        id: 'nosol',
        version: '1.0.0',
        title: 'No solution',
        competencies: [],
        components: [
          { id: 'valve', kind: 'valve', label: 'Valve' },
          { id: 'guard', kind: 'door', label: 'Guard' },
        ],
        variables: [{ id: 'p', initial: 5, min: 0, rate: "if(valve == 'open', -1, 0)" }],
        steps: [
          {
            id: 'open',
            title: 'Open the valve',
            action: { action: 'set', target: 'valve', value: 'open' },
          },
          { id: 'empty', title: 'Pressure below 1', state: 'p < 1', after: ['open'] },
        ],
        ...overrides,
      }),
    )
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message)
    return loaded.value
  }

  it('waits for a rate-driven state step', () => {
    expect(solve(scenario({})).ok).toBe(true)
  })

  it('names the step that can never become true', () => {
    const solved = solve(
      scenario({
        variables: [{ id: 'p', initial: 5, min: 2, rate: "if(valve == 'open', -1, 0)" }],
      }),
    )
    expect(!solved.ok && solved.reason).toMatch(
      /^step "empty" never became true while it was ready/,
    )
  })

  it('names the hazard that fires on every way through', () => {
    const solved = solve(
      scenario({
        hazards: [{ id: 'spill', title: 'Spill', severity: 'major', when: "valve == 'open'" }],
      }),
    )
    expect(!solved.ok && solved.reason).toMatch(
      /^step "open" could never be done cleanly when it was ready; hazard "spill" fired/,
    )
  })

  it('names a hazard that is true at the start', () => {
    const solved = solve(
      scenario({ hazards: [{ id: 'live', title: 'Live', severity: 'critical', when: 'p > 1' }] }),
    )
    expect(!solved.ok && solved.reason).toBe(
      'hazard "live" is already true at the start, so every attempt triggers it',
    )
  })
})
