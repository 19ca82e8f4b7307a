import { describe, expect, it } from 'vitest'
import { findReferences } from '../../../src/core/index.ts'
import { deepFreeze, readDoc } from './fixtures.ts'

const conveyor = () => deepFreeze(readDoc('scenarios/conveyor-loto.json'))

describe('findReferences', () => {
  it('lists every reference to isolator in the conveyor scenario', () => {
    expect(findReferences(conveyor(), 'components', 'isolator')).toEqual([
      {
        path: ['components', 4, 'on', 'press', 0, 'if'],
        where: 'button "start_btn" reads it in the condition of its press effect',
      },
      { path: ['components', 8, 'value'], where: 'gauge "voltmeter" reads it in "value"' },
      { path: ['rules', 0, 'when'], where: 'rule 1 reads it in its condition' },
      { path: ['steps', 4, 'action', 'target'], where: 'step "isolate" acts on it' },
      { path: ['steps', 5, 'action', 'target'], where: 'step "lock" acts on it' },
      { path: ['steps', 6, 'action', 'target'], where: 'step "tag" acts on it' },
      { path: ['hazards', 0, 'when'], where: 'hazard "guard-live" reads it in its condition' },
    ])
  })

  it('lists set keys and expressions that name a variable', () => {
    expect(findReferences(conveyor(), 'variables', 'run').map((r) => r.path)).toEqual([
      ['components', 3, 'on', 'press', 0, 'set', 'run'],
      ['components', 4, 'on', 'press', 0, 'set', 'run'],
      ['components', 9, 'lit'],
      ['components', 10, 'running'],
      ['rules', 0, 'set', 'run'],
    ])
  })

  it('lists the steps that come after a step', () => {
    expect(findReferences(conveyor(), 'steps', 'lock')).toEqual([
      { path: ['steps', 7, 'after', 0], where: 'step "open-dump" comes after it' },
      { path: ['steps', 9, 'after', 0], where: 'step "verify" comes after it' },
      { path: ['steps', 10, 'after', 0], where: 'step "verify-zero" comes after it' },
    ])
  })

  it('lists competency refs in string and weighted form', () => {
    expect(findReferences(conveyor(), 'competencies', 'LOTO.VERIFY').map((r) => r.path)).toEqual([
      ['steps', 9, 'competencies', 0],
      ['steps', 10, 'competencies', 0],
      ['steps', 11, 'competencies', 0, 'id'],
    ])
  })

  it('finds nothing for an element that nothing refers to', () => {
    expect(findReferences(conveyor(), 'hazards', 'guard-live')).toEqual([])
    expect(findReferences(conveyor(), 'components', 'back_wall')).toEqual([])
  })

  it('lists the parts mounted on a component', () => {
    expect(findReferences(conveyor(), 'components', 'cabinet')).toEqual(
      [3, 4, 5, 8, 9].map((i) => ({
        path: ['components', i, 'parent'],
        where: expect.stringMatching(/ is mounted on it$/) as string,
      })),
    )
  })

  it('reads a document that is not a valid scenario without throwing', () => {
    const broken = deepFreeze({
      components: 'oops',
      steps: [null, { id: 7, after: ['a', 3], action: 'x' }, { action: { target: 'a' } }],
      rules: [{ when: 'a &&', set: ['a'] }, { when: 'a' }],
    })
    expect(findReferences(broken, 'steps', 'a')).toEqual([
      { path: ['steps', 1, 'after', 0], where: 'step 2 comes after it' },
    ])
    expect(findReferences(broken, 'components', 'a').map((r) => r.path)).toEqual([
      ['rules', 1, 'when'],
      ['steps', 2, 'action', 'target'],
    ])
  })
})
