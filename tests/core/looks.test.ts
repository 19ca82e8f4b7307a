// Spec amendment 1: look, params, parent, stateLabels and scene.views, as validation checks them
// against the look catalogue (tools that draw) or only for their form (tools that only score).
import { describe, expect, it } from 'vitest'
import {
  getLookParam,
  getLooksForKind,
  loadScenario,
  LOOK_NAMES,
  PROBLEM_TEXTS,
  validateScenario,
  type LooksCheck,
} from '../../src/core/index.ts'
import { lines } from '../helpers.ts'

/** A small valid scenario using every amendment-1 field; each test breaks one thing in a copy. */
function valid(): Record<string, any> {
  return {
    format: 'practica.scenario/1',
    id: 'mounted',
    version: '1.0.0',
    title: { en: 'Mounted', 'zh-CN': '安装' },
    locales: ['en', 'zh-CN'],
    competencies: [],
    components: [
      {
        id: 'station',
        kind: 'static',
        label: 'Station',
        look: 'static.control-station',
        params: { width: 0.4, pedestal: true },
      },
      {
        id: 'isolator',
        kind: 'switch',
        label: 'Isolator',
        look: 'switch.rotary-isolator',
        parent: 'station',
        states: ['off', 'on', 'test'],
        stateLabels: { test: { en: 'test position', 'zh-CN': '试验位' } },
        lockable: true,
      },
      {
        id: 'start',
        kind: 'button',
        label: 'Start',
        look: 'button.illuminated',
        params: { lamp: 'run_lamp' },
        parent: 'station',
      },
      { id: 'run_lamp', kind: 'lamp', label: 'Run', lit: "isolator == 'on'", parent: 'station' },
      {
        id: 'pipe',
        kind: 'static',
        look: 'static.pipe',
        params: {
          points: [
            [0, 0, 0],
            [1, 0, 0],
          ],
          tees: [],
          size: 0.05,
        },
      },
      {
        id: 'breaker',
        kind: 'breaker',
        label: 'Breaker',
        look: 'breaker.mcb',
        params: { poles: 3 },
      },
      {
        id: 'door',
        kind: 'door',
        label: 'Door',
        look: 'door.cabinet',
        params: { hinge: 'right' },
      },
      { id: 'gloves', kind: 'item', label: 'Gloves', stateLabels: { stored: 'in the bag' } },
    ],
    steps: [
      { id: 'off', title: 'Off', action: { action: 'set', target: 'isolator', value: 'off' } },
    ],
    scene: {
      views: [
        {
          id: 'station',
          title: { en: 'Station', 'zh-CN': '操作台' },
          position: [0, 1.6, 2],
          target: [0, 1, 0],
          fov: 40,
        },
        { id: 'pipe-run.north', title: 'Pipes', position: [3, 2, 3], target: [0, 0, 0] },
      ],
    },
  }
}

function problemsOf(scenario: unknown, looks?: LooksCheck): string[] {
  const loaded = loadScenario(JSON.stringify(scenario), looks && { looks })
  return loaded.ok ? [] : lines(loaded.problems)
}

function mutate(change: (s: Record<string, any>) => void, looks?: LooksCheck): string[] {
  const s = valid()
  change(s)
  return problemsOf(s, looks)
}

function codesOf(change: (s: Record<string, any>) => void, looks?: LooksCheck): string[] {
  const s = valid()
  change(s)
  const outcome = validateScenario(s, undefined, looks && { looks })
  return outcome.ok ? [] : outcome.problems.map((p) => p.code)
}

