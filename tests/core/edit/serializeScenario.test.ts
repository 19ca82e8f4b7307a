import { describe, expect, it } from 'vitest'
import { loadScenario, serializeScenario, type JsonObject } from '../../../src/core/index.ts'
import { bundledScenarioFiles } from '../../helpers.ts'
import { deepFreeze, readDoc } from './fixtures.ts'

/** A scenario whose objects list their keys in no particular order, with x- fields among them. */
function shuffled(): JsonObject {
  return {
    steps: [
      {
        action: { value: 'on', 'x-note': 'n', target: 'power', action: 'set' },
        'x-step': 1,
        competencies: [{ weight: 2, id: 'C' }, 'C'],
        title: 'Turn on',
        id: 'on',
      },
    ],
    'x-first': true,
    components: [
      {
        on: { set: [{ set: { b: "'x'", a: "'y'" }, if: 'true' }] },
        label: 'Power',
        position: [1, 2, 3],
        'x-z': 1,
        kind: 'switch',
        id: 'power',
        'x-a': 2,
      },
    ],
    title: { 'zh-CN': '标题', en: 'Title' },
    competencies: [{ title: 'C', id: 'C' }],
    scoring: { penalties: { hint: 1, outOfOrder: 2 }, passPercent: 70 },
    id: 'shuffled',
    version: '1.0.0',
    format: 'practica.scenario/1',
    locales: ['en', 'zh-CN'],
    'x-last': { b: 1, a: 2 },
  }
}

const keysOf = (text: string, path: (string | number)[]): string[] =>
  Object.keys(
    path.reduce<unknown>(
      (node, seg) => (node as Record<string | number, unknown>)[seg],
      JSON.parse(text),
    ) as object,
  )

describe('serializeScenario', () => {
  it('writes the keys of known objects in the spec order with x- keys after them', () => {
    const text = serializeScenario(deepFreeze(shuffled()))
    expect(keysOf(text, [])).toEqual([
      'format',
      'id',
      'version',
      'title',
      'locales',
      'competencies',
      'components',
      'steps',
      'scoring',
      'x-first',
      'x-last',
    ])
    expect(keysOf(text, ['components', 0])).toEqual([
      'id',
      'kind',
      'label',
      'position',
      'on',
      'x-z',
      'x-a',
    ])
    expect(keysOf(text, ['steps', 0])).toEqual(['id', 'title', 'competencies', 'action', 'x-step'])
    expect(keysOf(text, ['steps', 0, 'action'])).toEqual(['action', 'target', 'value', 'x-note'])
    expect(keysOf(text, ['steps', 0, 'competencies', 0])).toEqual(['id', 'weight'])
    expect(keysOf(text, ['components', 0, 'on', 'set', 0])).toEqual(['if', 'set'])
    expect(keysOf(text, ['scoring'])).toEqual(['passPercent', 'penalties'])
    expect(keysOf(text, ['scoring', 'penalties'])).toEqual(['outOfOrder', 'hint'])
  })

  it('keeps the order of set maps, texts and x- objects as written', () => {
    const text = serializeScenario(deepFreeze(shuffled()))
    expect(keysOf(text, ['components', 0, 'on', 'set', 0, 'set'])).toEqual(['b', 'a'])
    expect(keysOf(text, ['title'])).toEqual(['zh-CN', 'en'])
    expect(keysOf(text, ['x-last'])).toEqual(['b', 'a'])
  })

  it('writes text that parses back to a deep-equal document', () => {
    const doc = deepFreeze(shuffled())
    expect(JSON.parse(serializeScenario(doc))).toEqual(doc)
  })

  it('gives identical text when what it wrote is read and written again', () => {
    const once = serializeScenario(deepFreeze(shuffled()))
    expect(serializeScenario(JSON.parse(once))).toBe(once)
  })

  it('uses two-space indentation, lists of numbers on one line and a final newline', () => {
    const text = serializeScenario(deepFreeze(shuffled()))
    expect(text.startsWith('{\n  "format": "practica.scenario/1",\n')).toBe(true)
    expect(text).toContain('\n      "position": [1, 2, 3],\n')
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.endsWith('\n\n')).toBe(false)
  })

  it('breaks a list of plain values that does not fit in 100 columns over several lines', () => {
    const tags = Array.from({ length: 12 }, (_, i) => `tag-number-${i}`)
    const text = serializeScenario({ tags })
    expect(text).toBe(`{\n  "tags": [\n${tags.map((t) => `    "${t}"`).join(',\n')}\n  ]\n}\n`)
    expect(text.split('\n').every((line) => line.length <= 100)).toBe(true)
  })

  it.each(bundledScenarioFiles())('keeps %s loadable and stable through a round trip', (file) => {
    const text = serializeScenario(deepFreeze(readDoc(file)))
    expect(loadScenario(text).ok).toBe(true)
    expect(JSON.parse(text)).toEqual(readDoc(file))
    expect(serializeScenario(JSON.parse(text))).toBe(text)
  })
})
