// Which parts an edit redraws: only the edited one, unless the layout that compiled expressions
// index into changed (a component added, an id renamed, an expression edited).
import { describe, expect, it } from 'vitest'
import {
  applyCommand,
  serializeScenario,
  type EditCommand,
  type JsonObject,
  type Model,
} from '../../../src/core/index.ts'
import { getFingerprint, getLayout } from '../../../src/view/scene/partFingerprint.ts'
import { loadScenarioText, readText } from '../../helpers.ts'

const doc = JSON.parse(readText('scenarios/conveyor-loto.json')) as JsonObject
/** Where component `id` is in the scenario's list. */
const at = (id: string) => (doc['components'] as JsonObject[]).findIndex((c) => c['id'] === id)

function compile(d: JsonObject): Model {
  return loadScenarioText(serializeScenario(d))
}

function redrawn(command: EditCommand): string[] {
  const before = compile(doc)
  const after = compile(applyCommand(doc, command).doc)
  const [lb, la] = [getLayout(before), getLayout(after)]
  return after.components
    .filter((c, i) => {
      const old = before.componentIndex.get(c.id)
      return old === undefined || getFingerprint(la, after, i) !== getFingerprint(lb, before, old)
    })
    .map((c) => c.id)
}

describe('parts redrawn after an edit', () => {
  it('redraws only the part whose label or position changed', () => {
    expect(
      redrawn({ kind: 'set', path: ['components', at('isolator'), 'label', 'en'], value: 'Q1' }),
    ).toEqual(['isolator'])
    expect(
      redrawn({
        kind: 'set',
        path: ['components', at('guard'), 'position'],
        value: [2.5, 0.6, 0.4],
      }),
    ).toEqual(['guard'])
  })

  it('redraws nothing when a step or hazard changes', () => {
    expect(redrawn({ kind: 'set', path: ['steps', 0, 'points'], value: 3 })).toEqual([])
  })

  it('redraws every part when a component is added, since expressions index the components', () => {
    const all = compile(doc).components.map((c) => c.id)
    const added = redrawn({
      kind: 'insert',
      path: ['components'],
      index: 0,
      value: { id: 'horn', kind: 'button', label: 'Horn' },
    })
    expect(added).toEqual(['horn', ...all])
  })
})