describe('looks (spec amendment 1)', () => {
  it('accepts a scenario using every field, in both checks', () => {
    expect(problemsOf(valid())).toEqual([])
    expect(problemsOf(valid(), 'form')).toEqual([])
  })

  it('refuses an unknown look, listing every known one, with a suggestion', () => {
    const problems = mutate((s) => (s.components[1].look = 'switch.rotary-isolater'))
    expect(problems).toEqual([
      `components[1].look: unknown look "switch.rotary-isolater" (did you mean "switch.rotary-isolator"?); the looks are ${LOOK_NAMES.join(', ')}`,
    ])
    expect(problems[0]).toContain('valve.gate, valve.ball')
  })

  it('accepts an unknown look of the right form where Practica only scores', () => {
    expect(mutate((s) => (s.components[1].look = 'switch.from-the-future'), 'form')).toEqual([])
    // and skips the look's params, which only a tool that draws it can judge
    expect(
      mutate((s) => {
        s.components[1].look = 'switch.from-the-future'
        s.components[1].params = { turns: 3, colour: 'red' }
      }, 'form'),
    ).toEqual([])
    expect(mutate((s) => (s.components[5].params.poles = 9), 'form')).toEqual([])
  })

  it('refuses a look name of the wrong form in both checks', () => {
    for (const looks of ['catalogue', 'form'] as const)
      expect(mutate((s) => (s.components[1].look = 'Rotary Isolator'), looks)).toEqual([
        'components[1].look: must be a look name: lowercase words joined by dots, like "valve.gate" or "static.cabinet"',
      ])
  })

  it('refuses a look that does not fit the kind, naming its kinds and the looks that fit', () => {
    expect(mutate((s) => (s.components[3].look = 'valve.gate'))).toEqual([
      `components[3].look: the look "valve.gate" fits the kinds valve, not "lamp"; the looks that fit a lamp are ${getLooksForKind('lamp').join(', ')}`,
    ])
    expect(getLooksForKind('lamp')).toContain('lamp.pilot')
    expect(mutate((s) => (s.components[3].look = 'valve.gate'), 'form')).toEqual([])
  })
})

describe('params', () => {
  it('needs a look, in both checks', () => {
    for (const looks of ['catalogue', 'form'] as const)
      expect(mutate((s) => (s.components[3].params = { size: 1 }), looks)).toEqual([
        'components[3].params: params belong to a look; give "look" too, or remove "params"',
      ])
  })

  it('takes at most 32 keys, in both checks', () => {
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, i]))
    expect(codesOf((s) => (s.components[1].params = many), 'form')).toEqual(['params.tooMany'])
    const problems = mutate((s) => (s.components[1].params = many))
    expect(problems[0]).toBe('components[1].params: has 33 parameters; a look takes at most 32')
    // and in the catalogue check each unknown key besides
    expect(problems).toHaveLength(34)
    const fine = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`p${i}`, i]))
    expect(codesOf((s) => (s.components[1].params = fine), 'form')).toEqual([])
  })

  it("refuses an unknown key, listing the look's keys", () => {
    expect(mutate((s) => (s.components[0].params.widht = 0.5))).toEqual([
      'components[0].params.widht: the look "static.control-station" has no parameter "widht" (did you mean "width"?); its parameters are width, height, depth, pedestal',
    ])
    expect(mutate((s) => (s.components[1].params = { size: 1 }))).toEqual([
      'components[1].params.size: the look "switch.rotary-isolator" has no parameter "size"; its parameters are enclosure',
    ])
    // a look without parameters says so, and no key of Object.prototype passes for one
    expect(
      mutate((s) => {
        s.components[3].look = 'lamp.pilot'
        s.components[3].params = { toString: 1 }
      }),
    ).toEqual([
      'components[3].params.toString: the look "lamp.pilot" takes no parameters; remove "toString"',
    ])
    expect(mutate((s) => (s.components[5].params.toString = 1))).toEqual([
      'components[5].params.toString: the look "breaker.mcb" has no parameter "toString"; its parameters are poles',
    ])
  })

  it('refuses a value of the wrong type', () => {
    expect(mutate((s) => (s.components[0].params.width = 'wide'))).toEqual([
      'components[0].params.width: "width" must be a number, not a string',
    ])
    expect(mutate((s) => (s.components[0].params.pedestal = 1))).toEqual([
      'components[0].params.pedestal: "pedestal" must be a boolean, not a number',
    ])
    expect(mutate((s) => (s.components[5].params.poles = [1]))).toEqual([
      'components[5].params.poles: "poles" must be a whole number, not a list',
    ])
    expect(mutate((s) => (s.components[6].params.hinge = true))).toEqual([
      'components[6].params.hinge: "hinge" must be a string, not a boolean',
    ])
    expect(mutate((s) => (s.components[2].params.lamp = 3))).toEqual([
      'components[2].params.lamp: "lamp" must be a string, not a number',
    ])
  })

  it('refuses a value that is not one the schema allows at all', () => {
    expect(mutate((s) => (s.components[0].params.width = { a: 1 }), 'form')).toHaveLength(1)
    expect(mutate((s) => (s.components[0].params.width = null), 'form')).toHaveLength(1)
  })

  it('refuses a number outside its range, and a fraction where a whole number is wanted', () => {
    expect(mutate((s) => (s.components[0].params.width = 31))).toEqual([
      'components[0].params.width: "width" is 31, outside [0.02, 30]',
    ])
    expect(mutate((s) => (s.components[0].params.width = 0.01))).toEqual([
      'components[0].params.width: "width" is 0.01, outside [0.02, 30]',
    ])
    expect(mutate((s) => (s.components[5].params.poles = 5))).toEqual([
      'components[5].params.poles: "poles" is 5, outside [1, 4]',
    ])
    expect(mutate((s) => (s.components[5].params.poles = 2.5))).toEqual([
      'components[5].params.poles: "poles" must be a whole number, not 2.5',
    ])
    // the bounds themselves are inside
    expect(mutate((s) => (s.components[0].params.width = 30))).toEqual([])
    expect(mutate((s) => (s.components[5].params.poles = 4))).toEqual([])
  })

  it('refuses a choice that is not one of the choices', () => {
    expect(mutate((s) => (s.components[6].params.hinge = 'rihgt'))).toEqual([
      'components[6].params.hinge: "hinge" must be one of left, right, not "rihgt" (did you mean "right"?)',
    ])
  })

  it('checks points: each [x, y, z], and how many', () => {
    expect(mutate((s) => (s.components[4].params.points = [0, 0, 0]))).toEqual([
      'components[4].params.points: "points" must be a list of [x, y, z] points, not a list',
    ])
    expect(mutate((s) => (s.components[4].params.points = [[0, 0, 0]]))).toEqual([
      'components[4].params.points: "points" takes 2 to 32 points, not 1',
    ])
    const many = Array.from({ length: 33 }, (_, i) => [i, 0, 0])
    expect(mutate((s) => (s.components[4].params.points = many))).toEqual([
      'components[4].params.points: "points" takes 2 to 32 points, not 33',
    ])
    expect(
      mutate(
        (s) =>
          (s.components[4].params.points = [
            [0, 0],
            [1, 0],
          ]),
      ),
    ).toHaveLength(1)
    expect(mutate((s) => (s.components[4].params.points = 'a, b'))).toEqual([
      'components[4].params.points: "points" must be a list of [x, y, z] points, not a string',
    ])
    // a number too big for a double is read as infinity, and refused
    const text = JSON.stringify(valid()).replace('"size":0.05', '"size":1e999')
    const loaded = loadScenario(text)
    expect(loaded.ok).toBe(false)
  })

  it('needs a component param to name a component', () => {
    expect(mutate((s) => (s.components[2].params.lamp = 'run_lmap'))).toEqual([
      'components[2].params.lamp: "lamp" names no component: "run_lmap" (did you mean "run_lamp"?)',
    ])
  })

  it("needs the look's required params", () => {
    expect(mutate((s) => delete s.components[4].params.points)).toEqual([
      'components[4].params: the look "static.pipe" needs the parameter "points"',
    ])
    expect(mutate((s) => delete s.components[4].params)).toEqual([
      'components[4].look: the look "static.pipe" needs the parameter "points"',
    ])
    expect(mutate((s) => delete s.components[4].params, 'form')).toEqual([])
  })

  it('gives a look param its default where the component has none, own keys only', () => {
    expect(getLookParam('breaker.mcb', {}, 'poles')).toBe(1)
    expect(getLookParam('breaker.mcb', { poles: 2 }, 'poles')).toBe(2)
    expect(getLookParam('breaker.mcb', {}, 'constructor')).toBeUndefined()
    expect(getLookParam('breaker.mcb', undefined, 'toString')).toBeUndefined()
  })
})

