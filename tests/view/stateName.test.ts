// State names as the learner reads them (spec amendment 1): a component's own `stateLabels` in
// the interface language win, then the app's names of common states, then the raw value.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadScenario, type Model } from '../../src/core/index.ts'
import { stateName } from '../../src/view/useScenarioText.ts'
import { ROOT } from '../helpers.ts'

function model(): Model {
  const loaded = loadScenario(
    JSON.stringify({
      format: 'practica.scenario/1',
      id: 'names',
      version: '1.0.0',
      title: 'Names',
      locales: ['en', 'zh-CN'],
      competencies: [],
      components: [
        {
          id: 'key',
          kind: 'switch',
          label: 'Key',
          states: ['in_vehicle', 'key_safe', 'off'],
          stateLabels: {
            key_safe: { en: 'in the key safe', 'zh-CN': '在钥匙柜' },
            // a scenario may rename a common state too
            off: 'removed from the lock',
          },
        },
        { id: 'isolator', kind: 'switch', label: 'Isolator' },
      ],
      steps: [{ id: 's', title: 'S', action: { action: 'set', target: 'key', value: 'off' } }],
    }),
  )
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'))
  return loaded.value
}

const readStates = (tag: string): Record<string, string> =>
  JSON.parse(readFileSync(`${ROOT}src/view/i18n/locales/${tag}.json`, 'utf8')).state
const common =
  (tag: string) =>
  (value: string): string | undefined =>
    Object.hasOwn(readStates(tag), value) ? readStates(tag)[value] : undefined

describe('state names', () => {
  const m = model()

  it("take the component's stateLabels first, in the interface language", () => {
    expect(stateName(m, 0, 'key_safe', 'en', common('en'))).toBe('in the key safe')
    expect(stateName(m, 0, 'key_safe', 'zh-CN', common('zh-CN'))).toBe('在钥匙柜')
    // over the app's name of a common state
    expect(stateName(m, 0, 'off', 'zh-CN', common('zh-CN'))).toBe('removed from the lock')
  })

  it("then the app's name of a common state, then the raw value", () => {
    expect(stateName(m, 1, 'off', 'zh-CN', common('zh-CN'))).toBe('分闸')
    expect(stateName(m, 1, 'on', 'en', common('en'))).toBe('on')
    // a state the component names nothing and the app does not know
    expect(stateName(m, 0, 'in_vehicle', 'zh-CN', common('zh-CN'))).toBe('in_vehicle')
    // without a component, only the last two
    expect(stateName(m, undefined, 'key_safe', 'en', common('en'))).toBe('key_safe')
    expect(stateName(m, undefined, 'open', 'zh-CN', common('zh-CN'))).toBe('打开')
  })

  it('never take a name from Object.prototype', () => {
    expect(stateName(m, 0, 'toString', 'en', () => undefined)).toBe('toString')
  })

  it('are named by the app for common states only, the same ones in both languages', () => {
    const en = Object.keys(readStates('en')).sort()
    expect(Object.keys(readStates('zh-CN')).sort()).toEqual(en)
    for (const specific of ['in_vehicle', 'key_safe', 'acc', 'lap', 'throttled'])
      expect(en).not.toContain(specific)
    expect(en).toEqual(expect.arrayContaining(['on', 'off', 'open', 'closed', 'stored', 'worn']))
  })
})
