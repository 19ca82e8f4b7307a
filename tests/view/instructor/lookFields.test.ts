// The editor's look fields: the looks offered per kind with plain names in both languages, the
// fields generated from a look's parameter specs, the edits of a look, a param and a state's
// name, the id proposed for a saved view, and problem places that name the new fields plainly.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  applyCommand,
  COMPONENT_KINDS,
  getLooksForKind,
  LOOK_NAMES,
  LOOKS,
  validateScenario,
  type JsonObject,
  type JsonValue,
} from '../../../src/core/index.ts'
import { problemPlace } from '../../../src/view/i18n/problemText.ts'
import { Translator, type Dictionary } from '../../../src/view/i18n/translator.ts'
import { componentFields, newElement } from '../../../src/view/instructor/formSpecs.ts'
import {
  canClear,
  getParamFields,
  lookCommand,
  looksFor,
  paramCommand,
  parseParamInput,
  proposeViewId,
  stateLabelCommand,
  withLook,
} from '../../../src/view/instructor/lookFields.ts'

type Obj = Record<string, JsonValue>
const read = (file: string) =>
  JSON.parse(readFileSync(`src/view/i18n/locales/${file}.json`, 'utf8')) as Dictionary
const dictionary = (tag: string) => ({
  ...read(tag),
  problems: read(`problems/${tag}`),
  editor: read(`editor/${tag}`),
})
const translator = new Translator({
  fallback: 'en',
  language: 'en',
  dictionaries: { en: dictionary('en'), 'zh-CN': dictionary('zh-CN') },
  download: async () => ({}),
})
const en = translator.getFixedT('en')
const zh = translator.getFixedT('zh-CN')

