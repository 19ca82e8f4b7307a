// The editor's "Check solvable": the solver's outcome for a draft, with a scenario's mistake at
// run time as an outcome that carries the run the solver was trying.
import { describe, expect, it } from 'vitest'
import { scoreAttempt, solve, type JsonObject } from '../../src/core/index.ts'
import { solveDraft } from '../../src/state/solveDraft.ts'
import { loadScenarioFile, readText } from '../helpers.ts'

const doc = (path: string) => JSON.parse(readText(path)) as JsonObject

describe('solveDraft', () => {
  it("gives the engine's reference run of a sound scenario and its score", () => {
    const reply = solveDraft(doc('scenarios/conveyor-loto.json'))
    const solved = solve(loadScenarioFile('scenarios/conveyor-loto.json'))
    if (!solved.ok || !reply.ok) throw new Error('the conveyor has a reference run')
    expect(reply.events).toEqual(solved.attempt.events)
    // every step and no penalty; only the assessor's judgement marks are still to come
    expect(reply.percent).toBeGreaterThan(90)
  })

  it("returns the scenario's mistake and the run that met it instead of throwing", () => {
    // every run that completes the steps presses the copy button twice, and the second press
    // sets the mode selector to "b", which it does not have
    const draft = doc('tests/fixtures/runtime-error/scenario.json')
    const display = (draft['components'] as JsonObject[]).find((c) => c['id'] === 'source_display')!
    display['value'] = "if(presses >= 2, 'b', 'a')"
    const reply = solveDraft(draft)
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.mistake?.message).toMatch(/"mode" to "b", which is not one of its states/)
    const run = reply.mistake!.attempt!
    expect(run.events.filter((e) => e.action === 'press')).toHaveLength(1)
    // the run so far is a valid attempt on the fixture's own scenario (same ids)
    const scored = scoreAttempt(loadScenarioFile('tests/fixtures/runtime-error/scenario.json'), run)
    expect(scored.ok).toBe(true)
  })

  it('asks for the problems to be fixed first when the draft does not validate', () => {
    const draft = doc('scenarios/conveyor-loto.json')
    draft['steps'] = []
    const reply = solveDraft(draft)
    expect(reply).toMatchObject({ ok: false, reason: expect.stringMatching(/problem/) })
  })
})
