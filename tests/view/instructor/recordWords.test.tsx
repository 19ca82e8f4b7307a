// @vitest-environment jsdom
// The recorder's screens in plain words, in English and Chinese: the recording panel names what
// was done and labels every field by what it is for; how a run would score names steps and
// hazards by their titles, never by ids.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ATTEMPT_FORMAT,
  loadScenario,
  scoreAttempt,
  type Attempt,
  type JsonObject,
} from '../../../src/core/index.ts'
import { createEditorStore } from '../../../src/state/editorStore.ts'
import { recorderStore } from '../../../src/state/recorder.ts'
import { i18n } from '../../../src/view/i18n/i18n.ts'
import { RecordPanel } from '../../../src/view/instructor/record/RecordPanel.tsx'
import { ScoreSummary } from '../../../src/view/instructor/record/ScoreSummary.tsx'

const text = (path: string) => readFileSync(path, 'utf8')

function editor(file: string) {
  const doc = JSON.parse(text(file)) as JsonObject
  const meta = { id: 'd', name: 'draft', source: 'template', openedVersion: undefined }
  return createEditorStore(meta, doc, 60_000)
}

beforeEach(async () => {
  await i18n.changeLanguage('en')
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => (run(0), 0))
})
afterEach(async () => {
  cleanup()
  recorderStore.getState().cancel()
  vi.unstubAllGlobals()
  await i18n.changeLanguage('en')
})

describe('the recording panel', () => {
  it('says what was recorded and what each field is for, a limit and a hazard, in English and Chinese', async () => {
    const store = editor('scenarios/templates/panel-lockout.json')
    recorderStore.getState().start(store)
    render(<RecordPanel store={store} />)
    await screen.findByText('No steps recorded yet.')
    act(() => recorderStore.getState().attempt!.getState().act('set', 'isolator', 'off'))
    await screen.findByText('Step 1 recorded: Switch the main isolator Q1 off')
    expect(screen.getByRole('textbox', { name: 'Title in English' })).toHaveProperty(
      'value',
      'Switch the main isolator Q1 off',
    )
    expect(screen.getByRole('textbox', { name: 'Title in Chinese' })).toHaveProperty(
      'value',
      '断开主隔离开关 Q1',
    )
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Critical: the attempt cannot pass without it' }),
    )
    expect(recorderStore.getState().steps[0]!.critical).toBe(true)
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Points' }), { target: { value: '4' } })
    expect(recorderStore.getState().steps[0]!.points).toBe(4)
    expect(
      screen.getByRole('checkbox', { name: 'Replace the steps the scenario has now (1)' }),
    ).toHaveProperty('checked', true)
    // a title left empty holds the steps back, and says which
    fireEvent.change(screen.getByRole('textbox', { name: 'Title in Chinese' }), {
      target: { value: '' },
    })
    await screen.findByText('Write the title of step 1 in Chinese.')
    expect(
      screen.getByRole('button', { name: 'Put the recorded steps into the scenario (1)' }),
    ).toHaveProperty('disabled', true)

    // a gauge read: a limit in plain words, to confirm, never the value read
    act(() => recorderStore.getState().attempt!.getState().act('inspect', 'air_gauge'))
    await screen.findByText('You read the take-up pressure: 6')
    expect(screen.getByRole('combobox', { name: 'The reading must be' })).toHaveProperty(
      'value',
      '>',
    )
    expect(screen.getByRole('spinbutton', { name: 'Limit' })).toHaveProperty('value', '5.5')
    fireEvent.change(screen.getByRole('combobox', { name: 'The reading must be' }), {
      target: { value: '<=' },
    })
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Limit' }), { target: { value: '7' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add this check' }))
    expect(recorderStore.getState().steps[1]).toMatchObject({
      threshold: { target: 'air_gauge', comparison: '<=', value: 7 },
      titles: { en: 'Check that the take-up pressure reads at most 7 bar' },
    })
    // the guard opened after switching off: the hazard of opening it while not off, ticked
    act(() => recorderStore.getState().attempt!.getState().act('set', 'guard', 'open'))
    const hazard = await screen.findByRole('checkbox', {
      name: 'Tail pulley guard “open” while the main isolator Q1 is not “off”',
    })
    expect(hazard).toHaveProperty('checked', true)
    fireEvent.click(hazard)
    expect(recorderStore.getState().hazards[0]!.chosen).toBe(false)

    await act(() => i18n.changeLanguage('zh-CN'))
    await screen.findByText('已录制第 3 步：打开尾轮防护罩')
    screen.getByRole('checkbox', { name: '主隔离开关 Q1未处于“断开”时尾轮防护罩处于“打开”' })
    expect(screen.getAllByRole('textbox', { name: '英文标题' })).toHaveLength(3)
    screen.getByText('请填写第 1 步的中文标题。')
    // no key of the format or of the texts on screen
    expect(document.body.textContent).not.toMatch(/record\.|stateLabels|after\b|\{\{/)
  })
})

describe('how a run would score', () => {
  it('names the steps missed and the hazards by their titles', async () => {
    const bytes = new TextEncoder().encode(text('scenarios/conveyor-loto.json'))
    const loaded = loadScenario(bytes)
    if (!loaded.ok) throw new Error('conveyor-loto does not load')
    const model = loaded.value
    const attempt: Attempt = {
      format: ATTEMPT_FORMAT,
      id: 'try',
      scenario: { id: model.scenario.id },
      mode: 'practice',
      faults: [],
      events: [
        { t: 1000, action: 'set', target: 'guard', value: 'open' },
        { t: 2000, action: 'set', target: 'isolator', value: 'off' },
        { t: 3000, action: 'end' },
      ],
    }
    const scored = scoreAttempt(model, attempt)
    if (!scored.ok) throw new Error('the try is refused')
    const store = editor('scenarios/conveyor-loto.json')
    const run = { kind: 'try' as const, model, attempt, result: scored.value }
    recorderStore.setState({ scored: new Map([[store, run]]) })
    render(<ScoreSummary store={store} />)
    await screen.findByText('How your last try would score')
    const line = screen.getByTestId('score-line').textContent ?? ''
    expect(line).toMatch(
      /^\d+(\.\d)? of \d+ points \(\d+ %\): not passed: a critical step was missed or a critical hazard happened$/,
    )
    const words = document.body.textContent ?? ''
    expect(words).toMatch(/Steps not done: [A-Z]/)
    expect(words).toContain('Hazards that happened: ')
    // the parts' and steps' ids never stand for their names
    for (const id of ['ppe-glasses', 'guard-open-live', 'stop_btn', 'air_dump', 'isolate'])
      expect(words.split('The full result')[0]).not.toContain(id)
    await act(() => i18n.changeLanguage('zh-CN'))
    await screen.findByText('您上次试做会得多少分')
    expect(screen.getByTestId('score-line').textContent).toMatch(
      /^[\d.]+ \/ \d+ 分（\d+ %）：未通过/,
    )
  })
})
