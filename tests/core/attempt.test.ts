import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AttemptSchema,
  checkAttemptShape,
  checkShape,
  loadAttempt,
  scoreAttempt,
  type Attempt,
  type JsonValue,
} from '../../src/core/index.ts'
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
    const parsed = loadAttempt(
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

describe("the attempt's shape", () => {
  // plain events are checked by hand, the rest by the schema: the outcome must be the schema's
  it('is checked exactly as the schema checks it, plain events or not', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.boolean(),
      fc.constant(2 ** 53),
      fc.constant(-0),
      fc.constant([]),
      fc.constant({}),
    )
    const plainEvent = fc.record(
      {
        t: fc.nat(),
        action: fc.string(),
        target: fc.string(),
        value: fc.string(),
      },
      { requiredKeys: ['t', 'action'] },
    )
    // a plain event with one thing changed, which may or may not make it invalid
    const changedEvent = fc.tuple(plainEvent, fc.nat(7), anything).map(([e, change, v]) => {
      const out: Record<string, unknown> = { ...e }
      if (change === 0) out['t'] = v
      else if (change === 1) out['t'] = -1 - e.t
      else if (change === 2) out['action'] = v
      else if (change === 3) out['target'] = v
      else if (change === 4) out['value'] = v
      else if (change === 5) out['x-note'] = v
      else if (change === 6) out['extra'] = v
      else delete out['action']
      return out
    })
    const header = fc.record(
      {
        format: fc.oneof(fc.constant('practica.attempt/1'), fc.string()),
        id: fc.oneof(fc.constant('a-1'), fc.constant(''), anything),
        scenario: fc.oneof(fc.constant({ id: 'conveyor-loto' }), anything),
        mode: fc.oneof(fc.constantFrom('practice', 'assessment'), anything),
        faults: fc.oneof(fc.array(fc.string()), anything),
        'x-tool': fc.string(),
      },
      { requiredKeys: [] },
    )
    const events = fc.oneof(
      fc.array(plainEvent, { maxLength: 8 }),
      fc
        .tuple(fc.array(plainEvent, { maxLength: 4 }), changedEvent, fc.array(plainEvent))
        .map(([before, changed, after]) => [...before, changed, ...after]),
      anything,
    )
    const attempt = fc.oneof(
      fc.tuple(header, events).map(([h, e]) => ({ ...h, events: e })),
      header,
      anything,
    )
    fc.assert(
      fc.property(attempt, (value) => {
        const json = value as JsonValue
        expect(checkAttemptShape(json)).toEqual(checkShape(AttemptSchema, json))
      }),
      { numRuns: 5000 },
    )
  })
})
