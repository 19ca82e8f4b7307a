// What the editor tells an author in plain words, computed by the engine: the expression builder's
// forms (read off the engine's parser, written back to text that parses to the same tree), the
// steps that test nothing, what blocks a solution, and the texts missing in one language.
import { describe, expect, it } from 'vitest'
import {
  compileScenario,
  findMissingTexts,
  findTrivialSteps,
  parseExpression,
  readExprForm,
  scoreExample,
  solve,
  validateScenario,
  writeExprForm,
  type Ast,
  type JsonObject,
} from '../../src/core/index.ts'

/** An AST without columns, to compare two texts of one expression. */
function shape(ast: Ast): unknown {
  return JSON.parse(JSON.stringify(ast, (k, v: unknown) => (k === 'col' ? undefined : v)))
}
function tree(text: string): unknown {
  const parsed = parseExpression(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return shape(parsed.ast)
}

describe('expression builder forms', () => {
  const builderForms = [
    "isolator == 'off'",
    "isolator != 'on'",
    'isolator.locked',
    '!isolator.tagged',
    'pressure < 0.5',
    'pressure >= -2',
    "isolator == 'off' && isolator.locked && pressure <= 0.5",
    "door == 'open' || guard != 'closed' || temp > 60",
    "name == 'it\\'s'",
    'true',
    'false',
  ]
  it.each(builderForms)('opens %s in the builder and writes back the same expression', (text) => {
    const form = readExprForm(text)
    expect(form).toBeDefined()
    const written = writeExprForm(form!)
    expect(tree(written)).toEqual(tree(text))
    expect(readExprForm(written)).toEqual(form)
  })

  it('reads the parts of a form', () => {
    expect(readExprForm("a == 'on' && p < 3")).toEqual({
      join: '&&',
      terms: [
        { kind: 'state', name: 'a', state: 'on', not: false },
        { kind: 'compare', name: 'p', op: '<', number: 3 },
      ],
    })
    expect(writeExprForm({ join: '||', terms: [] })).toBe('false')
    expect(readExprForm('false')).toEqual({ join: '||', terms: [] })
  })

  it.each([
    "a == 'on' && b == 'off' || c == 'x'", // and and or mixed
    'p + 1 < 3', // arithmetic
    'min(p, 2) > 1',
    'a == b', // two names
    "'on' == a",
    'a.locked == true',
    '!false',
    'a ==', // not an expression at all
  ])('leaves %s to the text form', (text) => {
    expect(readExprForm(text)).toBeUndefined()
  })
})

/** A small lockout: an isolator, a lock on it, a lamp that shows power, and a guard. */
function lockout(steps: JsonObject[], more: JsonObject = {}): JsonObject {
  return {
    format: 'practica.scenario/1',
    id: 'lockout',
    version: '1.0.0',
    title: { en: 'Lockout', 'zh-CN': '上锁' },
    locales: ['en', 'zh-CN'],
    competencies: [],
    components: [
      {
        id: 'isolator',
        kind: 'switch',
        label: { en: 'Isolator', 'zh-CN': '隔离开关' },
        states: ['on', 'off'],
        initial: 'on',
        lockable: true,
        position: [0, 1, 0],
      },
      {
        id: 'lamp',
        kind: 'lamp',
        label: 'Power lamp',
        lit: "isolator == 'on'",
        position: [1, 1, 0],
      },
    ],
    steps,
    ...more,
  }
}

function model(doc: JsonObject) {
  const valid = validateScenario(doc)
  if (!valid.ok) throw new Error(JSON.stringify(valid.problems))
  return compileScenario(valid.value)
}

describe('steps that test nothing', () => {
  it('finds a state step true at the start and a lock removal that must follow its lock', () => {
    const trivial = findTrivialSteps(
      model(
        lockout([
          { id: 'lamp-on', title: 'Lamp on', state: "isolator == 'on'" },
          { id: 'off', title: 'Off', action: { action: 'set', target: 'isolator', value: 'off' } },
          {
            id: 'lock',
            title: 'Lock',
            after: ['off'],
            action: { action: 'lock', target: 'isolator' },
          },
          {
            id: 'unlock',
            title: 'Unlock',
            after: ['lock'],
            action: { action: 'unlock', target: 'isolator' },
          },
        ]),
      ),
    )
    expect(trivial.trueAtStart).toEqual(['lamp-on'])
    // the lock can be applied before the isolator is off; the removal cannot come before the lock
    expect(trivial.orderForced).toEqual(['unlock'])
  })

  it('explores every run of a small scenario and claims no order that a run can break', () => {
    // the lock can go on while the isolator is still on: "lock" can come before "off"
    const doc = lockout([
      { id: 'off', title: 'Off', action: { action: 'set', target: 'isolator', value: 'off' } },
      { id: 'lock', title: 'Lock', after: ['off'], action: { action: 'lock', target: 'isolator' } },
    ])
    const trivial = findTrivialSteps(model(doc))
    expect(trivial.complete).toBe(true)
    expect(trivial.orderForced).toEqual([])
  })
})

describe('what blocks a solution', () => {
  it('names the step that never becomes ready and the hazard that fires', () => {
    const doc = lockout(
      [
        { id: 'off', title: 'Off', action: { action: 'set', target: 'isolator', value: 'off' } },
        {
          id: 'lock',
          title: 'Lock',
          after: ['off'],
          action: { action: 'lock', target: 'isolator' },
        },
      ],
      { hazards: [{ id: 'dark', title: 'Dark', severity: 'major', when: "isolator == 'off'" }] },
    )
    const solved = solve(model(doc))
    expect(solved.ok).toBe(false)
    if (solved.ok) return
    expect(solved.block).toMatchObject({
      kind: 'search',
      step: 'off',
      hazard: { id: 'dark' },
      gaveUp: false,
      furthest: 0,
      steps: 2,
    })
  })

  it('says a hazard that is on at the start', () => {
    const doc = lockout(
      [{ id: 'off', title: 'Off', action: { action: 'set', target: 'isolator', value: 'off' } }],
      { hazards: [{ id: 'live', title: 'Live', severity: 'major', when: "isolator == 'on'" }] },
    )
    const solved = solve(model(doc))
    expect(!solved.ok && solved.block).toEqual({ kind: 'hazardAtStart', hazard: 'live' })
  })
})

describe('texts missing in a language', () => {
  it('names each text without words in one of the languages, and none for one language', () => {
    const doc = lockout([
      {
        id: 'off',
        title: { en: 'Off', 'zh-CN': '' },
        hint: 'Turn it',
        action: { action: 'set', target: 'isolator', value: 'off' },
      },
    ])
    expect(findMissingTexts(doc)).toEqual([
      { path: ['components', 1, 'label'], missing: ['zh-CN'] },
      { path: ['steps', 0, 'title'], missing: ['zh-CN'] },
      { path: ['steps', 0, 'hint'], missing: ['zh-CN'] },
    ])
    expect(findMissingTexts({ ...doc, locales: ['en'] })).toEqual([])
  })
})

describe('the example attempt', () => {
  it('is the reference run with slips, scored by the engine, and none once the run no longer fits', () => {
    const doc = lockout(
      [
        {
          id: 'off',
          title: 'Off',
          points: 10,
          action: { action: 'set', target: 'isolator', value: 'off' },
        },
        {
          id: 'lock',
          title: 'Lock',
          points: 10,
          after: ['off'],
          action: { action: 'lock', target: 'isolator' },
        },
      ],
      { scoring: { penalties: { outOfOrder: 3, hint: 2 } } },
    )
    const m = model(doc)
    const solved = solve(m)
    if (!solved.ok) throw new Error(solved.reason)
    const example = scoreExample(m, solved.attempt.events, {
      outOfOrder: 1,
      hints: 1,
      unexpected: 0,
      blocked: 0,
    })
    expect(example).toMatchObject({ raw: 15, max: 20, percent: 75 })
    // the part renamed since the run was found: no example rather than a wrong one
    const renamed = JSON.parse(
      JSON.stringify(doc).replaceAll('isolator', 'main_switch'),
    ) as JsonObject
    expect(scoreExample(model(renamed), solved.attempt.events, example!.slips)).toBeUndefined()
  })
})
