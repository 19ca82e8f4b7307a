// The editor's 3D view reads the draft at its start from the editor store: it follows each
// compiled model, and a model that cannot start (a scenario's mistake at run time) is an outcome
// the view shows, while the scene keeps the last model that could start.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createStart, type JsonObject } from '../../src/core/index.ts'
import { createEditorStore } from '../../src/state/editorStore.ts'
import { readText } from '../helpers.ts'

const meta = { id: 'draft-1', name: 'runtime-error', source: 'test', openedVersion: undefined }

describe('editor store scene', () => {
  it('shows the draft at its start, and keeps the last model that could start when one cannot', () => {
    const doc = JSON.parse(readText('tests/fixtures/runtime-error/scenario.json')) as JsonObject
    const store = createEditorStore(meta, doc, 60_000)
    const scene = store.getState().scene!
    const first = store.getState().model!
    expect(scene.getState().model).toBe(first)
    expect(scene.getState().sim).toEqual(createStart(first, 'practice', []))
    expect(store.getState().sceneError).toBeNull()

    // a rule at the start that sets the mode selector to "b", which it does not have
    store.getState().run({ kind: 'set', path: ['components', 0, 'states'], value: ['b', 'a'] })
    store.getState().run({
      kind: 'set',
      path: ['rules'],
      value: [{ when: 'true', set: { mode: 'source_display' } }],
    })
    expect(store.getState().problems).toEqual([])
    expect(store.getState().model).not.toBe(first)
    expect(store.getState().sceneError).toMatch(/"mode" to "b"/)
    expect(store.getState().scene).toBe(scene)
    expect(scene.getState().model).not.toBe(store.getState().model)

    store.getState().undo()
    expect(store.getState().sceneError).toBeNull()
    expect(scene.getState().model).toBe(store.getState().model)
  })
})
