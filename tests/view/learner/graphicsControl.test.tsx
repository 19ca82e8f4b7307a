// @vitest-environment jsdom
// The graphics control: a labelled choice in both languages, and the notice that proposes Simple.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGraphicsStore, FRAMES_TO_JUDGE } from '../../../src/state/graphics.ts'
import { i18n } from '../../../src/view/i18n/i18n.ts'
import { GraphicsControl } from '../../../src/view/learner/GraphicsControl.tsx'

beforeEach(async () => {
  localStorage.clear()
  await i18n.changeLanguage('en')
})
afterEach(cleanup)

describe('the graphics control', () => {
  it('lets the learner choose Simple or Detailed by a labelled list', () => {
    const store = createGraphicsStore('')
    render(<GraphicsControl store={store} />)
    const select = screen.getByLabelText('Graphics')
    fireEvent.change(select, { target: { value: 'simple' } })
    expect(store.getState().setting).toBe('simple')
    expect(screen.getByRole('option', { name: 'Simple' })).toBeTruthy()
  })

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN')
    render(<GraphicsControl store={createGraphicsStore('')} />)
    expect(screen.getByLabelText('画面')).toBeTruthy()
    expect(screen.getByRole('option', { name: '简单' })).toBeTruthy()
  })

  it('proposes Simple after slow frames, and keeping Detailed asks no more', () => {
    const store = createGraphicsStore('')
    render(<GraphicsControl store={store} />)
    expect(screen.queryByRole('status')).toBeNull()
    act(() => store.getState().reportFrameTimes(Array(FRAMES_TO_JUDGE).fill(90)))
    expect(screen.getByRole('status').textContent).toContain('slow')
    fireEvent.click(screen.getByRole('button', { name: 'Keep detailed' }))
    expect(screen.queryByRole('status')).toBeNull()
    expect(store.getState().setting).toBe('detailed')
  })

  it('switches to Simple from the notice', () => {
    const store = createGraphicsStore('')
    render(<GraphicsControl store={store} />)
    act(() => store.getState().reportFrameTimes(Array(FRAMES_TO_JUDGE).fill(90)))
    fireEvent.click(screen.getByRole('button', { name: 'Use simple graphics' }))
    expect(store.getState().setting).toBe('simple')
  })
})
