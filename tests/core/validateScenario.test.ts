import { describe, expect, it } from 'vitest'
import { formatProblem, loadScenario } from '../../src/core/index.ts'
import { lines } from '../helpers.ts'

/** A small valid scenario; each test breaks one thing in a copy of it. */
function valid(): Record<string, any> {
  return {
    format: 'practica.scenario/1',
    id: 'mini',
    version: '1.0.0',
    title: { en: 'Mini', 'zh-CN': '迷你' },
    locales: ['en', 'zh-CN'],
    competencies: [{ id: 'C.1', title: 'Isolate' }],
    components: [
      { id: 'isolator', kind: 'switch', label: 'Isolator', states: ['on', 'off'], lockable: true },
      { id: 'lamp', kind: 'lamp', label: 'Lamp', lit: "isolator == 'on'" },
      { id: 'gauge', kind: 'gauge', label: 'Gauge', value: 'pressure', min: 0, max: 10 },
    ],
    variables: [
      { id: 'pressure', initial: 5, min: 0, max: 10, rate: "if(isolator == 'off', -1, 0)" },
    ],
    steps: [
      {
        id: 'off',
        title: 'Switch off',
        action: { action: 'set', target: 'isolator', value: 'off' },
        competencies: ['C.1'],
      },
      { id: 'lock', title: 'Lock', action: { action: 'lock', target: 'isolator' }, after: ['off'] },
      { id: 'zero', title: 'Zero', state: 'pressure < 1', after: ['lock'] },
    ],
  }
}

function problemsOf(scenario: unknown): string[] {
  const loaded = loadScenario(JSON.stringify(scenario))
  return loaded.ok ? [] : lines(loaded.problems)
}

function mutate(change: (s: Record<string, any>) => void): string[] {
  const s = valid()
  change(s)
  return problemsOf(s)
}

