// The staff screens' texts: every text in both languages, every key the screens use present, and
// the server's refusals said in plain words (its codes translated, a field named as the screens
// name it, never a raw field name).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/state/classroom/api.ts'
import { Translator, type Dictionary } from '../../../src/view/i18n/translator.ts'
import { refusalText } from '../../../src/view/classroom/staff/refusalText.ts'
import { say, type Message } from '../../../src/view/classroom/staff/words.ts'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Dictionary
const EN = read('src/view/i18n/locales/staff/en.json')
const ZH = read('src/view/i18n/locales/staff/zh-CN.json')

const keys = (d: Dictionary, prefix = ''): string[] =>
  Object.entries(d).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
  )
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

/** Every source file of the staff's screens and the server parts of the review and the editor. */
function sources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const path = join(dir, f)
      return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(f) ? [path] : []
    })
  return [
    ...walk('src/view/classroom/staff'),
    'src/view/assessor/ServerClassPicker.tsx',
    'src/view/assessor/ServerExports.tsx',
    'src/view/assessor/MarkHistory.tsx',
    'src/view/assessor/AttemptDetail.tsx',
    'src/view/instructor/PublishToClass.tsx',
  ]
}

function translator(language: string) {
  const i18n = new Translator({
    fallback: 'en',
    language,
    dictionaries: { en: { staff: EN }, 'zh-CN': { staff: ZH } },
    download: () => Promise.resolve({}),
  })
  return i18n.getFixedT(language)
}

describe('the staff texts', () => {
  it('zh-CN translates every English text', () => {
    const chinese = new Set(keys(ZH).map(base))
    expect(
      keys(EN)
        .map(base)
        .filter((k) => !chinese.has(k)),
    ).toEqual([])
    expect(
      keys(ZH)
        .map(base)
        .filter((k) => !new Set(keys(EN).map(base)).has(k)),
    ).toEqual([])
  })

  it('has every key the screens ask for', () => {
    const english = new Set(keys(EN).map(base))
    const used = sources().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'staff\.([\w.-]+)'/g)].map((m) => m[1]!),
    )
    expect(used.length).toBeGreaterThan(100)
    expect([...new Set(used)].filter((k) => !english.has(k))).toEqual([])
  })

  it.each(['admin', 'instructor', 'assessor'])('names the role %s and both modes', (role) => {
    for (const t of [translator('en'), translator('zh-CN')]) {
      expect(t(`staff.role.${role}`)).not.toContain('staff.')
      expect(t('staff.mode.practice')).not.toContain('staff.')
      expect(t('staff.mode.assessment')).not.toContain('staff.')
    }
  })
})

describe('a refusal in plain words', () => {
  it("says a known code's sentence in the reader's language", () => {
    const taken = new ApiError(409, 'version-taken', 'Version 1.0.0 … is already published.')
    expect(refusalText(translator('en'), taken)).toMatch(/change the version number first/)
    expect(refusalText(translator('zh-CN'), taken)).toMatch(/请先修改版本号/)
  })

  it('names the field the server refused as the form names it, not by its JSON name', () => {
    const refused = new ApiError(400, 'bad-request', 'The request is not what …', {
      field: 'password',
    })
    expect(refusalText(translator('en'), refused)).toBe(
      'Check “Password”: the server does not accept what is there.',
    )
    expect(refusalText(translator('zh-CN'), refused)).toBe('请检查“密码”：服务器不接受其中的内容。')
  })

  it('says the network is out of reach when no answer came', () => {
    const lost = new ApiError(0, 'network', 'No answer from the server (fetch failed).')
    expect(refusalText(translator('en'), lost)).toMatch(/could not be reached/)
    expect(refusalText(translator('zh-CN'), lost)).toMatch(/无法连接服务器/)
  })

  it('says a code it does not know without the English message in Chinese', () => {
    const odd = new ApiError(409, 'something-new', 'A new refusal.')
    expect(refusalText(translator('en'), odd)).toContain('A new refusal.')
    expect(refusalText(translator('zh-CN'), odd)).not.toContain('A new refusal.')
  })
})

describe('a message kept by its key', () => {
  const made: Message = {
    key: 'staff.accounts.made',
    values: { name: 'Ian', role: { key: 'staff.role.instructor' } },
  }

  it('is said in whichever language is current when it is shown, its values too', () => {
    expect(say(translator('en'), made)).toBe('Ian can now sign in as Instructor.')
    expect(say(translator('zh-CN'), made)).toBe('Ian 现在可以以教师身份登录。')
  })

  it('says several one after another, and a count by its plural form', () => {
    const kept: Message[] = [
      { key: 'staff.settings.saved', values: { count: 1 } },
      { key: 'staff.settings.saved', values: { count: 30 } },
    ]
    expect(say(translator('en'), kept)).toBe(
      'Attempts are now kept for 1 day. Attempts are now kept for 30 days.',
    )
    expect(say(translator('en'), null)).toBe('')
  })
})
