import { describe, expect, it } from 'vitest'
import { getShownRows, type CohortRow } from '../../../src/view/assessor/cohort.ts'

function row(key: string, learner: string, percent: number, status: string): CohortRow {
  return {
    key,
    learner,
    scenario: key.startsWith('p') ? 'pump-startup 1.0.0' : 'conveyor-loto 1.0.0',
    mode: 'practice',
    date: '2026-11-28T09:00:00.000Z',
    durationMs: 1000,
    percent,
    status,
    levels: {},
    ratios: {},
    flags: [],
  }
}

const rows = [
  row('c1', 'Amina', 81.8, 'passed'),
  row('c2', 'kofi', 9.5, 'failed'),
  row('p1', 'Chen', 100, 'passed'),
]

describe('getShownRows', () => {
  it('sorts numbers as numbers, both ways', () => {
    const up = getShownRows(rows, '', '', { key: 'percent', up: true })
    expect(up.map((r) => r.key)).toEqual(['c2', 'c1', 'p1'])
    const down = getShownRows(rows, '', '', { key: 'percent', up: false })
    expect(down.map((r) => r.key)).toEqual(['p1', 'c1', 'c2'])
  })

  it('keeps the rows of a status whose learner or scenario holds the filter, in any case', () => {
    const shown = getShownRows(rows, ' CONVEYOR ', 'passed', { key: 'learner', up: true })
    expect(shown.map((r) => r.key)).toEqual(['c1'])
    expect(getShownRows(rows, 'KOFI', '', { key: 'learner', up: true })).toHaveLength(1)
  })

  it('leaves the rows given as they were', () => {
    getShownRows(rows, '', '', { key: 'percent', up: true })
    expect(rows.map((r) => r.key)).toEqual(['c1', 'c2', 'p1'])
  })
})
