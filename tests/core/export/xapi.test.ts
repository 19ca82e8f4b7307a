import validateStatement from '@learninglocker/xapi-validation'
import { describe, expect, it } from 'vitest'
import {
  exportXapi,
  isUuid,
  uuidV5,
  XAPI_NAMESPACE,
  type XapiStatement,
} from '../../../src/core/index.ts'
import { conveyor, scored } from './fixtures.ts'

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const ADL = 'http://adlnet.gov/expapi/verbs/'

/** The problems Learning Locker's xAPI 1.0.3 validator finds, as readable lines. */
function xapiProblems(statement: XapiStatement): string[] {
  const warnings = validateStatement(JSON.parse(JSON.stringify(statement)))
  return warnings.map((w) => `${w.path.join('.')}: ${w.constructor.name} ${JSON.stringify(w)}`)
}

function verbs(statements: readonly XapiStatement[]): string[] {
  return statements.map((s) => s.verb.id.slice(ADL.length))
}

describe('xAPI export', () => {
  const { model, example, zh } = conveyor()
  const statements = exportXapi(example)

  it('the validator in use reports a broken statement, so a pass means something', () => {
    const broken = { ...statements[0]!, timestamp: 'yesterday', version: '2.0' } as never
    expect(xapiProblems(broken).length).toBe(2)
  })

  it('every statement of both attempts passes the xAPI 1.0.3 validator', () => {
    for (const s of [...statements, ...exportXapi(zh)]) expect(xapiProblems(s)).toEqual([])
  })

  it('writes initialized, a completed per completed step, completed, passed, terminated', () => {
    const completedSteps = example.result.steps.filter((s) => s.complete).length
    expect(completedSteps).toBe(11)
    expect(verbs(statements)).toEqual([
      'initialized',
      ...Array<string>(completedSteps).fill('completed'),
      'completed',
      'passed',
      'terminated',
    ])
  })

  it('writes neither passed nor failed for a pending attempt', () => {
    expect(zh.result.status).toBe('pending')
    const v = verbs(exportXapi(zh))
    expect(v).not.toContain('passed')
    expect(v).not.toContain('failed')
    expect(v.at(-1)).toBe('terminated')
  })

  it('writes failed with success false for a failed attempt', () => {
    const attempt = { ...example.attempt, events: [{ t: 1000, action: 'end' }] }
    const failed = scored(model, attempt)
    expect(failed.result.status).toBe('failed')
    const out = exportXapi(failed)
    expect(verbs(out)).toEqual(['initialized', 'completed', 'failed', 'terminated'])
    expect(out[2]!.result).toEqual({
      score: { scaled: failed.result.score.percent / 100, raw: 4, min: 0, max: 66 },
      success: false,
      duration: 'PT1S',
    })
  })

  it('lists the step statements in time order, each at startedAt + the step time', () => {
    const steps = statements.slice(1, -3)
    expect(steps.map((s) => s.object.id.split('/').at(-1))).toEqual([
      'ppe-glasses',
      'stop',
      'notify',
      'isolate',
      'lock',
      'open-dump',
      'zero-pressure',
      'verify',
      'verify-zero',
      'ppe-gloves',
      'open-guard',
    ])
    for (const s of steps) {
      const step = example.result.steps.find((r) => s.object.id.endsWith(`/steps/${r.id}`))!
      expect(s.timestamp).toBe(
        new Date(Date.parse('2026-11-28T09:00:00.000Z') + step.t!).toISOString(),
      )
    }
    expect(steps[6]!.timestamp).toBe('2026-11-28T09:00:11.200Z')
  })

  it('scores a step with earned of points, and success false when it was out of order', () => {
    const stop = statements.find((s) => s.object.id.endsWith('/steps/stop'))!
    expect(stop.result).toEqual({
      score: { raw: 3, min: 0, max: 5 },
      success: false,
      completion: true,
    })
    expect(stop.object).toEqual({
      objectType: 'Activity',
      id: 'https://practica.example/xapi/scenarios/conveyor-loto/steps/stop',
      definition: {
        name: { en: 'Stop the conveyor with the STOP button', 'zh-CN': '按停止按钮停止输送机' },
        type: 'http://adlnet.gov/expapi/activities/interaction',
      },
    })
    expect(stop.context.contextActivities?.parent).toEqual([
      {
        objectType: 'Activity',
        id: 'https://practica.example/xapi/attempts/0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10',
        definition: { type: 'http://adlnet.gov/expapi/activities/attempt' },
      },
    ])
    expect(stop.context.contextActivities?.grouping?.[0]?.id).toBe(
      'https://practica.example/xapi/scenarios/conveyor-loto',
    )
  })

  it('ends with completed, passed and terminated at startedAt + duration, with the score', () => {
    const [completed, passed, terminated] = statements.slice(-3)
    for (const s of [completed!, passed!, terminated!]) {
      expect(s.timestamp).toBe('2026-11-28T09:00:16.000Z')
      expect(s.object.id).toBe('https://practica.example/xapi/scenarios/conveyor-loto')
    }
    expect(completed!.result).toEqual({ completion: true, duration: 'PT16S' })
    expect(passed!.result).toEqual({
      score: { scaled: 81.81818181818181 / 100, raw: 54, min: 0, max: 66 },
      success: true,
      duration: 'PT16S',
    })
    expect(statements[0]!.timestamp).toBe('2026-11-28T09:00:00.000Z')
  })

  it('names the scenario activity in every locale of the scenario', () => {
    expect(statements[0]!.object.definition).toEqual({
      name: { en: 'Lockout/tagout of a belt conveyor drive', 'zh-CN': '带式输送机驱动的上锁挂牌' },
      description: {
        en: 'Isolate the conveyor drive and its pneumatic take-up before opening the guard to replace a roller.',
        'zh-CN': '在打开防护罩更换托辊之前，隔离输送机驱动及其气动张紧装置。',
      },
      type: 'http://adlnet.gov/expapi/activities/simulation',
    })
  })

  it('identifies the learner by an account and names them', () => {
    expect(zh.attempt.learner?.name).toBe('王小明, "阿明"\n二班')
    for (const s of exportXapi(zh))
      expect(s.actor).toEqual({
        objectType: 'Agent',
        name: '王小明, "阿明"\n二班',
        account: { homePage: 'https://practica.example/learners', name: 's-2077' },
      })
  })

  it('gives every statement version 1.0.3, platform Practica and the default locale', () => {
    for (const s of statements) {
      expect(s.version).toBe('1.0.3')
      expect(s.context.platform).toBe('Practica')
      expect(s.context.language).toBe('en')
    }
  })

  it('gives the same statements, byte for byte, when exported twice', () => {
    expect(JSON.stringify(exportXapi(example))).toBe(JSON.stringify(statements))
  })

  it('gives each statement a distinct version 5 UUID from the attempt id and its position', () => {
    const ids = statements.map((s) => s.id)
    for (const id of ids) expect(id).toMatch(UUID_V5)
    expect(new Set(ids).size).toBe(ids.length)
    ids.forEach((id, i) => expect(id).toBe(uuidV5(`${example.attempt.id}#${i}`, XAPI_NAMESPACE)))
    const zhIds = new Set(exportXapi(zh).map((s) => s.id))
    expect(ids.some((id) => zhIds.has(id))).toBe(false)
  })

  it('uses the attempt id as the registration when it is a UUID', () => {
    for (const s of statements)
      expect(s.context.registration).toBe('0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10')
  })

  it('derives a version 5 UUID registration from an attempt id that is not a UUID', () => {
    expect(isUuid(zh.attempt.id)).toBe(false)
    const expected = uuidV5('zh-attempt-0002', XAPI_NAMESPACE)
    expect(expected).toMatch(UUID_V5)
    for (const s of exportXapi(zh)) expect(s.context.registration).toBe(expected)
  })

  it('converts a startedAt with a zone offset to UTC with milliseconds', () => {
    const out = exportXapi(zh)
    expect(zh.attempt.startedAt).toBe('2026-11-28T10:30:00.250+08:00')
    expect(out[0]!.timestamp).toBe('2026-11-28T02:30:00.250Z')
    expect(out[1]!.timestamp).toBe('2026-11-28T02:30:01.050Z')
    expect(out.at(-1)!.timestamp).toBe('2026-11-28T02:31:02.250Z')
    expect(out.at(-1)!.result?.duration).toBe('PT1M2S')
  })

  it('counts from 1970-01-01T00:00:00.000Z when the attempt has no startedAt', () => {
    const attempt = { ...example.attempt }
    delete attempt.startedAt
    const out = exportXapi({ ...example, attempt })
    expect(out[0]!.timestamp).toBe('1970-01-01T00:00:00.000Z')
    expect(out.at(-1)!.timestamp).toBe('1970-01-01T00:00:16.000Z')
    for (const s of out) expect(xapiProblems(s)).toEqual([])
  })

  it('names an anonymous learner by the attempt id, with no name', () => {
    const attempt = { ...zh.attempt }
    delete attempt.learner
    const out = exportXapi({ ...zh, attempt })
    expect(out[0]!.actor).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://practica.example/learners', name: 'anonymous-zh-attempt-0002' },
    })
    expect(xapiProblems(out[0]!)).toEqual([])
  })

  it('takes the learners home page and the activity base from the options', () => {
    const out = exportXapi(example, {
      homePage: 'https://lms.example.org',
      activityBase: 'https://lrs.example.org/x/',
    })
    expect(out[0]!.actor.account.homePage).toBe('https://lms.example.org')
    expect(out[0]!.object.id).toBe('https://lrs.example.org/x/scenarios/conveyor-loto')
    expect(out[1]!.context.contextActivities?.parent?.[0]?.id).toBe(
      'https://lrs.example.org/x/attempts/0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10',
    )
  })

  it('escapes an attempt id that is not IRI-safe in the attempt activity id', () => {
    const out = exportXapi({ ...zh, attempt: { ...zh.attempt, id: 'run 7/#a' } })
    expect(out[1]!.context.contextActivities?.parent?.[0]?.id).toBe(
      'https://practica.example/xapi/attempts/run%207%2F%23a',
    )
    for (const s of out) expect(xapiProblems(s)).toEqual([])
  })

  it('the namespace is the version 5 UUID of the Practica xAPI base in the URL namespace', () => {
    expect(uuidV5('https://practica.example/xapi', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(
      XAPI_NAMESPACE,
    )
  })
})
