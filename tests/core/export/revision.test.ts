// Exports of a stored result name its revision (issue 14: a server's result grows a revision each
// time a judgement mark changes it); exports of results scored from files stay as they were.
import validateStatement from '@learninglocker/xapi-validation'
import { describe, expect, it } from 'vitest'
import { exportResultsCsv, exportXapi, type XapiStatement } from '../../../src/core/index.ts'
import { parseCsv } from './csvParse.ts'
import { conveyor } from './fixtures.ts'

const REVISION = 'https://practica.example/xapi/extensions/revision'

function xapiProblems(statement: XapiStatement): string[] {
  return validateStatement(JSON.parse(JSON.stringify(statement))).map(
    (w) => `${w.path.join('.')}: ${w.constructor.name}`,
  )
}

describe('gradebook CSV with revisions', () => {
  const { example, zh } = conveyor()

  it('adds a revision column after status when a row names its revision', () => {
    const rows = parseCsv(exportResultsCsv([{ ...example, revision: 3 }, zh]))
    const at = rows[0]!.indexOf('revision')
    expect(at).toBe(rows[0]!.indexOf('status') + 1)
    expect(rows[1]![at]).toBe('3')
    expect(rows[2]![at]).toBe('')
    // the competency columns move one place, their values do not change
    const plain = parseCsv(exportResultsCsv([example, zh]))
    expect(rows[1]!.slice(at + 1)).toEqual(plain[1]!.slice(at))
    expect(rows[0]!.slice(at + 1)).toEqual(plain[0]!.slice(at))
  })

  it('has no revision column when no row names one', () => {
    expect(parseCsv(exportResultsCsv([example, zh]))[0]).not.toContain('revision')
  })
})

describe('xAPI statements with revisions', () => {
  const { example } = conveyor()
  const plain = exportXapi(example)
  const second = exportXapi({ ...example, revision: 2 })
  const third = exportXapi({ ...example, revision: 3 })

  it('names the revision in the result of the whole-attempt statements only', () => {
    const named = second.filter((s) => s.result?.extensions?.[REVISION] === 2)
    expect(named.map((s) => s.verb.id.split('/').at(-1))).toEqual([
      'completed',
      'passed',
      'terminated',
    ])
    for (const s of named) expect(s.context.contextActivities).toBeUndefined()
    expect(second.filter((s) => s.result?.extensions !== undefined)).toHaveLength(3)
    expect(plain.some((s) => s.result?.extensions !== undefined)).toBe(false)
  })

  it('gives each revision its own ids for those statements and keeps the step ids', () => {
    expect(second).toHaveLength(plain.length)
    for (let i = 0; i < plain.length; i++) {
      const changes = second[i]!.result?.extensions !== undefined
      expect(second[i]!.id === plain[i]!.id).toBe(!changes)
      expect(second[i]!.id === third[i]!.id).toBe(!changes)
    }
  })

  it('every statement with a revision passes the xAPI 1.0.3 validator', () => {
    for (const s of second) expect(xapiProblems(s)).toEqual([])
  })

  it('follows the activity base in the extension IRI', () => {
    const based = exportXapi(
      { ...example, revision: 1 },
      { activityBase: 'https://school.example/lrs/' },
    )
    expect(
      based.at(-1)!.result!.extensions!['https://school.example/lrs/extensions/revision'],
    ).toBe(1)
  })
})
