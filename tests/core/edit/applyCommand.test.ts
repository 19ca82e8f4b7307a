import { describe, expect, it } from 'vitest'
import {
  applyCommand,
  EditError,
  serializeScenario,
  type EditCommand,
  type JsonObject,
} from '../../../src/core/index.ts'
import { deepFreeze, smallDoc } from './fixtures.ts'

/** Applies the command to a frozen document, then its inverse, and returns both documents. */
function roundTrip(doc: JsonObject, command: EditCommand) {
  const frozen = deepFreeze(doc)
  const before = structuredClone(frozen)
  const applied = applyCommand(frozen, command)
  deepFreeze(applied.doc)
  const undone = applyCommand(applied.doc, applied.inverse)
  expect(frozen).toEqual(before)
  expect(undone.doc).toEqual(before)
  // key order too: the file written after an undo is the file before the edit
  expect(serializeScenario(undone.doc)).toBe(serializeScenario(before))
  expect(JSON.stringify(undone.doc)).toBe(JSON.stringify(before))
  return applied.doc
}

describe('applyCommand', () => {
  it('sets an existing key in its place and the inverse restores the old value', () => {
    const doc = roundTrip(smallDoc(), {
      kind: 'set',
      path: ['components', 1, 'label'],
      value: 'Bee',
    })
    expect((doc['components'] as JsonObject[])[1]!['label']).toBe('Bee')
  })

  it('sets a new key, creating missing objects on the way, and the inverse removes them', () => {
    const doc = roundTrip(smallDoc(), {
      kind: 'set',
      path: ['scoring', 'penalties', 'hint'],
      value: 2,
    })
    expect(doc['scoring']).toEqual({ penalties: { hint: 2 } })
  })

  it('deletes a key with value undefined and the inverse puts it back in its place', () => {
    const doc = roundTrip(smallDoc(), { kind: 'set', path: ['x-author'], value: undefined })
    expect(Object.hasOwn(doc, 'x-author')).toBe(false)
  })

  it('deletes the last key of an object and the inverse appends it again', () => {
    const doc = roundTrip(smallDoc(), {
      kind: 'set',
      path: ['components', 2, 'lit'],
      value: undefined,
    })
    expect((doc['components'] as JsonObject[])[2]).toEqual({ id: 'c', kind: 'lamp', label: 'C' })
  })

  it('replaces the whole document with the empty path', () => {
    const doc = roundTrip(smallDoc(), { kind: 'set', path: [], value: { id: 'other' } })
    expect(doc).toEqual({ id: 'other' })
  })

  it('inserts into an array and the inverse removes the element', () => {
    const doc = roundTrip(smallDoc(), {
      kind: 'insert',
      path: ['components'],
      index: 1,
      value: { id: 'd', kind: 'button', label: 'D' },
    })
    expect((doc['components'] as JsonObject[]).map((c) => c['id'])).toEqual(['a', 'd', 'b', 'c'])
  })

  it('inserts into a missing array by creating it, and the inverse removes the array', () => {
    const doc = roundTrip(smallDoc(), {
      kind: 'insert',
      path: ['hazards'],
      index: 0,
      value: { id: 'h', title: 'H', severity: 'minor', when: "a == 'on'" },
    })
    expect(doc['hazards']).toHaveLength(1)
  })

  it('removes an array element and the inverse inserts it back at its index', () => {
    const doc = roundTrip(smallDoc(), { kind: 'remove', path: ['components'], index: 0 })
    expect((doc['components'] as JsonObject[]).map((c) => c['id'])).toEqual(['b', 'c'])
  })

  it('moves an element within an array and the inverse moves it back', () => {
    const doc = roundTrip(smallDoc(), { kind: 'move', path: ['components'], from: 0, to: 2 })
    expect((doc['components'] as JsonObject[]).map((c) => c['id'])).toEqual(['b', 'c', 'a'])
  })

  it('renames an id with its references and the inverse is the rename back', () => {
    const frozen = deepFreeze(smallDoc())
    const { doc, inverse } = applyCommand(frozen, {
      kind: 'rename',
      collection: 'components',
      from: 'a',
      to: 'alpha',
    })
    expect(inverse).toEqual({ kind: 'rename', collection: 'components', from: 'alpha', to: 'a' })
    expect((doc['components'] as JsonObject[])[2]!['lit']).toBe("alpha == 'on'")
    roundTrip(smallDoc(), { kind: 'rename', collection: 'components', from: 'a', to: 'alpha' })
  })

  it('undoes a rename onto an id already in use by restoring the previous document', () => {
    const doc = smallDoc()
    ;(doc['components'] as JsonObject[])[2]!['lit'] = "a == 'on' && b == 'on'"
    const { inverse } = applyCommand(deepFreeze(structuredClone(doc)), {
      kind: 'rename',
      collection: 'components',
      from: 'a',
      to: 'b',
    })
    expect(inverse).toMatchObject({ kind: 'set', path: [] })
    roundTrip(doc, { kind: 'rename', collection: 'components', from: 'a', to: 'b' })
  })

  it('leaves the document as it is when renaming an id that no element has', () => {
    const doc = deepFreeze(smallDoc())
    expect(
      applyCommand(doc, { kind: 'rename', collection: 'steps', from: 'nope', to: 'x' }).doc,
    ).toBe(doc)
  })

  it('applies a batch in order and the inverse undoes it in reverse order', () => {
    const doc = roundTrip(smallDoc(), {
      kind: 'batch',
      label: 'add a step after s1',
      commands: [
        { kind: 'insert', path: ['steps'], index: 1, value: { id: 's2', title: 'S2' } },
        { kind: 'set', path: ['steps', 1, 'after'], value: ['s1'] },
        { kind: 'set', path: ['steps', 1, 'state'], value: 'c' },
        { kind: 'rename', collection: 'steps', from: 's1', to: 'first' },
      ],
    })
    expect((doc['steps'] as JsonObject[])[1]).toEqual({
      id: 's2',
      title: 'S2',
      after: ['first'],
      state: 'c',
    })
  })

  it('shares the parts of the document that a command does not touch', () => {
    const before = deepFreeze(smallDoc())
    const { doc } = applyCommand(before, {
      kind: 'set',
      path: ['components', 1, 'label'],
      value: 'Bee',
    })
    expect(doc['steps']).toBe(before['steps'])
    expect((doc['components'] as JsonObject[])[0]).toBe((before['components'] as JsonObject[])[0])
  })

  it('edits a document that is not a valid scenario', () => {
    const broken = deepFreeze({ components: 'not a list', steps: [{ oops: true }] } as JsonObject)
    const { doc } = applyCommand(broken, { kind: 'set', path: ['steps', 0, 'id'], value: 'x' })
    expect(doc['steps']).toEqual([{ oops: true, id: 'x' }])
  })

  it('refuses a path through a value that is not an object or array', () => {
    expect(() =>
      applyCommand(smallDoc(), { kind: 'set', path: ['title', 'en'], value: 'Small' }),
    ).toThrow(EditError)
  })

  it('refuses an index outside the array', () => {
    expect(() => applyCommand(smallDoc(), { kind: 'remove', path: ['steps'], index: 1 })).toThrow(
      EditError,
    )
  })
})
