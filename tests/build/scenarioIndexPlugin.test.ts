// The index the library lists the bundled scenarios from, written when the app is built: every
// bundled file, its card in English (other languages' are downloaded apart), and the hash a
// resumed attempt is known by.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ResolvedConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { bundledScenarioNames } from '../../src/build/checkScenariosPlugin.ts'
import {
  buildScenarioIndex,
  cardTexts,
  indexEntry,
  scenarioIndexPlugin,
} from '../../src/build/scenarioIndexPlugin.ts'
import { getLocalText, sha256Hex, type Text } from '../../src/core/index.ts'
import { ROOT } from '../helpers.ts'

interface RawScenario {
  id: string
  title: Text
  description?: Text
  competencies: { title: Text }[]
}

const raw = (file: string): RawScenario =>
  JSON.parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8')) as RawScenario

describe('the index of the bundled scenarios', () => {
  it('lists every bundled scenario, in file-name order, with the hash of its file', () => {
    const index = buildScenarioIndex(ROOT)
    expect(index.map((e) => e.file)).toEqual(bundledScenarioNames(ROOT))
    for (const entry of index) {
      if (!('sha256' in entry)) throw new Error(`${entry.file} is broken`)
      expect(entry.sha256).toBe(sha256Hex(readFileSync(join(ROOT, 'scenarios', entry.file))))
    }
  })

  it("gives each card's title, description and competencies in English, else its default", () => {
    for (const entry of buildScenarioIndex(ROOT)) {
      if (!('card' in entry)) throw new Error(`${entry.file} is broken`)
      const scenario = raw(entry.file)
      const { card } = entry
      expect(card.id).toBe(scenario.id)
      expect(card.locales.length).toBeGreaterThan(0)
      const say = (text: Text | undefined) =>
        text === undefined ? undefined : getLocalText(text, 'en', card.locales[0]!)
      expect(card.title, entry.file).toBe(say(scenario.title))
      expect(card.title).not.toBe('')
      expect(card.description).toBe(say(scenario.description))
      expect(card.competencies).toEqual(scenario.competencies.map((c) => say(c.title)))
    }
  })

  it("gives another language's card texts by scenario id, its default language's where it lacks one", () => {
    const texts = cardTexts(ROOT, 'zh-CN')
    for (const file of bundledScenarioNames(ROOT)) {
      const scenario = raw(file)
      const locales = typeof scenario.title === 'string' ? [] : Object.keys(scenario.title)
      const say = (text: Text) => getLocalText(text, 'zh-CN', locales[0] ?? 'en')
      expect(texts[scenario.id]?.['title'], file).toBe(say(scenario.title))
      expect(texts[scenario.id]?.['competencies']).toEqual({
        ...scenario.competencies.map((c) => say(c.title)),
      })
    }
    expect(texts['conveyor-loto']?.['title']).toBe('带式输送机驱动的上锁挂牌')
  })

  it("fills a language's card texts file, downloaded as text, and leaves English's empty", () => {
    const plugin = scenarioIndexPlugin()
    ;(plugin.configResolved as (config: Partial<ResolvedConfig>) => void)({
      root: ROOT,
      base: '/',
      command: 'build',
    })
    const context = { addWatchFile: () => undefined }
    const load = (id: string) =>
      (plugin.load as unknown as (this: typeof context, id: string) => string | undefined).call(
        context,
        join(ROOT, id),
      )
    const code = load('src/view/i18n/locales/scenarioCards/zh-CN.json?raw')!
    const texts = JSON.parse(JSON.parse(code.slice('export default '.length))) as Record<
      string,
      { title: string }
    >
    expect(texts['conveyor-loto']?.title).toBe('带式输送机驱动的上锁挂牌')
    expect(load('src/view/i18n/locales/scenarioCards/en.json?raw')).toBeUndefined()
    expect(load('src/view/i18n/locales/zh-CN.json?raw')).toBeUndefined()
  })

  it('gives a broken file its problems instead of a card', () => {
    const entry = indexEntry('broken.json', new TextEncoder().encode('{"id": "x"}'))
    expect('card' in entry).toBe(false)
    expect('problems' in entry && entry.problems.length).toBeGreaterThan(0)
  })

  it('serves the index as a module that fetches each file from scenarios/ while serving', () => {
    const plugin = scenarioIndexPlugin()
    ;(plugin.configResolved as (config: Partial<ResolvedConfig>) => void)({
      root: ROOT,
      base: '/',
      command: 'serve',
    })
    const resolved = (plugin.resolveId as (id: string) => string)('virtual:practica-scenario-index')
    const context = { addWatchFile: () => undefined }
    const code = (plugin.load as unknown as (this: typeof context, id: string) => string).call(
      context,
      resolved,
    )
    const json = code.slice(code.indexOf('['), code.lastIndexOf(']') + 1)
    const entries = JSON.parse(json) as { file: string; url: string }[]
    expect(entries.map((e) => e.url)).toEqual(
      bundledScenarioNames(ROOT).map((f) => `/scenarios/${f}`),
    )
  })
})
