import { describe, expect, it } from 'vitest'
import { parseAttempt, scoreAttempt, type Attempt } from '../../src/core/index.ts'
import { lines, loadAttemptFile, loadScenarioFile } from '../helpers.ts'

const conveyor = loadScenarioFile('scenarios/conveyor-loto.json')
const example = loadAttemptFile('tests/golden/spec-worked-example/attempt.json')

function refusal(change: (a: Attempt) => void): string[] {
  const attempt: Attempt = structuredClone(example)
  change(attempt)
  const scored = scoreAttempt(conveyor, attempt)
  expect(scored.ok).toBe(false)
  return scored.ok ? [] : lines(scored.problems)
}

describe('attempt checks', () => {
  it('refuses an event on an unknown component, naming its index', () => {
    expect(
      refusal((a) => (a.events[3] = { t: 4000, action: 'press', target: 'stop_button' })),
    ).toEqual([
      'events[3]: event 3 is invalid: unknown component "stop_button" (did you mean "stop_btn"?)',
    ])
  })

  it('refuses an action the kind does not accept', () => {
    expect(
      refusal((a) => (a.events[1] = { t: 2000, action: 'set', target: 'stop_btn', value: 'on' })),
    ).toEqual([
      'events[1]: event 1 is invalid: "stop_btn" (a button) does not accept "set"; it accepts press, inspect',
    ])
  })

  it('refuses a set to a value outside the states, and a value on another action', () => {
    expect(
      refusal((a) => (a.events[4] = { t: 5000, action: 'set', target: 'isolator', value: 'of' })),
    ).toEqual([
      'events[4]: event 4 is invalid: "of" is not one of the states of "isolator" (on, off)',
    ])
    expect(
      refusal((a) => (a.events[1] = { t: 2000, action: 'press', target: 'stop_btn', value: 'x' })),
    ).toEqual(['events[1]: event 1 is invalid: "value" is allowed only on "set"'])
  })

  it('refuses lock on a component that is not lockable', () => {
    expect(refusal((a) => (a.events[7] = { t: 8000, action: 'lock', target: 'air_dump' }))).toEqual(
      [
        'events[7]: event 7 is invalid: "air_dump" (a valve) does not accept "lock"; it accepts set, inspect',
      ],
    )
  })

  it('refuses hints in assessment mode', () => {
    expect(refusal((a) => (a.mode = 'assessment'))).toEqual([
      'events[3]: event 3 is invalid: hints are not allowed in assessment mode',
    ])
  })

  it('refuses times that go backwards, also after the end', () => {
    expect(refusal((a) => a.events.push({ t: 100, action: 'press', target: 'radio' }))).toEqual([
      'events[15].t: event 15 is at 100 ms, before the event before it (16000 ms); times must not decrease',
    ])
  })

  it('refuses an attempt of another scenario', () => {
    expect(refusal((a) => (a.scenario.id = 'pump-startup'))).toEqual([
      'scenario.id: this attempt was recorded on scenario "pump-startup", not "conveyor-loto"; score it with its own scenario file',
    ])
  })

  it('refuses unknown or repeated faults and out-of-range marks', () => {
    expect(refusal((a) => (a.faults = ['jam']))).toEqual(['faults[0]: unknown fault "jam"'])
    expect(refusal((a) => (a.judgements = { housekeeping: { mark: 4 } }))).toEqual([
      'judgements.housekeeping.mark: a mark must be 0 to 3, not 4',
    ])
  })

  it('refuses a malformed attempt file with the path of each problem', () => {
    const parsed = parseAttempt(
      JSON.stringify({ ...example, mode: 'exam', events: [{ t: -1, action: 'end' }] }),
    )
    expect(!parsed.ok && lines(parsed.problems)).toEqual([
      'mode: must be one of "practice", "assessment", not the text "exam"',
      'events[0].t: t may not be negative',
    ])
  })

  it('warns when the attempt was recorded on another version or file', () => {
    const attempt: Attempt = {
      ...structuredClone(example),
      scenario: { id: 'conveyor-loto', version: '0.9.0', sha256: '00'.repeat(32) },
    }
    const scored = scoreAttempt(conveyor, attempt)
    expect(scored.ok && scored.value.warnings).toEqual([
      'attempt was recorded on scenario version 0.9.0',
      `attempt was recorded on a different scenario file (sha256 000000000000…, this file ${conveyor.sha256!.slice(0, 12)}…)`,
    ])
  })

  it('scores nothing that is not in the log: an attempt with no events ends at 0', () => {
    const scored = scoreAttempt(conveyor, { ...example, events: [], judgements: {} })
    expect(scored.ok && scored.value.durationMs).toBe(0)
    expect(scored.ok && scored.value.status).toBe('failed')
  })
})
