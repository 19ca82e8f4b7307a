import { describe, expect, it } from 'vitest'
import {
  findReferences,
  loadScenario,
  renameId,
  scoreAttempt,
  serializeScenario,
  solve,
  type JsonObject,
  type Model,
} from '../../../src/core/index.ts'
import { deepFreeze, readDoc } from './fixtures.ts'

const CONVEYOR = 'scenarios/conveyor-loto.json'

function load(doc: JsonObject): Model {
  const loaded = loadScenario(serializeScenario(doc))
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return loaded.value
}

function solvedRaw(model: Model): number {
  const solved = solve(model)
  if (!solved.ok) throw new Error(solved.reason)
  const scored = scoreAttempt(model, solved.attempt)
  if (!scored.ok) throw new Error(scored.problems[0]!.message)
  return scored.value.score.raw
}

const at = (doc: JsonObject, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, seg) => (node as Record<string | number, unknown>)[seg], doc)

/** A scenario made to trip a naive text replace of `isolator`. */
function trickyDoc(): JsonObject {
  return {
    format: 'practica.scenario/1',
    id: 'tricky',
    version: '1.0.0',
    title: 'Tricky isolator',
    competencies: [],
    components: [
      { id: 'isolator', kind: 'switch', label: 'isolator', lockable: true, taggable: true },
      { id: 'isolator_2', kind: 'selector', label: 'Two', states: ['isolator', 'other'] },
      {
        id: 'lamp',
        kind: 'lamp',
        label: 'Lamp',
        lit: 'isolator_2 == \'isolator\' && isolator.locked && isolator . tagged && isolator == "on"',
      },
    ],
    rules: [{ when: 'isolator.locked', set: { isolator_2: "'isolator'", isolator: "'off'" } }],
    steps: [{ id: 'isolator', title: 'isolator', state: "isolator == 'off'" }],
  }
}