function lookUp(d: Dictionary, key: string): string | undefined {
  let node: Dictionary | string | undefined = d
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

describe('looks in the palette and the look picker', () => {
  it('offers each kind the catalogue looks that fit it', () => {
    for (const kind of COMPONENT_KINDS) expect(looksFor(kind)).toEqual(getLooksForKind(kind))
    expect(looksFor('valve')).toContain('valve.gate')
    expect(looksFor('lever')).toEqual([])
  })

  it('names every look, kind and param in plain words in both languages', () => {
    for (const tag of ['en', 'zh-CN']) {
      const d = read(`editor/${tag}`)
      for (const look of LOOK_NAMES)
        expect([look, lookUp(d, `looks.${look}`)]).not.toContainEqual(undefined)
      for (const kind of COMPONENT_KINDS)
        expect(lookUp(d, `kinds.${kind}`), kind).toBeTypeOf('string')
      for (const info of Object.values(LOOKS))
        for (const key of Object.keys(info.params))
          expect(lookUp(d, `params.${key}`), key).toBeTypeOf('string')
    }
    expect(en('editor.looks.valve.gate')).toBe('Gate valve with handwheel')
    expect(zh('editor.looks.valve.gate')).toBe('闸阀（手轮）')
  })

  it('shows the look, its settings and the parent in the form of a kind with looks', () => {
    const keys = componentFields({ id: 'v', kind: 'valve' }).map((f) => f.key)
    expect(keys.slice(0, 7)).toEqual([
      'id',
      'kind',
      'label',
      'look',
      'params',
      'parent',
      'position',
    ])
    expect(keys).toContain('stateLabels')
    expect(componentFields({ id: 'b', kind: 'button' }).map((f) => f.key)).not.toContain(
      'stateLabels',
    )
  })
})

describe('param fields generated from a look spec', () => {
  it('makes one field per param with its spec and the default as placeholder', () => {
    expect(getParamFields('static.pipe')).toEqual([
      { key: 'points', spec: LOOKS['static.pipe'].params.points, placeholder: '', required: true },
      { key: 'size', spec: LOOKS['static.pipe'].params.size, placeholder: '0.08', required: false },
      {
        key: 'flanges',
        spec: { type: 'boolean', default: true },
        placeholder: 'true',
        required: false,
      },
      { key: 'tees', spec: LOOKS['static.pipe'].params.tees, placeholder: '', required: false },
    ])
    expect(getParamFields('button.illuminated')).toEqual([
      { key: 'lamp', spec: { type: 'component' }, placeholder: '', required: false },
    ])
    expect(getParamFields('door.cabinet').map((f) => [f.key, f.spec.type, f.placeholder])).toEqual([
      ['width', 'number', '0.8'],
      ['height', 'number', '1.8'],
      ['hinge', 'choice', 'left'],
    ])
    expect(getParamFields('static.pv-array').find((f) => f.key === 'tilt')?.spec).toMatchObject({
      unit: 'deg',
    })
    expect(getParamFields('button.flush')).toEqual([])
    expect(getParamFields('no.such-look')).toEqual([])
    expect(getParamFields(undefined)).toEqual([])
  })

  it('reads what is typed: empty is the default, numbers as numbers, yes/no as booleans', () => {
    const size = LOOKS['valve.gate'].params.size
    expect(parseParamInput(size, '')).toBeUndefined()
    expect(parseParamInput(size, '0.1')).toBe(0.1)
    expect(parseParamInput(size, 'wide')).toBe('wide')
    expect(parseParamInput({ type: 'boolean', default: true }, 'false')).toBe(false)
    expect(parseParamInput({ type: 'choice', choices: ['a'], default: 'a' }, 'a')).toBe('a')
  })

  it('lets a value of its own be cleared, even one equal to the default, but not a required one', () => {
    const [points, size] = getParamFields('static.pipe')
    expect(canClear(size!, 0.08)).toBe(true)
    expect(canClear(size!, undefined)).toBe(false)
    expect(
      canClear(points!, [
        [0, 0, 0],
        [1, 0, 0],
      ]),
    ).toBe(false)
  })
})

describe('edits of a look, its params and the names of states', () => {
  const doc = (): JsonObject => ({
    components: [
      {
        id: 'v',
        kind: 'valve',
        label: 'V',
        look: 'valve.gate',
        params: { size: 0.1 },
        position: [0, 1, 0],
      },
      { id: 's', kind: 'static', shape: 'box', size: [1, 1, 1] },
    ],
  })
  const comp = (d: JsonObject, i: number) => (d['components'] as Obj[])[i]!

  it('changes a look keeping the params the new look takes, after the label', () => {
    const d = doc()
    const ball = applyCommand(d, lookCommand(comp(d, 0), 0, 'valve.ball')).doc
    expect(Object.keys(comp(ball, 0))).toEqual([
      'id',
      'kind',
      'label',
      'look',
      'params',
      'position',
    ])
    expect(comp(ball, 0)['params']).toEqual({ size: 0.1 })
    const none = applyCommand(d, lookCommand(comp(d, 0), 0, undefined)).doc
    expect(comp(none, 0)).toEqual({ id: 'v', kind: 'valve', label: 'V', position: [0, 1, 0] })
    const safety = withLook(comp(d, 0), 'selector.lever')
    expect(safety['params']).toBeUndefined()
  })

  it('gives fixed equipment a pipe run with starting points instead of its plain box', () => {
    const d = doc()
    const pipe = comp(applyCommand(d, lookCommand(comp(d, 1), 1, 'static.pipe')).doc, 1)
    expect(pipe).toEqual({
      id: 's',
      kind: 'static',
      look: 'static.pipe',
      params: {
        points: [
          [0, 0, 0],
          [1, 0, 0],
        ],
      },
    })
    expect(withLook(pipe, undefined)).toEqual({
      id: 's',
      kind: 'static',
      shape: 'box',
      size: [0.5, 0.5, 0.5],
    })
  })

  it('sets and clears a param, removing params with its last value', () => {
    const d = doc()
    const set = applyCommand(d, paramCommand(comp(d, 0), 0, 'size', 0.2)).doc
    expect(comp(set, 0)['params']).toEqual({ size: 0.2 })
    const cleared = applyCommand(set, paramCommand(comp(set, 0), 0, 'size', undefined)).doc
    expect(Object.hasOwn(comp(cleared, 0), 'params')).toBe(false)
    const added = applyCommand(cleared, paramCommand(comp(cleared, 0), 0, 'size', 0.05)).doc
    expect(comp(added, 0)['params']).toEqual({ size: 0.05 })
  })

  it('names a state for the learner and removes stateLabels with the last name', () => {
    const d = doc()
    const named = applyCommand(
      d,
      stateLabelCommand(comp(d, 0), 0, 'open', { en: 'Open', 'zh-CN': '开' }),
    ).doc
    expect(comp(named, 0)['stateLabels']).toEqual({ open: { en: 'Open', 'zh-CN': '开' } })
    const two = applyCommand(named, stateLabelCommand(comp(named, 0), 0, 'closed', 'Shut')).doc
    const one = applyCommand(two, stateLabelCommand(comp(two, 0), 0, 'open', { en: '' })).doc
    expect(comp(one, 0)['stateLabels']).toEqual({ closed: 'Shut' })
    const none = applyCommand(one, stateLabelCommand(comp(one, 0), 0, 'closed', '')).doc
    expect(Object.hasOwn(comp(none, 0), 'stateLabels')).toBe(false)
  })

  it('adds from the palette a valve with the gate look that validates', () => {
    const scenario = JSON.parse(readFileSync('scenarios/conveyor-loto.json', 'utf8')) as JsonObject
    const valve = withLook(newElement(scenario, 'component:valve', ['en', 'zh-CN']), 'valve.gate')
    const pipe = withLook(newElement(scenario, 'component:static', ['en', 'zh-CN']), 'static.pipe')
    ;(scenario['components'] as JsonValue[]).push(valve, { ...pipe, id: 'pipe_9' })
    valve['parent'] = 'pipe_9'
    valve['params'] = { size: 0.1 }
    expect(validateScenario(scenario).ok).toBe(true)
  })
})

describe('view ids and problem places', () => {
  it('proposes a view id from its title, not yet used', () => {
    expect(proposeViewId('Control panel', [])).toBe('control-panel')
    expect(proposeViewId('Control panel', ['control-panel'])).toBe('control-panel-2')
    expect(proposeViewId('控制柜', ['view'])).toBe('view-2')
    expect(proposeViewId('2nd floor', [])).toBe('view-2nd-floor')
  })

  it('names the new fields in plain words, never raw', () => {
    const doc = {
      locales: ['en', 'zh-CN'],
      components: [{ id: 'x', label: { en: 'X', 'zh-CN': '叉' } }],
      scene: { views: [{ id: 'panel' }] },
    }
    expect(problemPlace(en, ['components', 0, 'stateLabels', 'on'], doc)).toBe(
      'Component “X” › names of its states › State “on”',
    )
    expect(problemPlace(zh, ['components', 0, 'stateLabels'], doc, 'zh-CN')).toBe(
      '部件“叉” › 状态名称',
    )
    expect(problemPlace(en, ['components', 0, 'params', 'size'], doc)).toBe(
      'Component “X” › look settings › Pipe size (outside diameter)',
    )
    expect(problemPlace(en, ['components', 0, 'parent'], doc)).toBe('Component “X” › mounted on')
    expect(problemPlace(zh, ['components', 0, 'look'], doc, 'zh-CN')).toBe('部件“叉” › 外观')
    expect(problemPlace(en, ['scene', 'views', 0, 'target'], doc)).toBe(
      'Scenario settings › scene › named views › view “panel” › looks at',
    )
    expect(problemPlace(zh, ['scene', 'views', 0, 'title'], doc, 'zh-CN')).toBe(
      '场景设置 › 场景 › 命名视角 › 视角“panel” › 标题',
    )
  })
})
