import { describe, expect, it } from 'vitest'
import {
  canRedo,
  canUndo,
  createHistory,
  pushCommand,
  redo,
  undo,
  type EditCommand,
  type History,
  type JsonObject,
} from '../../../src/core/index.ts'
import { deepFreeze, smallDoc } from './fixtures.ts'

const title = (h: History) => h.doc['title']
const setTitle = (value: string, mergeKey?: string): EditCommand =>
  mergeKey === undefined
    ? { kind: 'set', path: ['title'], value }
    : { kind: 'set', path: ['title'], value, mergeKey }

/** Pushes each command in turn. */
function pushAll(h: History, commands: readonly EditCommand[]): History {
  return commands.reduce(pushCommand, h)
}

describe('history', () => {
  it('starts with nothing to undo or redo', () => {
    const h = createHistory(deepFreeze(smallDoc()))
    expect([canUndo(h), canRedo(h)]).toEqual([false, false])
  })

  it('undoes and redoes a sequence of commands one step at a time', () => {
    const start = createHistory(deepFreeze(smallDoc()))
    const h = pushAll(start, [setTitle('One'), setTitle('Two'), setTitle('Three')])
    expect(title(h)).toBe('Three')
    const back2 = undo(undo(h))
    expect(title(back2)).toBe('One')
    expect([canUndo(back2), canRedo(back2)]).toEqual([true, true])
    const back3 = undo(back2)
    expect(back3.doc).toEqual(smallDoc())
    expect(canUndo(back3)).toBe(false)
    expect(title(redo(back3))).toBe('One')
    expect(title(redo(redo(redo(back3))))).toBe('Three')
    expect(canRedo(redo(redo(redo(back3))))).toBe(false)
  })

  it('does nothing on undo with an empty past or redo with an empty future', () => {
    const h = createHistory(deepFreeze(smallDoc()))
    expect(undo(h)).toBe(h)
    expect(redo(h)).toBe(h)
  })

  it('merges five characters typed into one field into one undo step', () => {
    let h = createHistory(deepFreeze(smallDoc()))
    for (const value of ['S', 'Sm', 'Sma', 'Smal', 'Small!'])
      h = pushCommand(h, setTitle(value, 'title'))
    expect(h.past).toHaveLength(1)
    expect(title(h)).toBe('Small!')
    expect(undo(h).doc).toEqual(smallDoc())
    expect(title(redo(undo(h)))).toBe('Small!')
  })

  it('merges commands on different paths with the same key, undoing all of them at once', () => {
    const commands: EditCommand[] = [
      { kind: 'set', path: ['components', 0, 'position'], value: [1, 0, 0], mergeKey: 'drag a' },
      { kind: 'set', path: ['components', 0, 'rotation'], value: [0, 90, 0], mergeKey: 'drag a' },
      { kind: 'set', path: ['components', 0, 'position'], value: [2, 0, 0], mergeKey: 'drag a' },
    ]
    const h = pushAll(createHistory(deepFreeze(smallDoc())), commands)
    expect(h.past).toHaveLength(1)
    expect(undo(h).doc).toEqual(smallDoc())
    expect(redo(undo(h)).doc).toEqual(h.doc)
  })

  it('redoes a merged step to the document it had, also when the last edit cleared the field', () => {
    const path = ['scoring', 'passPercent']
    const h = pushAll(createHistory(deepFreeze(smallDoc())), [
      { kind: 'set', path, value: 7, mergeKey: 'pass' },
      { kind: 'set', path, value: 70, mergeKey: 'pass' },
      { kind: 'set', path, value: undefined, mergeKey: 'pass' },
      { kind: 'set', path: ['x-author'], value: undefined, mergeKey: 'pass' },
      { kind: 'set', path: ['x-author'], value: 'bob', mergeKey: 'pass' },
    ])
    expect(h.past).toHaveLength(1)
    expect(h.doc['scoring']).toEqual({})
    expect(undo(h).doc).toEqual(smallDoc())
    expect(JSON.stringify(redo(undo(h)).doc)).toBe(JSON.stringify(h.doc))
  })

  it('keeps commands with different merge keys as separate steps', () => {
    const h = pushAll(createHistory(deepFreeze(smallDoc())), [
      setTitle('A', 'title'),
      { kind: 'set', path: ['version'], value: '1.0.1', mergeKey: 'version' },
      setTitle('AB', 'title'),
    ])
    expect(h.past).toHaveLength(3)
  })

  it('does not merge into a step that was undone and redone', () => {
    const typed = pushCommand(createHistory(deepFreeze(smallDoc())), setTitle('A', 'title'))
    const h = pushCommand(redo(undo(typed)), setTitle('AB', 'title'))
    expect(h.past).toHaveLength(2)
    expect(title(undo(h))).toBe('A')
  })

  it('clears the redo stack when a new command follows an undo', () => {
    const h = pushAll(createHistory(deepFreeze(smallDoc())), [setTitle('One'), setTitle('Two')])
    const branched = pushCommand(undo(h), setTitle('Other'))
    expect(canRedo(branched)).toBe(false)
    expect(title(branched)).toBe('Other')
    expect(title(undo(branched))).toBe('One')
  })

  it('does not record a command that changes nothing', () => {
    const h = createHistory(deepFreeze(smallDoc()))
    expect(pushCommand(h, setTitle('Small'))).toBe(h)
  })

  it('undoes a rename with everything it renamed', () => {
    const h = pushCommand(createHistory(deepFreeze(smallDoc())), {
      kind: 'rename',
      collection: 'components',
      from: 'a',
      to: 'alpha',
    })
    expect(((h.doc['steps'] as JsonObject[])[0]!['action'] as JsonObject)['target']).toBe('alpha')
    expect(undo(h).doc).toEqual(smallDoc())
  })
})