describe('renameId', () => {
  it('renames isolator in the conveyor scenario into a valid scenario that solves to the same points', () => {
    const original = deepFreeze(readDoc(CONVEYOR))
    const renamed = renameId(original, 'components', 'isolator', 'main_switch')
    expect(solvedRaw(load(renamed))).toBe(solvedRaw(load(original)))
  })

  it('leaves no reference to isolator in the renamed conveyor scenario', () => {
    const original = deepFreeze(readDoc(CONVEYOR))
    const renamed = renameId(original, 'components', 'isolator', 'main_switch')
    expect(findReferences(renamed, 'components', 'isolator')).toEqual([])
    expect(findReferences(renamed, 'components', 'main_switch').map((r) => r.path)).toEqual(
      findReferences(original, 'components', 'isolator').map((r) => r.path),
    )
    expect(at(renamed, 'components', 5, 'id')).toBe('main_switch')
    expect(at(renamed, 'components', 8, 'value')).toBe("if(main_switch == 'on', 400, 0)")
    expect(at(renamed, 'hazards', 0, 'when')).toBe("guard == 'open' && main_switch == 'on'")
  })

  it('keeps the word isolator in texts of the renamed conveyor scenario', () => {
    const renamed = renameId(readDoc(CONVEYOR), 'components', 'isolator', 'main_switch')
    expect(at(renamed, 'steps', 4, 'title', 'en')).toBe('Switch the main isolator off')
    expect(at(renamed, 'steps', 5, 'id')).toBe('lock')
  })

  it('restores an equal conveyor scenario when renamed back', () => {
    const original = deepFreeze(readDoc(CONVEYOR))
    const renamed = deepFreeze(renameId(original, 'components', 'isolator', 'main_switch'))
    const back = renameId(renamed, 'components', 'main_switch', 'isolator')
    expect(back).toEqual(original)
    expect(serializeScenario(back)).toBe(serializeScenario(original))
  })

  it('changes only name tokens in expressions, never string literals or longer names', () => {
    const renamed = renameId(deepFreeze(trickyDoc()), 'components', 'isolator', 'q1')
    expect(at(renamed, 'components', 2, 'lit')).toBe(
      'isolator_2 == \'isolator\' && q1.locked && q1 . tagged && q1 == "on"',
    )
    expect(at(renamed, 'rules', 0)).toEqual({
      when: 'q1.locked',
      set: { isolator_2: "'isolator'", q1: "'off'" },
    })
    expect(at(renamed, 'components', 0, 'label')).toBe('isolator')
  })

  it('renames only in the named collection, leaving an equal id of another collection', () => {
    const renamed = renameId(deepFreeze(trickyDoc()), 'components', 'isolator', 'q1')
    expect(at(renamed, 'steps', 0)).toEqual({
      id: 'isolator',
      title: 'isolator',
      state: "q1 == 'off'",
    })
  })

  it('leaves an expression that does not parse as it is', () => {
    const doc = trickyDoc()
    ;(doc['rules'] as JsonObject[])[0]!['when'] = 'isolator.locked &&'
    const renamed = renameId(deepFreeze(doc), 'components', 'isolator', 'q1')
    expect(at(renamed, 'rules', 0, 'when')).toBe('isolator.locked &&')
  })

  it('updates after lists when a step is renamed', () => {
    const renamed = renameId(deepFreeze(readDoc(CONVEYOR)), 'steps', 'lock', 'apply-lock')
    expect(at(renamed, 'steps', 5, 'id')).toBe('apply-lock')
    expect(at(renamed, 'steps', 7, 'after')).toEqual(['apply-lock'])
    expect(at(renamed, 'steps', 9, 'after')).toEqual(['apply-lock', 'zero-pressure'])
    expect(at(renamed, 'steps', 10, 'after')).toEqual(['apply-lock'])
    expect(at(renamed, 'steps', 5, 'action')).toEqual({ action: 'lock', target: 'isolator' })
  })

  it('updates competency refs of steps, hazards and judgements in string and weighted form', () => {
    const doc = readDoc(CONVEYOR)
    ;(doc['judgements'] as JsonObject[])[0]!['competencies'] = ['LOTO.VERIFY']
    ;(doc['hazards'] as JsonObject[])[2]!['competencies'] = ['SAFE.PPE', 'LOTO.VERIFY']
    const renamed = renameId(deepFreeze(doc), 'competencies', 'LOTO.VERIFY', 'LOTO.CHECK')
    expect(at(renamed, 'competencies', 3, 'id')).toBe('LOTO.CHECK')
    expect(at(renamed, 'steps', 9, 'competencies')).toEqual(['LOTO.CHECK'])
    expect(at(renamed, 'steps', 11, 'competencies')).toEqual([{ id: 'LOTO.CHECK', weight: 0.5 }])
    expect(at(renamed, 'hazards', 2, 'competencies')).toEqual(['SAFE.PPE', 'LOTO.CHECK'])
    expect(at(renamed, 'judgements', 0, 'competencies')).toEqual(['LOTO.CHECK'])
    expect(findReferences(renamed, 'competencies', 'LOTO.VERIFY')).toEqual([])
  })

  it('updates fault.<id> in expressions when a fault is renamed, and nothing else', () => {
    const doc: JsonObject = {
      ...trickyDoc(),
      steps: [{ id: 'off', title: 'Off', state: "isolator == 'off'" }],
      faults: [
        { id: 'jam', title: 'Jam', chance: 0.5, set: { isolator: "'off'" } },
        { id: 'jammed', title: 'Jammed', chance: 0.5, set: { isolator: "'on'" } },
      ],
      hazards: [
        {
          id: 'h',
          title: 'H',
          severity: 'minor',
          when: "fault.jam && fault . jam && !fault.jammed && isolator_2 == 'jam'",
        },
      ],
    }
    const renamed = renameId(deepFreeze(doc), 'faults', 'jam', 'stuck_belt')
    expect(at(renamed, 'faults', 0, 'id')).toBe('stuck_belt')
    expect(at(renamed, 'hazards', 0, 'when')).toBe(
      "fault.stuck_belt && fault . stuck_belt && !fault.jammed && isolator_2 == 'jam'",
    )
    expect(load(renamed).faults.map((f) => f.id)).toEqual(['stuck_belt', 'jammed'])
  })

  it('renames set keys of rules, effects and faults in their place when a variable is renamed', () => {
    const doc: JsonObject = {
      ...readDoc(CONVEYOR),
      rules: [{ when: "isolator == 'off'", set: { guard: "'closed'", run: '0', pressure: 'run' } }],
      faults: [{ id: 'leak', title: 'Leak', chance: 1, set: { run: '1', air_dump: "'open'" } }],
    }
    const renamed = renameId(deepFreeze(doc), 'variables', 'run', 'drive_speed')
    expect(Object.entries(at(renamed, 'rules', 0, 'set') as object)).toEqual([
      ['guard', "'closed'"],
      ['drive_speed', '0'],
      ['pressure', 'drive_speed'],
    ])
    expect(Object.keys(at(renamed, 'faults', 0, 'set') as object)).toEqual([
      'drive_speed',
      'air_dump',
    ])
    expect(at(renamed, 'components', 3, 'on', 'press', 0, 'set')).toEqual({ drive_speed: '0' })
    expect(at(renamed, 'components', 9, 'lit')).toBe('drive_speed > 0')
    expect(solvedRaw(load(renamed))).toBe(solvedRaw(load(doc)))
  })

  it('returns the same document when no element has the id', () => {
    const doc = deepFreeze(readDoc(CONVEYOR))
    expect(renameId(doc, 'components', 'nothing', 'x')).toBe(doc)
  })
})