describe('parent', () => {
  it('must exist', () => {
    for (const looks of ['catalogue', 'form'] as const)
      expect(mutate((s) => (s.components[1].parent = 'statoin'), looks)).toEqual([
        'components[1].parent: unknown component "statoin" (did you mean "station"?)',
      ])
  })

  it('may not be the component itself', () => {
    expect(mutate((s) => (s.components[0].parent = 'station'))).toEqual([
      'components[0].parent: a component cannot be its own parent',
    ])
  })

  it('may not form a cycle, reported once', () => {
    expect(mutate((s) => (s.components[0].parent = 'start'))).toEqual([
      'components[0].parent: "station" → "start" → "station" are each other\'s parents in a cycle; one of them must sit on none',
    ])
    expect(
      codesOf((s) => {
        s.components[0].parent = 'door'
        s.components[6].parent = 'breaker'
        s.components[5].parent = 'station'
      }, 'form'),
    ).toEqual(['parent.cycle'])
  })

  it('is compiled into the model as an index', () => {
    const loaded = loadScenario(JSON.stringify(valid()))
    if (!loaded.ok) throw new Error('invalid')
    const parents = loaded.value.components.map((c) => c.parent)
    expect(parents).toEqual([undefined, 0, 0, 0, undefined, undefined, undefined, undefined])
  })

  it('must be a component id in form', () => {
    expect(codesOf((s) => (s.components[1].parent = 'Station'))).toEqual(['shape.nameId'])
  })
})

