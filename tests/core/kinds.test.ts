// The kinds table agrees with the scenario schema it summarises: a kind takes `states` exactly
// when the table says it lists them, needs the expression the table names, and takes `lockable`
// wherever the table says a lock makes sense.
import { describe, expect, it } from 'vitest'
import {
  COMPONENT_KINDS,
  ElementSchemas,
  getActions,
  getStates,
  KINDS,
  type Component,
  type ComponentKind,
} from '../../src/core/index.ts'

const accepts = (c: Record<string, unknown>): boolean =>
  ElementSchemas.components.safeParse(c).success

// the smallest component of a kind the schema accepts, as the table describes it
function minimal(kind: ComponentKind): Record<string, unknown> {
  const info = KINDS[kind]
  const c: Record<string, unknown> = { id: 'c', kind, label: 'C' }
  if (info.states === 'required') c['states'] = ['a', 'b']
  if (info.expression !== undefined) c[info.expression] = 'true'
  return c
}

describe.each(COMPONENT_KINDS)('the kind %s', (kind) => {
  const info = KINDS[kind]

  it('is accepted in the smallest form the table describes', () => {
    expect(accepts(minimal(kind))).toBe(true)
  })

  it('takes its own states exactly when the table says it lists them', () => {
    const withStates = { ...minimal(kind), states: ['x', 'y'] }
    expect(accepts(withStates)).toBe(info.states === 'required' || info.states === 'optional')
    if (info.states === 'required')
      expect(accepts({ ...minimal(kind), states: undefined })).toBe(false)
  })

  it('needs the expression the table names, and only derived kinds have one', () => {
    expect(info.expression !== undefined).toBe(info.value === 'derived')
    if (info.expression !== undefined) {
      const without = { ...minimal(kind) }
      delete without[info.expression]
      expect(accepts(without)).toBe(false)
    }
  })

  it('has the states and actions the table gives, lock and tag only where a lock makes sense', () => {
    const c = { ...minimal(kind), lockable: true, taggable: true } as unknown as Component
    expect(getStates(c)).toEqual(info.states === 'required' ? ['a', 'b'] : info.defaultStates)
    expect(getActions(c)).toEqual([...info.operate, 'inspect', 'lock', 'unlock', 'tag', 'untag'])
    expect(info.value === 'state').toBe(getStates(c).length >= 2)
  })
})

describe('the kinds table', () => {
  it('gives the item kind its fixed states even if a document lists others', () => {
    const item = { id: 'g', kind: 'item', label: 'G', states: ['a', 'b'] } as unknown as Component
    expect(getStates(item)).toEqual(['stored', 'worn'])
  })

  it('makes every kind a learner operates lockable, and no other', () => {
    for (const kind of COMPONENT_KINDS)
      expect(KINDS[kind].lockable, kind).toBe(KINDS[kind].operate.length > 0)
  })

  it('answers an unknown kind in a half-typed document with inspect and no states', () => {
    const odd = { id: 'x', kind: 'lever' } as unknown as Component
    expect(getActions(odd)).toEqual(['inspect'])
    expect(getStates(odd)).toEqual([])
  })
})
