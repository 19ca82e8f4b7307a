// The editor's component form follows the kinds table: every kind gets the fields the table says
// it has (item included, which a hand-kept list once left out), and a new element of each kind
// is one the scenario schema accepts.
import { describe, expect, it } from 'vitest'
import { COMPONENT_KINDS, ElementSchemas, KINDS } from '../../../src/core/index.ts'
import { componentFields, newElement } from '../../../src/view/instructor/formSpecs.ts'

const keys = (kind: string, extra: Record<string, unknown> = {}) =>
  componentFields({ id: 'c', kind, ...extra } as never).map((f) => f.key)

describe.each(COMPONENT_KINDS)('the form of a %s', (kind) => {
  const info = KINDS[kind]

  it('offers lock and tag exactly where a lock makes sense', () => {
    expect(keys(kind).includes('lockable')).toBe(info.lockable)
    expect(keys(kind).includes('taggable')).toBe(info.lockable)
  })

  it('offers an initial state exactly for kinds with a state, and its own states only where allowed', () => {
    expect(keys(kind).includes('initial')).toBe(info.value === 'state')
    expect(keys(kind).includes('states')).toBe(
      info.states === 'required' || info.states === 'optional',
    )
  })

  it('asks for the expression the kind takes its value from', () => {
    if (info.expression !== undefined) expect(keys(kind)).toContain(info.expression)
    else expect(keys(kind)).not.toContain('lit')
  })

  it('starts a new element the schema accepts', () => {
    const el = newElement({ components: [] } as never, `component:${kind}`, ['en'])
    expect(ElementSchemas.components.safeParse(el).success).toBe(true)
  })
})

describe('the form of an item', () => {
  it('offers the fixed states stored and worn as the initial state', () => {
    const initial = componentFields({ id: 'g', kind: 'item' } as never).find(
      (f) => f.key === 'initial',
    )
    expect(initial).toMatchObject({ type: 'select', options: ['stored', 'worn'] })
  })

  it('offers only the common fields for a kind that does not exist', () => {
    expect(keys('lever')).toEqual([
      'id',
      'kind',
      'label',
      'parent',
      'position',
      'rotation',
      'color',
      'model',
    ])
  })
})
