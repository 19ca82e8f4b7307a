// The replay store: the moment it shows is the engine's replayTo at that moment, scrubbing in any
// order; playback stops at the end; one replay per attempt is kept; a scenario's mistake at run
// time cuts the replay short at the event that met it instead of throwing.
import { describe, expect, it } from 'vitest'
import { replayAttempt, replayTo, type Attempt } from '../../src/core/index.ts'
import { createReplayStore, getReplay } from '../../src/state/replay.ts'
import { loadAttemptFile, loadScenarioFile } from '../helpers.ts'

const conveyor = loadScenarioFile('scenarios/conveyor-loto.json')
const golden = loadAttemptFile('tests/golden/spec-worked-example/attempt.json')
const broken = loadScenarioFile('tests/fixtures/runtime-error/scenario.json')
const brokenAttempt = loadAttemptFile('tests/fixtures/runtime-error/attempt.json')

describe('replay store', () => {
  it('shows at every moment the state the engine replays to, seeking backwards and forwards', () => {
    const store = createReplayStore(conveyor, golden)
    const end = store.getState().durationMs
    expect(end).toBeGreaterThan(0)
    const moments = [end, 0, Math.round(end / 2), 1, end - 1, Math.round(end / 3), end + 5000, 7]
    for (const ms of moments) {
      store.getState().seek(ms)
      const shown = Math.min(ms, end)
      expect(store.getState().ms).toBe(shown)
      expect(store.getState().sim).toEqual(replayTo(conveyor, golden, shown))
    }
  })

  it('ends in the state that scores, and playback stops there by itself', () => {
    const store = createReplayStore(conveyor, golden)
    store.getState().setSpeed(8)
    store.getState().toggle()
    expect(store.getState().playing).toBe(true)
    store.getState().forward(1000)
    expect(store.getState().ms).toBe(8000)
    expect(store.getState().sim).toEqual(replayTo(conveyor, golden, 8000))
    store.getState().forward(10 * 60 * 1000)
    expect(store.getState().playing).toBe(false)
    expect(store.getState().ms).toBe(store.getState().durationMs)
    expect(store.getState().sim).toEqual(replayAttempt(conveyor, golden))
  })

  it('keeps one replay per attempt and model: a second screen or a judgement mark does not replay again', () => {
    expect(getReplay(conveyor, golden)).toBe(getReplay(conveyor, golden))
    const marked: Attempt = { ...golden, judgements: { housekeeping: { mark: 3 } } }
    expect(getReplay(conveyor, marked)).toBe(getReplay(conveyor, golden))
    // other events, or the same events in another mode, are another replay
    const shorter: Attempt = { ...golden, events: golden.events.slice(0, 3) }
    expect(getReplay(conveyor, shorter)).not.toBe(getReplay(conveyor, golden))
    const assessed: Attempt = {
      ...golden,
      mode: golden.mode === 'practice' ? 'assessment' : 'practice',
    }
    expect(getReplay(conveyor, assessed).mode).toBe(assessed.mode)
  })

  it("stops at the event that meets the scenario's mistake, with every event before it applied", () => {
    expect(() => replayAttempt(broken, brokenAttempt)).toThrow(/not one of its states/)
    const store = createReplayStore(broken, brokenAttempt)
    const { error, durationMs } = store.getState()
    // the third event (the second press after turning the source to b) sets mode to "b"
    expect(error).toMatchObject({ index: 2, t: brokenAttempt.events[2]!.t })
    expect(error!.message).toMatch(/"mode" to "b"/)
    expect(durationMs).toBe(brokenAttempt.events[2]!.t)
    store.getState().seek(durationMs - 1)
    const before = { ...brokenAttempt, events: brokenAttempt.events.slice(0, 2) }
    expect(store.getState().sim).toEqual(replayTo(broken, before, durationMs - 1))
    expect(store.getState().sim.comps[broken.componentIndex.get('source')!]).toBe('b')
    // the timeline's classes come from the same replay: the events after the mistake are unprocessed
    expect(getReplay(broken, brokenAttempt).final.log.map((o) => o.index)).toEqual([0, 1])
  })
})
