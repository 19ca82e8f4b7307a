// A scenario's mistake at run time in live play: an outcome the store keeps, with every event so
// far, instead of an exception out of an act.
import { describe, expect, it } from 'vitest'
import { createAttemptStore, toAttempt } from '../../src/state/attemptStore.ts'
import { loadScenarioFile } from '../helpers.ts'

const broken = loadScenarioFile('tests/fixtures/runtime-error/scenario.json')

function start() {
  let now = 0
  const setup = {
    model: broken,
    mode: 'practice' as const,
    learner: { id: 's-1', name: 'Test Learner' },
    faults: [],
    attemptId: 'a-1',
    startedAt: '2026-11-28T09:00:00.000Z',
  }
  const store = createAttemptStore(setup, () => now)
  return { store, setup, at: (ms: number) => (now = ms) }
}

describe('live attempt meeting a scenario mistake', () => {
  it('keeps every event so far and the state before the mistake, and says what the mistake was', () => {
    const { store, setup, at } = start()
    at(1000)
    store.getState().act('set', 'source', 'b')
    at(2000)
    store.getState().act('press', 'copy_btn')
    const before = store.getState().sim
    at(3000)
    expect(() => store.getState().act('press', 'copy_btn')).not.toThrow()
    const s = store.getState()
    expect(s.runtimeError).toMatch(/"mode" to "b", which is not one of its states/)
    expect(s.sim).toBe(before)
    expect(s.result).toBeUndefined()
    expect(toAttempt(setup, s.events).events).toEqual([
      { t: 1000, action: 'set', target: 'source', value: 'b' },
      { t: 2000, action: 'press', target: 'copy_btn' },
      { t: 3000, action: 'press', target: 'copy_btn' },
    ])
  })

  it('takes no more acts, ticks or finish once the scenario has stopped', () => {
    const { store, at } = start()
    store.getState().act('set', 'source', 'b')
    store.getState().act('press', 'copy_btn')
    store.getState().act('press', 'copy_btn')
    const stopped = store.getState()
    at(60_000)
    store.getState().act('set', 'source', 'a')
    store.getState().advance()
    store.getState().finish()
    expect(store.getState().events).toBe(stopped.events)
    expect(store.getState().sim).toBe(stopped.sim)
  })

  it('goes on normally when the run avoids the mistake', () => {
    const { store } = start()
    store.getState().act('press', 'copy_btn')
    store.getState().act('press', 'copy_btn')
    expect(store.getState().runtimeError).toBeNull()
    expect(store.getState().sim.comps[broken.componentIndex.get('mode')!]).toBe('a')
  })
})
