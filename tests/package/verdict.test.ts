// What the packages tell an LMS, decided from the engine's result: the verdict first, a score only
// where it agrees; SCORM 1.2's session time; and the attempt kept in suspend_data.
import { describe, expect, it } from 'vitest'
import type { Result } from '../../src/core/index.ts'
import { formatSessionTime } from '../../src/package/scorm12.ts'
import {
  decodeSuspendData,
  encodeSuspendData,
  SUSPEND_DATA_LIMIT,
} from '../../src/package/suspendData.ts'
import { cmi5MoveOn, cmi5Verdict, scorm12Outcome } from '../../src/package/verdict.ts'
import { cmi5CourseStructure, scorm12Manifest } from '../../src/package/manifests.ts'
import { loadScenarioFile } from '../helpers.ts'

const model = loadScenarioFile('scenarios/conveyor-loto.json')
const noJudgements = { ...model, judgements: [] }

function result(status: Result['status'], percent: number, critical = false): Result {
  return {
    status,
    passed: status === 'passed',
    score: { raw: percent, max: 100, percent },
    hazards: critical ? [{ id: 'guard-open-live', severity: 'critical', t: 3000 }] : [],
    steps: model.steps.map((s) => ({ id: s.id, complete: true })),
  } as unknown as Result
}

describe('the verdict an LMS is told', () => {
  it('SCORM 1.2: passed or failed with the score in percent, when they agree', () => {
    expect(scorm12Outcome(model, result('passed', 92.5))).toEqual({
      lessonStatus: 'passed',
      raw: 92.5,
    })
    expect(scorm12Outcome(model, result('failed', 61.234))).toEqual({
      lessonStatus: 'failed',
      raw: 61.23,
    })
  })

  it('SCORM 1.2: a critical hazard above the pass mark fails with no score (the LMS would pass it)', () => {
    expect(scorm12Outcome(model, result('failed', 95))).toEqual({
      lessonStatus: 'failed',
      raw: undefined,
    })
  })

  it('SCORM 1.2: judgements still to be marked: completed, no score', () => {
    expect(scorm12Outcome(model, result('pending', 70))).toEqual({
      lessonStatus: 'completed',
      raw: undefined,
    })
  })

  it('cmi5: moveOn is Completed while an assessor has judgements to mark', () => {
    expect(cmi5MoveOn(model)).toBe('Completed')
    expect(cmi5MoveOn(noJudgements)).toBe('CompletedAndPassed')
  })

  it("cmi5: no verdict while pending; else the score against the LMS's mastery score", () => {
    expect(cmi5Verdict(model, result('pending', 90), 0.8)).toEqual({ verb: 'none' })
    expect(cmi5Verdict(model, result('passed', 90), 0.8)).toEqual({ verb: 'passed', scaled: 0.9 })
    expect(cmi5Verdict(model, result('failed', 40), 0.8)).toEqual({ verb: 'failed', scaled: 0.4 })
    // the LMS's mastery score decides, not the scenario's pass mark (80 %)
    expect(cmi5Verdict(model, result('passed', 85), 0.9)).toEqual({ verb: 'failed', scaled: 0.85 })
    expect(cmi5Verdict(model, result('failed', 75), 0.7)).toEqual({ verb: 'passed', scaled: 0.75 })
    expect(cmi5Verdict(model, result('passed', 85), undefined)).toEqual({
      verb: 'passed',
      scaled: 0.85,
    })
  })

  it('cmi5: a critical hazard fails the attempt, without a score that would pass it', () => {
    expect(cmi5Verdict(model, result('failed', 95, true), 0.8)).toEqual({
      verb: 'failed',
      scaled: undefined,
    })
    expect(cmi5Verdict(model, result('failed', 40, true), 0.8)).toEqual({
      verb: 'failed',
      scaled: 0.4,
    })
  })
})

describe('SCORM 1.2 run-time values', () => {
  it('writes the session time as HHHH:MM:SS.SS', () => {
    expect(formatSessionTime(0)).toBe('0000:00:00.00')
    expect(formatSessionTime(8_164)).toBe('0000:00:08.16')
    expect(formatSessionTime(3_723_450)).toBe('0001:02:03.45')
  })

  it('keeps an attempt in suspend_data and reads it back, within 4,096 characters', () => {
    const events = Array.from({ length: 200 }, (_, i) => ({
      t: i * 1500,
      action: i % 3 === 0 ? 'set' : 'press',
      target: `part_${i % 7}`,
      ...(i % 3 === 0 ? { value: 'off' } : {}),
    }))
    const attempt = {
      id: '5b0c6d1e-0000-4000-8000-000000000000',
      mode: 'assessment' as const,
      startedAt: '2026-12-04T09:00:00.000Z',
      faults: ['worn_belt'],
      events: [...events, { t: 400_000, action: 'end' }],
    }
    const text = encodeSuspendData(attempt)
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT)
    expect(text).toMatch(/^[\x20-\x7e]+$/)
    expect(decodeSuspendData(text)).toEqual(attempt)
    expect(decodeSuspendData('P1:not base64!')).toBeUndefined()
    expect(decodeSuspendData('')).toBeUndefined()
  })
})

describe('the manifests', () => {
  it('SCORM 1.2: the pass mark as mastery score, every file listed', () => {
    const xml = scorm12Manifest(model, ['index.html', 'scenario.json'])
    expect(xml).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>')
    expect(xml).toContain('<file href="scenario.json"/>')
  })

  it('cmi5: one AU, moveOn and masteryScore from the pass mark', () => {
    const xml = cmi5CourseStructure(model)
    expect(xml.match(/<au /g)).toHaveLength(1)
    expect(xml).toContain('moveOn="Completed" masteryScore="0.8"')
    expect(cmi5CourseStructure(noJudgements)).toContain('moveOn="CompletedAndPassed"')
    expect(xml).toContain('<url>index.html</url>')
  })

  it("cmi5: the course and AU named under the school's base IRI, as the server's statements name the scenario", () => {
    expect(cmi5CourseStructure(model)).toContain(
      '<course id="urn:practica:scenario:conveyor-loto">',
    )
    expect(cmi5CourseStructure(model)).toContain('<au id="urn:practica:scenario:conveyor-loto:au"')
    const xml = cmi5CourseStructure(model, 'https://school.test/practica')
    expect(xml).toContain('<course id="https://school.test/practica/scenarios/conveyor-loto">')
    expect(xml).toContain('<au id="https://school.test/practica/scenarios/conveyor-loto/au"')
  })
})