describe('scenario validation', () => {
  it('accepts the valid base scenario', () => {
    expect(problemsOf(valid())).toEqual([])
  })

  it('reports a missing required field', () => {
    expect(mutate((s) => delete s.version)).toEqual(['version: missing required field "version"'])
  })

  it('reports a field of the wrong type', () => {
    expect(mutate((s) => (s.steps[0].points = 'five'))).toEqual([
      'steps[0].points: must be a number, not the text "five"',
    ])
  })

  it('reports an unknown field with a suggestion, and accepts x- fields', () => {
    expect(mutate((s) => (s.components[0].lable = 'x'))).toEqual([
      'components[0].lable: unknown field "lable" (did you mean "label"?); remove it, or name it "x-lable" to keep it as an extension',
    ])
    expect(mutate((s) => (s.components[0]['x-note'] = { anything: 1 }))).toEqual([])
  })

  it('refuses an unknown format version and names the supported one', () => {
    expect(mutate((s) => (s.format = 'practica.scenario/2'))).toEqual([
      'format: format must be "practica.scenario/1" (the only version this Practica supports)',
    ])
  })

  it('reports an unknown kind with a suggestion', () => {
    expect(mutate((s) => (s.components[0].kind = 'swich'))).toEqual([
      'components[0].kind: unknown kind "swich" (did you mean "switch"?); use one of button, switch, selector, valve, breaker, door, item, lamp, gauge, display, machine, static',
    ])
  })

  it('reports duplicate ids across collections', () => {
    expect(mutate((s) => (s.steps[2].id = 'lamp'))).toContain(
      'steps[2].id: the id "lamp" is already used by components[1]; ids must be unique in a scenario',
    )
  })

  it('reports an unknown step target with a suggestion', () => {
    expect(mutate((s) => (s.steps[0].action.target = 'isolater'))).toEqual([
      'steps[0].action.target: unknown component "isolater" (did you mean "isolator"?)',
    ])
  })

  it('reports an unknown step in after', () => {
    expect(mutate((s) => (s.steps[1].after = ['of']))).toEqual([
      'steps[1].after[0]: unknown step "of" (did you mean "off"?)',
    ])
  })

  it('reports an unknown competency', () => {
    expect(mutate((s) => (s.steps[0].competencies = ['C.2']))).toEqual([
      'steps[0].competencies[0]: unknown competency "C.2" (did you mean "C.1"?); add it to "competencies" first',
    ])
  })

  it('reports a cycle in after', () => {
    expect(mutate((s) => (s.steps[0].after = ['zero']))).toEqual([
      'steps[0].after: steps "off" → "zero" → "lock" → "off" wait for each other in a cycle, so none can ever be ready',
    ])
  })

  it('reports a cycle among derived components', () => {
    expect(
      mutate((s) => {
        s.components[1].lit = 'gauge > 1'
        s.components[2].value = 'if(lamp, 1, 0)'
      }),
    ).toEqual([
      'components[1].lit: "lamp" → "gauge" → "lamp" are derived from each other in a cycle',
    ])
  })

  it('reports an action that the kind does not accept', () => {
    expect(mutate((s) => (s.steps[0].action = { action: 'press', target: 'isolator' }))).toEqual([
      'steps[0].action.action: a switch does not accept "press"; "isolator" accepts set, inspect, lock, unlock',
    ])
    expect(mutate((s) => (s.steps[1].action = { action: 'tag', target: 'isolator' }))).toEqual([
      'steps[1].action.action: "isolator" is not taggable; add "taggable": true to it to allow "tag"',
    ])
  })

  it('reports an effect on an action the component does not accept', () => {
    expect(mutate((s) => (s.components[0].on = { press: [{ set: { pressure: '0' } }] }))).toEqual([
      'components[0].on.press: a switch does not accept "press"; it accepts set, inspect, lock, unlock',
    ])
  })

  it('reports a value outside the states', () => {
    expect(mutate((s) => (s.steps[0].action.value = 'of'))).toEqual([
      'steps[0].action.value: "of" is not one of the states of "isolator" (on, off) (did you mean "off"?)',
    ])
    expect(mutate((s) => (s.rules = [{ when: 'true', set: { isolator: "'open'" } }]))).toEqual([
      'rules[0].set.isolator: "open" is not one of the states of "isolator" (on, off)',
    ])
  })

  it('reports a bad initial state', () => {
    expect(mutate((s) => (s.components[0].initial = 'of'))).toEqual([
      'components[0].initial: "of" is not one of the states (on, off) (did you mean "off"?)',
    ])
    expect(mutate((s) => (s.variables[0].initial = 12))).toEqual([
      'variables[0].initial: 12 is outside [0, 10]',
    ])
  })

  it('reports a Text without the default locale or with an undeclared locale', () => {
    expect(mutate((s) => (s.title = { 'zh-CN': '迷你' }))).toEqual([
      'title: has no text for the default locale "en"',
    ])
    expect(mutate((s) => (s.steps[0].title = { en: 'Off', 'zh-TW': '關' }))).toEqual([
      'steps[0].title["zh-TW"]: the locale "zh-TW" is not listed in "locales" (en, zh-CN)',
    ])
  })

  it('reports reserved names used as ids', () => {
    expect(mutate((s) => (s.variables[0].id = 'time'))).toContain(
      'variables[0].id: "time" is a reserved word of expressions; choose another id',
    )
  })

  it('reports expression syntax errors with the column', () => {
    expect(mutate((s) => (s.steps[2].state = 'pressure < '))).toEqual([
      'steps[2].state: column 12: the expression ends where a value was expected',
    ])
    expect(mutate((s) => (s.steps[2].state = 'pressure = 1'))).toEqual([
      'steps[2].state: column 10: use == to compare two values',
    ])
  })

  it('reports unknown names in expressions with the column and a suggestion', () => {
    expect(mutate((s) => (s.steps[2].state = 'presure < 1'))).toEqual([
      'steps[2].state: column 1: unknown name "presure" (did you mean "pressure"?)',
    ])
  })

  it('reports type errors in expressions', () => {
    expect(mutate((s) => (s.steps[2].state = "pressure < 'low'"))).toEqual([
      'steps[2].state: column 10: "<" compares a number with a string; both sides must be the same type',
    ])
    expect(mutate((s) => (s.steps[2].state = 'pressure'))).toEqual([
      'steps[2].state: must be a condition (true or false), but this expression gives a number',
    ])
    expect(mutate((s) => (s.components[1].lit = 'if(pressure > 1, 1, "x")'))).toEqual([
      'components[1].lit: column 21: both branches of if() must have the same type, but one is a number and the other a string',
    ])
  })

  it('treats constructor and __proto__ in expressions as unknown names', () => {
    expect(mutate((s) => (s.steps[2].state = 'constructor == __proto__'))).toEqual([
      'steps[2].state: column 1: unknown name "constructor"',
      'steps[2].state: column 16: unknown name "__proto__"',
    ])
  })

  it('reports model paths that are URLs or leave the allowed folders', () => {
    expect(mutate((s) => (s.components[0].model = 'https://example.com/x.glb'))).toEqual([
      'components[0].model: "https://example.com/x.glb" must be a path relative to the scenario file, not a URL',
    ])
    expect(mutate((s) => (s.components[0].model = '../../secret/x.glb'))).toEqual([
      'components[0].model: "../../secret/x.glb" leaves the allowed folders',
    ])
    expect(mutate((s) => (s.components[0].model = '../src/x.glb'))).toEqual([
      `components[0].model: "../src/x.glb" must stay inside the scenario's folder or the project's assets/ folder (../assets/…)`,
    ])
    expect(mutate((s) => (s.components[0].model = '../assets/models/isolator.glb'))).toEqual([])
  })

  it('refuses non-finite numbers', () => {
    const text = JSON.stringify(valid()).replace('"initial":5', '"initial":1e309')
    const loaded = loadScenario(text)
    expect(loaded.ok).toBe(false)
    expect(!loaded.ok && lines(loaded.problems)[0]).toMatch(
      /^\(file\): not valid JSON: line 1, column \d+: the number 1e309 is too large to represent$/,
    )
  })

  it('reports a derived component used as a set target', () => {
    expect(mutate((s) => (s.rules = [{ when: 'true', set: { lamp: 'true' } }]))).toEqual([
      'rules[0].set.lamp: "lamp" is a lamp: its value is derived from its expression, so it cannot be set',
    ])
  })

  it('reports a step with both or neither of action and state', () => {
    expect(mutate((s) => delete s.steps[0].action)).toEqual([
      'steps[0]: a step needs exactly one of "action" (done by a learner act) and "state" (done when the equipment is in a state)',
    ])
  })

  it('reports every problem at once, also when some elements are malformed', () => {
    const problems = mutate((s) => {
      s.components[0].label = 42
      s.steps[2].state = 'presure < 1'
      s.steps[1].after = ['nope']
    })
    expect(problems).toEqual([
      'components[0].label: must be a text: a string, or an object from locale to string like {"en": "…", "zh-CN": "…"}, not the number 42',
      'steps[1].after[0]: unknown step "nope"',
      'steps[2].state: column 1: unknown name "presure" (did you mean "pressure"?)',
    ])
  })
})

