// The assessor's import: which attempt goes with which scenario and version, the same attempt
// twice, result files checked against re-scoring their attempt's log, and files refused.
import { describe, expect, it } from 'vitest'
import { importFiles, type InputFile } from '../../src/state/reviewImport.ts'
import { loadScenarioText, readText } from '../helpers.ts'

const EXAMPLE = 'tests/golden/spec-worked-example'
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const file = (name: string, text: string): InputFile => ({ name, bytes: encode(text) })

const SCENARIO = readText(`${EXAMPLE}/scenario.json`)
const ATTEMPT = readText(`${EXAMPLE}/attempt.json`)
const RESULT = readText(`${EXAMPLE}/expected.json`)
const ATTEMPT_ID = '0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10'

/** The worked scenario as version 2.0.0, where every step is worth ten times as much. */
const SCENARIO_V2 = SCENARIO.replace('"version": "1.0.0"', '"version": "2.0.0"').replace(
  /"points": (\d+)/g,
  (_, n: string) => `"points": ${Number(n) * 10}`,
)

/** The worked attempt with another id and the scenario version it says it was recorded on. */
function attemptOn(version: string, id: string): string {
  return ATTEMPT.replace(ATTEMPT_ID, id).replace(
    '"scenario": { "id": "conveyor-loto", "version": "1.0.0" }',
    `"scenario": { "id": "conveyor-loto", "version": "${version}" }`,
  )
}

describe('importFiles', () => {
  it('scores each attempt against the scenario of the version it was recorded on', () => {
    const { items, scenarios } = importFiles(
      [
        file('v1.json', SCENARIO),
        file('v2.json', SCENARIO_V2),
        file('a1.json', attemptOn('1.0.0', 'a-1')),
        file('a2.json', attemptOn('2.0.0', 'a-2')),
      ],
      [],
    )
    expect(scenarios.map((m) => m.scenario.version)).toEqual(['1.0.0', '2.0.0'])
    const byKey = Object.fromEntries(items.map((i) => [i.key, i]))
    expect(byKey['a-1']!.model!.scenario.version).toBe('1.0.0')
    expect(byKey['a-2']!.model!.scenario.version).toBe('2.0.0')
    expect(byKey['a-2']!.result!.score.max).toBe(byKey['a-1']!.result!.score.max * 10)
  })

  it('re-scores an attempt on a scenario with a look this app does not know', () => {
    const future = SCENARIO.replace(
      '"lockable": true, "taggable": true, "position": [-0.5, 1.0, 0.52] }',
      '"lockable": true, "taggable": true, "position": [-0.5, 1.0, 0.52], "look": "switch.from-the-future" }',
    )
    expect(future).toContain('switch.from-the-future')
    const { items } = importFiles([file('s.json', future), file('a.json', ATTEMPT)], [])
    expect(items).toHaveLength(1)
    expect(items[0]!.result!.score).toEqual(JSON.parse(RESULT).score)
  })

  it('falls back to the last loaded version of the same scenario when its own is not loaded', () => {
    const { items } = importFiles(
      [file('a.json', attemptOn('3.0.0', 'a-3'))],
      [loadScenarioText(SCENARIO), loadScenarioText(SCENARIO_V2)],
    )
    expect(items).toHaveLength(1)
    expect(items[0]!.model!.scenario.version).toBe('2.0.0')
    expect(items[0]!.problems).toEqual([])
  })

  it('uses the scenarios known already, and returns only those the import brought', () => {
    const { items, scenarios } = importFiles(
      [file('a.json', ATTEMPT)],
      [loadScenarioText(SCENARIO)],
    )
    expect(scenarios).toEqual([])
    expect(items[0]!.result?.score.raw).toBe(54)
  })

  it('says which scenario to add when an attempt has none loaded', () => {
    const { items } = importFiles([file('a.json', ATTEMPT)], [])
    expect(items).toHaveLength(1)
    expect(items[0]!.model).toBeUndefined()
    expect(items[0]!.problems.map((p) => [p.path, p.code, p.params])).toEqual([
      [['scenario', 'id'], 'import.scenarioMissing', { id: 'conveyor-loto' }],
    ])
  })

  it('keeps one item for the same attempt imported twice, the later file', () => {
    const { items } = importFiles(
      [file('s.json', SCENARIO), file('first.json', ATTEMPT), file('copy/first.json', ATTEMPT)],
      [],
    )
    expect(items.map((i) => [i.key, i.file])).toEqual([[ATTEMPT_ID, 'copy/first.json']])
  })

  it('accepts a result file whose numbers are what re-scoring its attempt gives', () => {
    const { items } = importFiles(
      [file('s.json', SCENARIO), file('r.json', RESULT), file('a.json', ATTEMPT)],
      [],
    )
    expect(items).toHaveLength(1)
    expect(items[0]!.mismatch).toBe(false)
  })

  it('flags a result file whose numbers do not match its attempt’s log', () => {
    const edited = RESULT.replace('"raw": 54', '"raw": 60')
    expect(edited).not.toBe(RESULT)
    const { items } = importFiles(
      [file('s.json', SCENARIO), file('a.json', ATTEMPT), file('r.json', edited)],
      [],
    )
    expect(items).toHaveLength(1)
    expect(items[0]!.mismatch).toBe(true)
    // the numbers shown are re-scoring's, never the file's
    expect(items[0]!.result!.score.raw).toBe(54)
  })

  it('names a result file whose attempt was not imported, which cannot be checked', () => {
    const { items } = importFiles([file('s.json', SCENARIO), file('r.json', RESULT)], [])
    expect(items.map((i) => [i.key, i.problems.map((p) => [p.path, p.code])])).toEqual([
      ['file:r.json', [[['attempt'], 'import.attemptMissing']]],
    ])
  })

  it('refuses files through the engine’s reader, one item each, with its refusal', () => {
    const { items } = importFiles(
      [
        file('big.json', ' '.repeat(5 * 1024 * 1024 + 1)),
        file('notes.json', '{"format": "something/1"}'),
        file('bad.json', '{"a": }'),
        { name: 'latin1.json', bytes: new Uint8Array([0x7b, 0xe9, 0x7d]) },
      ],
      [],
    )
    expect(items.map((i) => [i.file, i.problems.map((p) => p.code)])).toEqual([
      ['big.json', ['file.tooLarge']],
      ['notes.json', ['file.unknownFormat']],
      ['bad.json', ['file.notJson']],
      ['latin1.json', ['file.notUtf8']],
    ])
  })
})
