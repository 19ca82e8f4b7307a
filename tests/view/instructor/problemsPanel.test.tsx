// @vitest-environment jsdom
// The editor's problems panel: each problem says where it is in plain words and what is wrong in
// the interface language, and a click selects the element and focuses the field at its path.
import { readFileSync } from 'node:fs'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JsonObject } from '../../../src/core/index.ts'
import { createEditorStore } from '../../../src/state/editorStore.ts'
import { i18n } from '../../../src/view/i18n/i18n.ts'
import { ProblemsPanel } from '../../../src/view/instructor/ProblemsPanel.tsx'

function brokenStore() {
  const text = readFileSync('scenarios/conveyor-loto.json', 'utf8').replace(
    '"target": "isolator", "value": "off"',
    '"target": "isolater", "value": "off"',
  )
  const doc = JSON.parse(text) as JsonObject
  const meta = { id: 'd', name: 'broken', source: 'test', openedVersion: undefined }
  return { store: createEditorStore(meta, doc), doc }
}

beforeEach(async () => {
  await i18n.changeLanguage('en')
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => (run(0), 0))
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the problems panel', () => {
  it('names the step and field in plain words, and a click goes to the field', async () => {
    const { store, doc } = brokenStore()
    const title = ((doc['steps'] as JsonObject[])[4]!['title'] as Record<string, string>)['en']
    render(
      <>
        <ProblemsPanel store={store} />
        <input data-path="steps[4].action.target" aria-label="target" />
      </>,
    )
    // the panel waits for the problems' texts, downloaded when it first has a problem
    const problem = await screen.findByRole('button', {
      name: `Step “${title}” › Learner act › Part: unknown component "isolater" (did you mean "isolator"?)`,
    })
    fireEvent.click(problem)
    expect(store.getState().selected).toEqual({ collection: 'steps', index: 4 })
    expect(document.activeElement).toBe(screen.getByLabelText('target'))
  })

  it('focuses the closest parent field when the exact one is not shown', async () => {
    const { store } = brokenStore()
    render(
      <>
        <ProblemsPanel store={store} />
        <fieldset data-path="steps[4].action" tabIndex={-1} aria-label="action" />
      </>,
    )
    fireEvent.click(await screen.findByRole('button', { name: /unknown component "isolater"/ }))
    expect(document.activeElement).toBe(screen.getByLabelText('action'))
  })

  it('says the problem in Chinese when the interface is in Chinese', async () => {
    const { store } = brokenStore()
    await act(() => i18n.changeLanguage('zh-CN'))
    render(<ProblemsPanel store={store} />)
    await screen.findByRole('button', {
      name: /^步骤“.+” › 学员操作 › 部件: 未知部件“isolater”（是否想写“isolator”？）$/,
    })
  })
})