describe('shape problems from zod issues, with codes', () => {
  function shapeOf(change: (s: Record<string, any>) => void) {
    const s = valid()
    change(s)
    const loaded = loadScenario(JSON.stringify(s))
    return loaded.ok ? [] : loaded.problems.map((p) => [formatProblem(p), p.code, p.params])
  }

  it('says which types a union takes when the value has neither', () => {
    expect(shapeOf((s) => (s.components[0].scale = 'x'))).toEqual([
      [
        'components[0].scale: must be a number or a list, not the text "x"',
        'shape.either',
        { a: 'number', b: 'tuple', got: '"x"' },
      ],
    ])
  })

  it('reports inside the union option whose type the value has', () => {
    expect(shapeOf((s) => (s.components[0].scale = [1, 'a', 3])).map((p) => p[0])).toEqual([
      'components[0].scale[1]: must be a number, not the text "a"',
    ])
  })

  it("reads bounds from the issue, not from zod's English", () => {
    expect(shapeOf((s) => (s.components[0].scale = -1))).toEqual([
      [
        'components[0].scale: must be greater than 0',
        'shape.notAbove',
        { minimum: '0', unit: '', got: '-1' },
      ],
    ])
    expect(shapeOf((s) => (s.simulation = { tickMs: 5 })).map((p) => [p[0], p[1]])).toEqual([
      ['simulation.tickMs: must be at least 10', 'shape.tooSmall'],
    ])
    expect(shapeOf((s) => (s.components[0].states = ['on'])).map((p) => [p[0], p[1]])).toEqual([
      ['components[0].states: needs at least 2 states', 'shape.twoStates'],
    ])
  })
})
