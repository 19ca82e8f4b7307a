// @vitest-environment jsdom
// A condition opens in the builder when it has one of the builder's forms, and as a formula
// otherwise; each choice in the builder writes the expression back as text the engine parses.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JsonValue } from '../../../src/core/index.ts'
import { i18n } from '../../../src/view/i18n/i18n.ts'
import type { Subject } from '../../../src/view/instructor/fields/ConditionBuilder.tsx'
import { ExprField } from '../../../src/view/instructor/fields/ExprField.tsx'

const subjects: Subject[] = [
  {
    name: 'isolator',
    label: 'Main isolator',
    states: [
      { value: 'on', words: 'on' },
      { value: 'off', words: 'off' },
    ],
    lockable: true,
    taggable: false,
    numeric: false,
  },
  {
    name: 'pressure',
    label: 'pressure',
    states: [],
    lockable: false,
    taggable: false,
    numeric: true,
  },
]

function field(value: string) {
  const onChange = vi.fn<(v: JsonValue | undefined) => void>()
  render(
    <ExprField
      label="Done when"
      path={['steps', 0, 'state']}
      value={value}
      problems={[]}
      names={['isolator', 'pressure']}
      subjects={subjects}
      required
      onChange={onChange}
    />,
  )
  return onChange
}

beforeEach(() => i18n.changeLanguage('en'))
afterEach(cleanup)

describe('the condition builder', () => {
  it('opens a condition of its forms in rows and writes each choice back as text', async () => {
    const onChange = field("isolator == 'off' && pressure < 0.5")
    const part = await screen.findByRole('combobox', { name: 'Condition 1: part or value' })
    expect((part as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Main isolator')
    fireEvent.change(screen.getByRole('combobox', { name: 'Condition 1: state' }), {
      target: { value: 'on' },
    })
    expect(onChange).toHaveBeenLastCalledWith("isolator == 'on' && pressure < 0.5")
    fireEvent.change(screen.getByRole('combobox', { name: 'Condition 1: test' }), {
      target: { value: 'locked' },
    })
    expect(onChange).toHaveBeenLastCalledWith('isolator.locked && pressure < 0.5')
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Condition 2: number' }), {
      target: { value: '2' },
    })
    expect(onChange).toHaveBeenLastCalledWith("isolator == 'off' && pressure < 2")
    fireEvent.change(screen.getByRole('combobox', { name: 'Holds when' }), {
      target: { value: '||' },
    })
    expect(onChange).toHaveBeenLastCalledWith("isolator == 'off' || pressure < 0.5")
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition 2' }))
    expect(onChange).toHaveBeenLastCalledWith("isolator == 'off'")
    // the formula is a toggle away
    fireEvent.click(screen.getByRole('button', { name: 'Write it as a formula' }))
    expect((screen.getByRole('combobox', { name: 'Done when' }) as HTMLInputElement).value).toBe(
      "isolator == 'off' && pressure < 0.5",
    )
  })

  it('opens any other condition as a formula, and says why', async () => {
    field('pressure + 1 < 3')
    await screen.findByText(/too complex for the condition builder/)
    expect(screen.queryByRole('combobox', { name: 'Condition 1: part or value' })).toBeNull()
    expect((screen.getByRole('combobox', { name: 'Done when' }) as HTMLInputElement).value).toBe(
      'pressure + 1 < 3',
    )
  })
})
