// Scenario mistakes that would stop a run (ScenarioRuntimeError) or show nonsense are reported by
// validation when they can be decided from the file alone; ones that only may happen are left to
// the run (tests/fixtures/runtime-error is such a scenario).
import { describe, expect, it } from 'vitest'
import { isAt, isUnder, loadScenario, type Problem } from '../../src/core/index.ts'
import { lines, readText } from '../helpers.ts'

/** A scenario with a selector copied through a display; `change` breaks one thing in a copy. */
function problemsOf(change: (s: Record<string, any>) => void): readonly Problem[] {
  const s: Record<string, any> = {
    format: 'practica.scenario/1',
    id: 'ahead',
    version: '1.0.0',
    title: 'Ahead',
    competencies: [],
    components: [
      { id: 'source', kind: 'selector', label: 'Source', states: ['a', 'b'] },
      { id: 'shown', kind: 'display', label: 'Shown', value: 'source' },
      { id: 'mode', kind: 'selector', label: 'Mode', states: ['a', 'b', 'c'] },
      { id: 'copy', kind: 'button', label: 'Copy', on: { press: [{ set: { mode: 'shown' } }] } },
    ],
    variables: [{ id: 'level', initial: 1 }],
    steps: [{ id: 'press', title: 'Press', action: { action: 'press', target: 'copy' } }],
  }
  change(s)
  const loaded = loadScenario(JSON.stringify(s))
  return loaded.ok ? [] : loaded.problems
}

const SET_MODE = ['components', 3, 'on', 'press', 0, 'set', 'mode']

describe('validation catches run-time mistakes ahead of time', () => {
  it('accepts a state copied through a display when every value it can show is a state', () => {
    expect(problemsOf(() => {})).toEqual([])
  })

  it('reports a set through a display that can never give one of the states', () => {
    const problems = problemsOf((s) => (s.components[2].states = ['x', 'y']))
    expect(problems.map((p) => [p.code, isAt(p, SET_MODE)])).toEqual([['set.noStateFits', true]])
    expect(lines(problems)).toEqual([
      'components[3].on.press[0].set.mode: "mode" has the states x, y, but this expression can only give "a", "b", so setting it would stop the scenario',
    ])
  })

  it('follows displays of displays and if() branches', () => {
    const problems = problemsOf((s) => {
      s.components[1].value = "if(level > 1, source, 'z')"
      s.components.push({ id: 'again', kind: 'display', label: 'Again', value: 'shown' })
      s.components[3].on.press[0].set.mode = 'again'
      s.components[2].states = ['c', 'd']
    })
    expect(problems.map((p) => p.params['values'])).toEqual(['"a", "b", "z"'])
  })

  it('leaves a set that only may fail to the run, as the runtime-error fixture does', () => {
    expect(problemsOf((s) => (s.components[2].states = ['a', 'c']))).toEqual([])
    expect(loadScenario(readText('tests/fixtures/runtime-error/scenario.json')).ok).toBe(true)
  })

  it('reports decimals on a display that shows a string', () => {
    const problems = problemsOf((s) => (s.components[1].decimals = 2))
    expect(problems.map((p) => [p.code, isAt(p, ['components', 1, 'decimals'])])).toEqual([
      ['display.decimalsOnText', true],
    ])
    expect(problems[0]!.message).toBe(
      'decimals apply to a number, but this display shows a string; remove "decimals" or show a number',
    )
    const numeric = {
      id: 'level_shown',
      kind: 'display',
      label: 'Level',
      value: 'level',
      decimals: 2,
    }
    expect(problemsOf((s) => s.components.push(numeric))).toEqual([])
  })

  it('reports arithmetic on a string a display shows, and comparing it with a number', () => {
    const problems = problemsOf((s) => {
      s.components.push({ id: 'g', kind: 'gauge', label: 'G', value: 'shown + 1' })
      s.components.push({ id: 'l', kind: 'lamp', label: 'L', lit: 'shown > 2' })
    })
    expect(problems.map((p) => p.code)).toEqual(['expr.operand', 'expr.mixedCompare'])
    expect(problems.every((p) => isUnder(p, ['components']))).toBe(true)
    expect(lines(problems)).toEqual([
      'components[4].value: column 1: "+" needs a number, but this is a string',
      'components[5].lit: column 7: ">" compares a string with a number; both sides must be the same type',
    ])
  })
})
