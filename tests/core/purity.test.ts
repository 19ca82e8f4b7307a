// The engine needs nothing of React or three: with both mocked as empty modules it still loads,
// runs and scores.
import { describe, expect, it, vi } from 'vitest'

vi.mock('react', () => ({}))
vi.mock('react-dom', () => ({}))
vi.mock('three', () => ({}))
vi.mock('zustand', () => ({}))

describe('engine independence', () => {
  it('scores the worked example with React, three and zustand mocked away', async () => {
    const core = await import('../../src/core/index.ts')
    const { readText } = await import('../helpers.ts')
    const model = core.loadScenario(readText('tests/golden/spec-worked-example/scenario.json'))
    const attempt = core.loadAttempt(readText('tests/golden/spec-worked-example/attempt.json'))
    if (!model.ok || !attempt.ok) throw new Error('fixture does not load')
    const result = core.scoreAttempt(model.value, attempt.value)
    expect(result.ok && result.value.score.raw).toBe(54)
  })
})
