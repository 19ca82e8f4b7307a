// The live class view's texts: every text in both languages, and every key its screens use there.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Dictionary } from '../../../src/view/i18n/translator.ts'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Dictionary
const EN = read('src/view/i18n/locales/live/en.json')
const ZH = read('src/view/i18n/locales/live/zh-CN.json')

const keys = (d: Dictionary, prefix = ''): string[] =>
  Object.entries(d).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
  )

const SOURCES = [
  ...readdirSync('src/view/live')
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join('src/view/live', f)),
  'src/view/classroom/staff/AssignmentList.tsx',
  'src/view/classroom/staff/LiveEntries.tsx',
]

describe('the live class view texts', () => {
  it('zh-CN says every English text, and nothing else', () => {
    expect(keys(ZH).sort()).toEqual(keys(EN).sort())
    for (const k of keys(ZH)) expect(k).not.toBe('')
  })

  it('has every key the screens ask for, the statuses and connection states too', () => {
    const english = new Set(keys(EN))
    const used = SOURCES.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'live\.([\w.-]+)'/g)].map((m) => m[1]!),
    )
    expect(used.length).toBeGreaterThan(30)
    const built = [
      ...['not-started', 'working', 'finished'].map((s) => `status.${s}`),
      ...['connecting', 'live', 'reconnecting', 'refused'].map((s) => `connection.${s}`),
    ]
    expect([...new Set([...used, ...built])].filter((k) => !english.has(k))).toEqual([])
  })

  it('keeps the placeholders of each English text in Chinese', () => {
    const get = (d: Dictionary, key: string) =>
      key.split('.').reduce<unknown>((v, k) => (v as Dictionary)[k], d) as string
    const slots = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const k of keys(EN)) expect(slots(get(ZH, k)), k).toEqual(slots(get(EN, k)))
  })
})
