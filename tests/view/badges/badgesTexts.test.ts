// The Open Badges screens' texts: every text in both languages with the same placeholders, and
// every key the screens ask for (the credential kinds and the refusals the server gives too).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Dictionary } from '../../../src/view/i18n/translator.ts'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Dictionary
const EN = read('src/view/i18n/locales/badges/en.json')
const ZH = read('src/view/i18n/locales/badges/zh-CN.json')

const keys = (d: Dictionary, prefix = ''): string[] =>
  Object.entries(d).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
  )
const get = (d: Dictionary, key: string) =>
  key.split('.').reduce<unknown>((v, k) => (v as Dictionary)[k], d) as string

const SOURCES = [
  'src/view/assessor/ConfirmResult.tsx',
  'src/view/assessor/ConfirmedCredentials.tsx',
  'src/view/classroom/learner/MyCredentials.tsx',
  'src/view/classroom/staff/SigningKey.tsx',
]

describe('the Open Badges texts', () => {
  it('zh-CN says every English text, with the same placeholders, and nothing else', () => {
    expect(keys(ZH).sort()).toEqual(keys(EN).sort())
    const slots = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const k of keys(EN)) {
      expect(get(ZH, k), k).not.toBe('')
      expect(slots(get(ZH, k)), k).toEqual(slots(get(EN, k)))
    }
  })

  it('has every key the screens ask for, and a sentence for each refusal of the server', () => {
    const english = new Set(keys(EN))
    const used = SOURCES.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'badges\.([\w.-]+)'/g)].map((m) => m[1]!),
    )
    expect(used.length).toBeGreaterThan(25)
    const server = readFileSync('src/server/badges/issue.ts', 'utf8')
    const codes = [...server.matchAll(/ApiError\(\s*\d+,\s*'([\w-]+)'/g)].map((m) => m[1]!)
    expect(codes.length).toBeGreaterThan(1)
    const built = [
      ...['scenario', 'competency'].map((k) => `kind.${k}`),
      ...codes.map((c) => `errors.${c}`),
      'errors.signing-key-unreadable',
    ]
    expect([...new Set([...used, ...built])].filter((k) => !english.has(k))).toEqual([])
  })
})
