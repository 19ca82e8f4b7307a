import { describe, expect, it } from 'vitest'
import { exportResultJson, exportResultsCsv, solve } from '../../../src/core/index.ts'
import { loadAttemptFile, loadScenarioFile, readText } from '../../helpers.ts'
import { parseCsv } from './csvParse.ts'
import { conveyor, scored } from './fixtures.ts'

describe('result JSON export', () => {
  it('writes the result with two-space indentation and a final newline', () => {
    const { example } = conveyor()
    const text = exportResultJson(example.result)
    expect(text).toBe(JSON.stringify(example.result, null, 2) + '\n')
    expect(JSON.parse(text)).toEqual(
      JSON.parse(readText('tests/golden/spec-worked-example/expected.json')),
    )
  })
})

describe('gradebook CSV export', () => {
  const { example, zh } = conveyor()
  const text = exportResultsCsv([example, zh])
  const rows = parseCsv(text)

  it('starts with a UTF-8 byte-order mark and ends every row with CRLF', () => {
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(4)
  })

  it('has the fixed columns, then one column per competency headed ID (%)', () => {
    expect(rows[0]).toEqual([
      'learner id',
      'learner name',
      'attempt id',
      'scenario id',
      'scenario version',
      'mode',
      'started at',
      'duration (s)',
      'raw',
      'max',
      'percent',
      'status',
      'SAFE.PPE (%)',
      'LOTO.PREP (%)',
      'LOTO.ISOLATE (%)',
      'LOTO.VERIFY (%)',
      'WORK.HOUSEKEEPING (%)',
    ])
  })

  it('writes one row per attempt with scores and competency percentages to 1 decimal', () => {
    expect(rows[1]).toEqual([
      's-1042',
      'Amina Phiri',
      '0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10',
      'conveyor-loto',
      '1.0.0',
      'practice',
      '2026-11-28T09:00:00.000Z',
      '16',
      '54',
      '66',
      '81.8',
      'passed',
      '100.0',
      '75.0',
      '78.6',
      '100.0',
      '66.7',
    ])
    expect(rows[2]!.slice(2, 12)).toEqual([
      'zh-attempt-0002',
      'conveyor-loto',
      '1.0.0',
      'assessment',
      '2026-11-28T10:30:00.250+08:00',
      '62',
      '58',
      '66',
      '87.9',
      'pending',
    ])
  })

  it('quotes a name with a comma, quote and line break, and reads back the same Chinese text', () => {
    expect(rows[2]![1]).toBe('王小明, "阿明"\n二班')
    expect(text).toContain('s-2077,"王小明, ""阿明""\n二班",zh-attempt-0002,')
  })

  it('leaves fields without a comma, quote, CR or LF unquoted', () => {
    expect(text.split('\r\n')[1]).toBe(
      's-1042,Amina Phiri,0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10,conveyor-loto,1.0.0,practice,2026-11-28T09:00:00.000Z,16,54,66,81.8,passed,100.0,75.0,78.6,100.0,66.7',
    )
  })

  it('takes the union of competencies in first-seen order, empty where a scenario lacks one or it is not assessed', () => {
    const pump = loadScenarioFile('scenarios/pump-startup.json')
    const solved = solve(pump)
    if (!solved.ok) throw new Error(solved.reason)
    const nothing = loadScenarioFile('tests/golden/competency-nothing-to-assess/scenario.json')
    const table = parseCsv(
      exportResultsCsv([
        example,
        scored(pump, solved.attempt),
        scored(nothing, loadAttemptFile('tests/golden/competency-nothing-to-assess/attempt.json')),
      ]),
    )
    const header = table[0]!.slice(12)
    expect(header).toEqual([
      'SAFE.PPE (%)',
      'LOTO.PREP (%)',
      'LOTO.ISOLATE (%)',
      'LOTO.VERIFY (%)',
      'WORK.HOUSEKEEPING (%)',
      'PUMP.LINEUP (%)',
      'PUMP.START (%)',
      'PUMP.MONITOR (%)',
      'A.WARN (%)',
      'B.GUARD (%)',
      'C.UNUSED (%)',
      'D.LOG (%)',
    ])
    expect(table[1]!.slice(12)).toEqual([
      '100.0',
      '75.0',
      '78.6',
      '100.0',
      '66.7',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ])
    expect(table[2]!.slice(12)).toEqual([
      '100.0',
      '',
      '',
      '',
      '',
      '100.0',
      '100.0',
      '62.5',
      '',
      '',
      '',
      '',
    ])
    expect(table[3]!.slice(12)).toEqual(['', '', '', '', '', '', '', '', '100.0', '', '', ''])
    // an attempt without a learner leaves both learner cells empty
    expect(table[3]!.slice(0, 2)).toEqual(['', ''])
  })

  it('keeps a spreadsheet from running a learner name as a formula', () => {
    const attempt = {
      ...example.attempt,
      learner: { id: '@x', name: '=HYPERLINK("http://e.vil")' },
    }
    const row = parseCsv(exportResultsCsv([{ ...example, attempt }]))[1]!
    expect(row.slice(0, 2)).toEqual(["'@x", '\'=HYPERLINK("http://e.vil")'])
  })

  it('writes only the header for no attempts', () => {
    expect(parseCsv(exportResultsCsv([]))).toEqual([rows[0]!.slice(0, 12)])
  })
})
