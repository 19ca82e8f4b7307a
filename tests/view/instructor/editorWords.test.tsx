// @vitest-environment jsdom
// The editor says the scenario's keys in plain words, in English and Chinese: the warning before a
// delete names who refers to the element and how; the forms label their fields and choices in
// words, not by keys such as `position` or `kind`; the look and parent pickers still edit as before.
// a pick is saved as a draft in the browser's database, here fake-indexeddb
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { findReferences, type JsonObject } from '../../../src/core/index.ts'
import { createEditorStore } from '../../../src/state/editorStore.ts'
import { i18n } from '../../../src/view/i18n/i18n.ts'
import { ElementForm } from '../../../src/view/instructor/ElementForm.tsx'
import { OutlinePanel } from '../../../src/view/instructor/OutlinePanel.tsx'
import { referenceText } from '../../../src/view/instructor/words.ts'

function conveyor() {
  const doc = JSON.parse(readFileSync('scenarios/conveyor-loto.json', 'utf8')) as JsonObject
  const meta = { id: 'd', name: 'conveyor', source: 'test', openedVersion: undefined }
  return { store: createEditorStore(meta, doc), doc }
}

const components = (doc: JsonObject) => doc['components'] as { id: string; kind: string }[]

/** The form of component `id`, once the editor's texts have arrived. */
async function componentForm(id: string) {
  const { store, doc } = conveyor()
  const index = components(doc).findIndex((c) => c.id === id)
  const selection = { collection: 'components' as const, index }
  const view = render(<ElementForm store={store} doc={doc} selection={selection} problems={[]} />)
  return { store, doc, index, view }
}

// the editor's texts, in both languages, before any test: no test waits for them to arrive
beforeAll(async () => {
  await i18n.changeLanguage('zh-CN')
  await i18n.loadSection('editor')
  await i18n.changeLanguage('en')
})
beforeEach(async () => {
  await i18n.changeLanguage('en')
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => (run(0), 0))
})
afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await i18n.changeLanguage('en')
})

describe('the warning before a delete', () => {
  it('says in plain English who refers to the isolator and how', async () => {
    const { store } = conveyor()
    render(<OutlinePanel store={store} />)
    fireEvent.click(screen.getByRole('button', { name: 'delete isolator' }))
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Delete it and break these references?',
    })
    const uses = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(uses).toContain('Step “isolate” acts on it')
    expect(uses).toContain('Step “lock” acts on it')
    // no key or path of the file: only the element's id, in quotes
    for (const use of uses) expect(use).not.toMatch(/\[\d+\]|\.target|\bon\b \w+ #/)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('says it in Chinese, naming the sections in Chinese too', async () => {
    const { store } = conveyor()
    await act(() => i18n.changeLanguage('zh-CN'))
    render(<OutlinePanel store={store} />)
    await screen.findByRole('region', { name: '步骤' })
    fireEvent.click(screen.getByRole('button', { name: '删除 isolator' }))
    const dialog = await screen.findByRole('alertdialog', { name: '删除它并破坏这些引用吗？' })
    const uses = within(dialog)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(uses).toContain('步骤“isolate”对它进行操作')
    for (const use of uses) expect(use).not.toMatch(/ acts | reads | sets /)
    expect(screen.getByRole('button', { name: '+ 添加到 步骤' })).toBeTruthy()
  })

  it('words every kind of reference the engine finds', () => {
    const { doc } = conveyor()
    const t = i18n.getFixedT('en')
    // the conveyor refers to its parts from steps, hazards, rules, effects, parents and looks
    const said = components(doc).flatMap((c) =>
      findReferences(doc, 'components', c.id).map((r) => referenceText(t, doc, r, c.id)),
    )
    expect(said.length).toBeGreaterThan(10)
    for (const line of said) {
      expect(line).not.toMatch(/editor\.|{{/)
      expect(line).toMatch(/^(Step|Hazard|Rule|Variable|Fault|Judgement|[A-Z][\w ()-]+ “)/)
    }
  })
})

describe('the forms in plain words', () => {
  it('labels a component’s fields and kinds in English, not by their keys', async () => {
    await componentForm('isolator')
    await screen.findByRole('group', { name: 'Position (m)' })
    expect(screen.getByRole('group', { name: 'Rotation (°)' })).toBeTruthy()
    const kind = screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement
    expect(kind.value).toBe('switch')
    expect(kind.selectedOptions[0]!.textContent).toBe('Switch')
    expect(screen.getByRole('checkbox', { name: 'Can be locked' })).toBeTruthy()
    expect(screen.queryByText('position', { exact: true })).toBeNull()
    expect(screen.queryByText('kind', { exact: true })).toBeNull()
  })

  it('labels them in Chinese', async () => {
    await act(() => i18n.changeLanguage('zh-CN'))
    await componentForm('isolator')
    await screen.findByRole('group', { name: '位置（米）' })
    const kind = screen.getByRole('combobox', { name: '类型' }) as HTMLSelectElement
    expect(kind.selectedOptions[0]!.textContent).toBe('开关')
  })

  it('keeps the look and parent pickers: a pick is one edit, an unknown look is still shown', async () => {
    const { store, index } = await componentForm('isolator')
    const look = (await screen.findByRole('combobox', { name: 'Look' })) as HTMLSelectElement
    expect(look.value).toBe('switch.rotary-isolator')
    expect(look.selectedOptions[0]!.textContent).toBe('Rotary isolator')
    fireEvent.change(look, { target: { value: '' } })
    const doc = () => store.getState().history.doc
    expect((doc()['components'] as JsonObject[])[index]!['look']).toBeUndefined()
    store.getState().undo()
    expect((doc()['components'] as JsonObject[])[index]!['look']).toBe('switch.rotary-isolator')

    const parent = screen.getByRole('combobox', { name: 'Mounted on' }) as HTMLSelectElement
    const before = (doc()['components'] as JsonObject[])[index]!['parent']
    expect(parent.value).toBe(before ?? '')
    expect(parent.options[0]!.textContent).toBe('Nothing (stands in the room)')
    fireEvent.change(parent, { target: { value: '' } })
    expect((doc()['components'] as JsonObject[])[index]!['parent']).toBeUndefined()
  })
})
