import { describe, expect, it } from 'vitest'
import {
  compileScenario,
  exportMoodleFramework,
  MOODLE_FRAMEWORK_HEADER,
} from '../../../src/core/index.ts'
import { parseCsv } from './csvParse.ts'
import { conveyor } from './fixtures.ts'

describe('Moodle competency framework export', () => {
  const { model } = conveyor()
  const rows = parseCsv(exportMoodleFramework(model))

  it('writes the 14 columns of Moodle tool_lpimportcsv, in its order', () => {
    expect(rows[0]).toEqual([...MOODLE_FRAMEWORK_HEADER])
    expect(rows[0]).toHaveLength(14)
    for (const row of rows) expect(row).toHaveLength(14)
  })

  it('starts with a BOM and ends every row with CRLF', () => {
    const text = exportMoodleFramework(model)
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('writes one framework row with the scenario id, title, description and a scale', () => {
    expect(rows[1]).toEqual([
      '',
      'conveyor-loto',
      'Lockout/tagout of a belt conveyor drive',
      'Isolate the conveyor drive and its pneumatic take-up before opening the guard to replace a roller.',
      '2',
      'Not yet competent,Competent,Proficient',
      '[{"scaleid":"0"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1},{"id":3,"scaledefault":0,"proficient":1}]',
      '',
      '',
      '',
      '',
      '',
      '1',
      'competency',
    ])
  })

  it('has a scale configuration Moodle accepts: the scale first, a default and a proficient value', () => {
    const config = JSON.parse(rows[1]![6]!) as Record<string, unknown>[]
    expect(config[0]).toHaveProperty('scaleid')
    expect(config.slice(1).some((c) => c.scaledefault === 1)).toBe(true)
    expect(config.slice(1).some((c) => c.proficient === 1)).toBe(true)
    expect(config.slice(1).map((c) => c.id)).toEqual([1, 2, 3])
  })

  it('writes one row per competency at the top of the framework (empty parent ID number)', () => {
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2], r[12]])).toEqual([
      ['', 'SAFE.PPE', 'Select and wear PPE', ''],
      ['', 'LOTO.PREP', 'Prepare for shutdown', ''],
      ['', 'LOTO.ISOLATE', 'Isolate and lock out energy sources', ''],
      ['', 'LOTO.VERIFY', 'Verify zero energy', ''],
      ['', 'WORK.HOUSEKEEPING', 'Keep the work area safe and tidy', ''],
    ])
  })

  it('takes texts in the locale asked for', () => {
    const zh = parseCsv(exportMoodleFramework(model, { locale: 'zh-CN' }))
    expect(zh[1]![2]).toBe('带式输送机驱动的上锁挂牌')
    expect(zh[2]![2]).toBe('选择并穿戴个人防护装备')
  })

  it('falls back to the default locale for a locale the scenario lacks', () => {
    expect(parseCsv(exportMoodleFramework(model, { locale: 'fr' }))).toEqual(rows)
  })

  it('quotes a description with a comma, quote and line break', () => {
    const scenario = {
      ...model.scenario,
      competencies: [
        { id: 'Q.1', title: 'Read "the gauge", then log', description: 'line one\nline two' },
      ],
    }
    const text = exportMoodleFramework(compileScenario(scenario))
    expect(text).toContain('\r\n,Q.1,"Read ""the gauge"", then log","line one\nline two",2,')
    expect(parseCsv(text)[2]!.slice(1, 4)).toEqual([
      'Q.1',
      'Read "the gauge", then log',
      'line one\nline two',
    ])
  })
})