describe('stateLabels', () => {
  it("keys must be states of the component, the kind's default states included", () => {
    expect(mutate((s) => (s.components[1].stateLabels.tset = 'x'))).toEqual([
      'components[1].stateLabels.tset: "tset" is not one of the states (off, on, test) (did you mean "test"?)',
    ])
    expect(mutate((s) => (s.components[7].stateLabels.carried = 'x'))).toEqual([
      'components[7].stateLabels.carried: "carried" is not one of the states (stored, worn)',
    ])
    // a door with the kind's default states
    expect(mutate((s) => (s.components[6].stateLabels = { open: 'ajar' }))).toEqual([])
    expect(mutate((s) => (s.components[6].stateLabels = { on: 'ajar' }))).toEqual([
      'components[6].stateLabels.on: "on" is not one of the states (closed, open)',
    ])
  })

  it('are refused on a kind without states', () => {
    expect(codesOf((s) => (s.components[2].stateLabels = { on: 'x' }))).toEqual([
      'shape.unknownField',
    ])
  })

  it('are texts, checked for their locales like labels', () => {
    expect(mutate((s) => (s.components[1].stateLabels.test = { 'zh-CN': '试验位' }))).toEqual([
      'components[1].stateLabels.test: has no text for the default locale "en"',
    ])
    expect(mutate((s) => (s.components[1].stateLabels.test = { en: 'test', fr: 'essai' }))).toEqual(
      ['components[1].stateLabels.test.fr: the locale "fr" is not listed in "locales" (en, zh-CN)'],
    )
    expect(codesOf((s) => (s.components[1].stateLabels.test = 3))).toEqual(['shape.text'])
  })
})

describe('scene.views', () => {
  it('need ids unique among the views, which may repeat a component id', () => {
    expect(mutate((s) => s.scene.views.push({ ...s.scene.views[0], title: 'Again' }))).toEqual([
      'scene.views[2].id: the view id "station" is already used by scene.views[0]; view ids must be unique',
    ])
  })

  it('take ids of the pattern of other ids (steps, hazards), not of component ids only', () => {
    expect(mutate((s) => (s.scene.views[1].id = 'Pump_Skid.2'))).toEqual([])
    expect(codesOf((s) => (s.scene.views[1].id = 'pump skid'))).toEqual(['shape.otherId'])
    expect(codesOf((s) => (s.scene.views[1].id = '-pump'))).toEqual(['shape.otherId'])
  })

  it('need a field of view between 0 and 180 degrees, exclusive', () => {
    expect(mutate((s) => (s.scene.views[0].fov = 0))).toEqual([
      'scene.views[0].fov: must be greater than 0',
    ])
    expect(mutate((s) => (s.scene.views[0].fov = 180))).toEqual([
      'scene.views[0].fov: must be less than 180',
    ])
    expect(mutate((s) => (s.scene.views[0].fov = 179.5))).toEqual([])
  })

  it('need a title, a position and a target', () => {
    expect(mutate((s) => delete s.scene.views[0].title)).toEqual([
      'scene.views[0].title: missing required field "title"',
    ])
    expect(codesOf((s) => (s.scene.views[0].target = [0, 1]))).toEqual(['shape.vec3'])
    expect(codesOf((s) => (s.scene.views[0].zoom = 2))).toEqual(['shape.unknownField'])
  })

  it('have titles that are texts, checked for their locales', () => {
    expect(mutate((s) => (s.scene.views[0].title = { 'zh-CN': '操作台' }))).toEqual([
      'scene.views[0].title: has no text for the default locale "en"',
    ])
  })
})

describe('problem codes of amendment 1', () => {
  it('are in the catalogue', () => {
    for (const code of [
      'shape.lookName',
      'look.unknown',
      'look.wrongKind',
      'params.withoutLook',
      'params.tooMany',
      'params.unknown',
      'params.none',
      'params.wrongType',
      'params.outOfRange',
      'params.notWhole',
      'params.notChoice',
      'params.pointCount',
      'params.unknownComponent',
      'params.missing',
      'parent.unknown',
      'parent.itself',
      'parent.cycle',
      'stateLabels.notState',
      'view.duplicate',
    ])
      expect(Object.hasOwn(PROBLEM_TEXTS, code), code).toBe(true)
  })
})
