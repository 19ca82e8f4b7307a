// The admin's card for sending statements to the school's LRS: every text in both languages,
// every key the card asks for present (those it builds from a problem or a failure too), and the
// form's checks before it is sent.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { failureKind, forwardSettingsProblem } from '../../../src/state/classroom/lrsForward.ts'
import type { Dictionary } from '../../../src/view/i18n/translator.ts'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Dictionary
const EN = read('src/view/i18n/locales/lrsForward/en.json')
const ZH = read('src/view/i18n/locales/lrsForward/zh-CN.json')

// the card and the parts it is made of
const SOURCES = [
  'LrsForwarding.tsx',
  'LrsForwardStatus.tsx',
  'LrsForwardForm.tsx',
  'useLrsForward.ts',
].map((f) => `src/view/classroom/staff/${f}`)

const keys = (d: Dictionary, prefix = ''): string[] =>
  Object.entries(d).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
  )
const placeholders = (d: Dictionary) =>
  Object.fromEntries(
    keys(d).map((k) => {
      const text = k.split('.').reduce<unknown>((o, p) => (o as Dictionary)[p], d) as string
      return [k, [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()]
    }),
  )

describe('the LRS forwarding card', () => {
  it('has every English text in Chinese, with the same placeholders', () => {
    expect(keys(ZH).sort()).toEqual(keys(EN).sort())
    expect(placeholders(ZH)).toEqual(placeholders(EN))
  })

  it('finds every key it asks for, those made from a problem or a failure too', () => {
    const english = new Set(keys(EN))
    const used = SOURCES.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'lrsForward\.([\w.-]+)'/g)].map((m) => m[1]!),
    )
    expect(used.length).toBeGreaterThan(20)
    const problems = ['endpoint-empty', 'endpoint-not-web', 'secret-needed'].map(
      (p) => `form.problem.${p}`,
    )
    const failures = [null, 400, 401, 403, 404, 409, 429, 500, 503].map(
      (s) => `status.${failureKind(s)}`,
    )
    expect([...used, ...problems, ...failures].filter((k) => !english.has(k))).toEqual([])
  })

  it('checks the form before sending: an address, a web address, a secret the first time', () => {
    expect(forwardSettingsProblem(' ', 's', false)).toBe('endpoint-empty')
    expect(forwardSettingsProblem('lrs.school.example', 's', false)).toBe('endpoint-not-web')
    expect(forwardSettingsProblem('ftp://lrs.school.example', 's', false)).toBe('endpoint-not-web')
    expect(forwardSettingsProblem('https://lrs.school.example/xapi', '', false)).toBe(
      'secret-needed',
    )
    expect(forwardSettingsProblem('https://lrs.school.example/xapi', '', true)).toBeUndefined()
    expect(forwardSettingsProblem('http://10.0.0.5:8080/xapi/', 's', false)).toBeUndefined()
  })

  it('says a failure by what it means, not by its number alone', () => {
    expect(failureKind(null)).toBe('noAnswer')
    expect(failureKind(401)).toBe('credentials')
    expect(failureKind(429)).toBe('tooMany')
    expect(failureKind(503)).toBe('busy')
    expect(failureKind(502)).toBe('serverError')
    expect(failureKind(418)).toBe('other')
  })
})
