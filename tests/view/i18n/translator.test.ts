// The interface's translator: keys, values, plural forms, the fallback language, downloads; and
// the language files themselves, which must translate every English text.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { Translator, type Dictionary } from '../../../src/view/i18n/translator.ts'

const EN: Dictionary = {
  play: { start: 'Start {{name}}', stop: 'Stop' },
  problems_one: '{{count}} problem',
  problems_other: '{{count}} problems',
  only: 'English only',
}
const ZH: Dictionary = { play: { start: '启动{{name}}' }, problems: '{{count}} 个问题' }

/** `t` in the translator's current language, as the interface gets it. */
const say = (i18n: Translator) => i18n.getFixedT(i18n.language)

function translator(download = vi.fn(async (_language: string) => ZH)) {
  const i18n = new Translator({
    fallback: 'en',
    language: 'en',
    dictionaries: { en: EN, 'zh-CN': { language: { name: '中文' } } },
    download,
  })
  return { i18n, download }
}

describe('the translator', () => {
  it('finds nested keys and puts values in', () => {
    const { i18n } = translator()
    expect(say(i18n)('play.start', { name: 'the pump' })).toBe('Start the pump')
    expect(say(i18n)('play.stop')).toBe('Stop')
    // a value it was not given stays visible, so the mistake shows
    expect(say(i18n)('play.start')).toBe('Start {{name}}')
  })

  it("chooses the plural form by the language's rules", async () => {
    const { i18n } = translator()
    expect(say(i18n)('problems', { count: 1 })).toBe('1 problem')
    expect(say(i18n)('problems', { count: 0 })).toBe('0 problems')
    expect(say(i18n)('problems', { count: 3 })).toBe('3 problems')
    await i18n.changeLanguage('zh-CN')
    // Chinese has one form, written without a suffix
    expect(say(i18n)('problems', { count: 1 })).toBe('1 个问题')
  })

  it('falls back to English for a missing key, then to the default or the key', async () => {
    const { i18n } = translator()
    await i18n.changeLanguage('zh-CN')
    expect(say(i18n)('play.start', { name: '泵' })).toBe('启动泵')
    expect(say(i18n)('only')).toBe('English only')
    expect(say(i18n)('state.lap', { defaultValue: 'lap' })).toBe('lap')
    expect(say(i18n)('no.such.key')).toBe('no.such.key')
    // a key that names a group is not a text
    expect(say(i18n)('play')).toBe('play')
  })

  it('offers what is known of a language before downloading the rest', () => {
    const { i18n, download } = translator()
    expect(i18n.getFixedT('zh-CN')('language.name')).toBe('中文')
    expect(i18n.getFixedT('zh-CN')('play.stop')).toBe('Stop')
    expect(download).not.toHaveBeenCalled()
  })

  it('switches only once the texts have arrived, downloads them once, and tells listeners', async () => {
    let arrive: (texts: Dictionary) => void = () => {}
    const download = vi.fn(() => new Promise<Dictionary>((resolve) => (arrive = resolve)))
    const { i18n } = translator(download)
    const heard: string[] = []
    const stop = i18n.onChange((language) => heard.push(language))
    const switching = i18n.changeLanguage('zh-CN')
    const again = i18n.changeLanguage('zh-CN')
    await Promise.resolve()
    expect(i18n.language).toBe('en')
    arrive(ZH)
    await Promise.all([switching, again])
    expect(i18n.language).toBe('zh-CN')
    expect(i18n.getFixedT('zh-CN')('language.name')).toBe('中文')
    expect(download).toHaveBeenCalledTimes(1)
    expect(heard).toEqual(['zh-CN'])
    await i18n.changeLanguage('en')
    stop()
    await i18n.changeLanguage('zh-CN')
    expect(heard).toEqual(['zh-CN', 'en'])
  })

  it('stays in its language when a download fails, and tries again next time', async () => {
    const download = vi
      .fn<(language: string) => Promise<Dictionary>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(ZH)
    const { i18n } = translator(download)
    await expect(i18n.changeLanguage('zh-CN')).rejects.toThrow('offline')
    expect(i18n.language).toBe('en')
    await i18n.changeLanguage('zh-CN')
    expect(i18n.language).toBe('zh-CN')
  })
})

describe('the language files', () => {
  const DIR = 'src/view/i18n/locales'
  const read = (file: string) => JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as Dictionary
  const keys = (d: Dictionary, prefix = ''): string[] =>
    Object.entries(d).flatMap(([k, v]) =>
      typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
    )
  // a plural form stands for its key: another language may need other forms, or none
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')
  const english = new Set(keys(read('en.json')).map(base))
  const others = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'en.json')

  it.each(others)('%s translates every text', (file) => {
    const translated = new Set(keys(read(file)).map(base))
    expect([...english].filter((k) => !translated.has(k))).toEqual([])
    expect(translated.has('language.name')).toBe(true)
  })

  // the problems' texts, a file apart per language (downloaded when a problem is first said)
  it.each(others)('problems/%s translates every problem text', (file) => {
    const problems = new Set(keys(read(`problems/${file}`)))
    const missing = keys(read('problems/en.json')).filter((k) => !problems.has(k))
    expect(missing).toEqual([])
    expect(problems.size).toBeGreaterThan(100)
  })

  // the result's, the editor's, the review's and the class server's texts, files apart downloaded
  // with those screens
  const screens = ['result', 'editor', 'review', 'server'].flatMap((section) =>
    others.map((f) => [section, f]),
  )
  it.each(screens)('%s/%s translates every text of that screen', (section, file) => {
    const translated = new Set(keys(read(`${section}/${file}`)).map(base))
    const english = keys(read(`${section}/en.json`)).map(base)
    expect(english.filter((k) => !translated.has(k))).toEqual([])
    expect(english.length).toBeGreaterThan(20)
  })
})
