// @vitest-environment jsdom
// Component tests of the learner's panels over a live attempt on a small scenario.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scoreAttempt } from '../../../src/core/index.ts'
import { toAttempt } from '../../../src/state/attemptStore.ts'
import { createSceneUiStore } from '../../../src/state/sceneUiStore.ts'
import { i18n } from '../../../src/view/i18n/i18n.ts'
import { ChecklistPanel } from '../../../src/view/panels/ChecklistPanel.tsx'
import { FeedbackPanel } from '../../../src/view/panels/FeedbackPanel.tsx'
import { ResultView } from '../../../src/view/panels/ResultView.tsx'
import { createTestAttempt, everyKindModel } from '../fixtures.ts'

// counts renders of the components that read scenario texts: a checklist row does, once a render
const textReads = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../../src/view/useScenarioText.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/view/useScenarioText.ts')>()
  return {
    ...actual,
    useScenarioText: (...args: Parameters<typeof actual.useScenarioText>) => {
      textReads.count++
      return actual.useScenarioText(...args)
    },
  }
})

beforeEach(async () => {
  await i18n.changeLanguage('en')
  // the result's texts come with its screen (App.tsx); here the panel is shown alone
  await i18n.loadSection('result')
})
afterEach(cleanup)

function setup(mode: 'practice' | 'assessment' = 'practice') {
  const model = everyKindModel()
  const { store, clock } = createTestAttempt(model, mode)
  const ui = createSceneUiStore()
  const perform = (action: string, target?: string, value?: string) => {
    clock.now += 500
    act(() => store.getState().act(action, target, value))
  }
  return { model, store, ui, clock, perform }
}

const stepItem = (id: string) => document.querySelector<HTMLElement>(`li[data-step="${id}"]`)!

describe('checklist', () => {
  it('shows each step as ready, waiting on others, done or done out of order', () => {
    const { store, ui, perform } = setup()
    render(<ChecklistPanel store={store} ui={ui} />)
    expect(stepItem('s1').dataset['status']).toBe('ready')
    expect(stepItem('s2').dataset['status']).toBe('waiting')
    within(stepItem('s2')).getByText('Waiting for: Isolate')
    perform('lock', 'iso')
    expect(stepItem('s2').dataset['status']).toBe('outOfOrder')
    perform('set', 'iso', 'off')
    expect(stepItem('s1').dataset['status']).toBe('done')
  })

  it('asks for a hint with a hint event, and the feedback shows the hint text', () => {
    const { store, ui } = setup()
    render(
      <>
        <ChecklistPanel store={store} ui={ui} />
        <FeedbackPanel store={store} />
      </>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Hint: Isolate' }))
    expect(store.getState().events).toEqual([{ t: 0, action: 'hint', target: 's1' }])
    screen.getByText('Hint for “Isolate”: Use the isolator.')
    expect(within(stepItem('s1')).getByRole('button').textContent).toBe('Hint (1)')
  })

  it('re-renders only the rows an act changed, and no row on a tick', () => {
    const { store, ui, clock, perform } = setup()
    render(<ChecklistPanel store={store} ui={ui} />)
    textReads.count = 0
    perform('wear', 'glasses')
    expect(stepItem('s3').dataset['status']).toBe('done')
    expect(textReads.count).toBe(1)
    textReads.count = 0
    // s1 done, and s2 no longer waits for it
    perform('set', 'iso', 'off')
    expect(stepItem('s2').dataset['status']).toBe('ready')
    expect(textReads.count).toBe(2)
    textReads.count = 0
    clock.now += 1000
    act(() => store.getState().advance())
    expect(store.getState().sim.now).toBe(2000)
    expect(textReads.count).toBe(0)
  })

  it('turns the highlight of the next part on and off', () => {
    const { store, ui } = setup()
    render(<ChecklistPanel store={store} ui={ui} />)
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Highlight the next part' })
    expect(ui.getState().highlightNext).toBe(false)
    fireEvent.click(box)
    expect(ui.getState().highlightNext).toBe(true)
    expect(box.checked).toBe(true)
    fireEvent.click(box)
    expect(ui.getState().highlightNext).toBe(false)
    expect(box.checked).toBe(false)
  })

  it('speaks the scenario texts in the chosen language, falling back to the default', async () => {
    const { store, ui } = setup()
    render(<ChecklistPanel store={store} ui={ui} />)
    await act(() => i18n.changeLanguage('zh-CN'))
    screen.getByText('操作清单')
    within(stepItem('s1')).getByText('隔离')
    within(stepItem('s2')).getByText('Lock')
  })
})

describe('feedback', () => {
  it('tells the learner about unexpected, blocked and out-of-order acts, and alerts on a hazard', () => {
    const { store, perform } = setup()
    render(<FeedbackPanel store={store} />)
    perform('set', 'sel', 'auto')
    screen.getByText('That act was not expected here: Mode.')
    perform('lock', 'iso')
    screen.getByText(/Done out of order: Lock/)
    perform('set', 'iso', 'on')
    screen.getByText('The lock holds: Isolator cannot be operated while locked.')
    perform('set', 'guard', 'open')
    expect(screen.getByRole('alert').textContent).toBe('Hazard: Guard open while live')
  })

  it('gives no feedback on acts in assessment mode, only hazard alerts', () => {
    const { store, perform } = setup('assessment')
    render(<FeedbackPanel store={store} />)
    perform('set', 'sel', 'auto')
    // the attempt did note the unexpected act; the panel keeps it from the learner
    expect(store.getState().feedback.map((f) => f.kind)).toEqual(['unexpected'])
    expect(screen.queryByText(/not expected/)).toBeNull()
    perform('set', 'guard', 'open')
    expect(screen.getByRole('alert').textContent).toBe('Hazard: Guard open while live')
  })
})

describe('result', () => {
  it('shows status, score, steps, hazards, acts and competency levels of the engine result', () => {
    const { model, store, perform } = setup()
    perform('wear', 'glasses')
    perform('set', 'sel', 'auto')
    perform('set', 'guard', 'open')
    perform('end')
    const attempt = toAttempt(store.getState().setup, store.getState().events)
    const scored = scoreAttempt(model, attempt)
    if (!scored.ok) throw new Error('not scored')
    expect(store.getState().result).toEqual(scored.value)
    render(<ResultView model={model} result={scored.value} attempt={attempt} />)
    screen.getByText('Not passed')
    expect(screen.getByTestId('score').textContent).toBe('1 / 3 (33.3 %)')
    screen.getByText(/Guard open while live — at 0:01/)
    expect(document.querySelector('.acts-unexpected')!.textContent).toBe(
      'Unexpected acts: 2 — Mode → auto (0:01); Guard → open (0:01)',
    )
    const row = (id: string) =>
      within(document.querySelector<HTMLElement>(`tr[data-step="${id}"]`)!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
    expect(row('s1')).toEqual(['Isolate', 'Not done', '0', '0 / 1'])
    expect(row('s3')).toEqual(['Glasses', 'Complete', '0', '1 / 1'])
    // C rests on s1 (missed) and s3 (done): half its points, under the competent level of 0.7
    expect(screen.getByRole('meter', { name: 'C' }).getAttribute('aria-valuenow')).toBe('50')
    expect(document.querySelector('.competencies .level')!.textContent).toBe(
      '50 % · Not yet competent',
    )
  })
})
