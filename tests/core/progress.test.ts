// Step status and readiness, the one home the simulation, the solver, the checklist and the
// scene's "next part" highlight all ask.
import { describe, expect, it } from 'vitest'
import {
  getNextStep,
  getStepStatus,
  getWaitingFor,
  isStepReady,
  type Model,
} from '../../src/core/index.ts'
import { loadScenarioFile } from '../helpers.ts'
import { drive } from './driver.ts'

const model = loadScenarioFile('scenarios/conveyor-loto.json')
const at = (m: Model, id: string): number => m.stepIndex.get(id)!

describe('step status', () => {
  it('is waiting until every step it waits for is done, then ready', () => {
    const sim = drive(model)
    expect(getStepStatus(model, sim.state, at(model, 'stop'))).toBe('waiting')
    expect(isStepReady(model, sim.state.stepDone, at(model, 'stop'))).toBe(false)
    sim.press('radio')
    expect(getStepStatus(model, sim.state, at(model, 'notify'))).toBe('done')
    expect(getStepStatus(model, sim.state, at(model, 'stop'))).toBe('ready')
  })

  it('says out of order for a step completed before it was ready', () => {
    const sim = drive(model).press('stop_btn')
    expect(getStepStatus(model, sim.state, at(model, 'stop'))).toBe('outOfOrder')
  })

  it('lists only the steps still missing, in the order the scenario gives them', () => {
    const done = model.steps.map(() => false)
    const verify = at(model, 'verify')
    expect(getWaitingFor(model, done, verify)).toEqual([
      at(model, 'lock'),
      at(model, 'zero-pressure'),
    ])
    done[at(model, 'lock')] = true
    expect(getWaitingFor(model, done, verify)).toEqual([at(model, 'zero-pressure')])
  })
})

describe('the next step', () => {
  it('is the first ready, incomplete step done by an action', () => {
    const done = model.steps.map(() => false)
    expect(getNextStep(model, done)).toBe(0)
    model.steps.forEach((_, i) => (done[i] = i < at(model, 'open-dump') + 1))
    // zero-pressure is a state step: the learner cannot act on it, so the next is verify-zero
    expect(getNextStep(model, done)).toBe(at(model, 'verify-zero'))
  })

  it('is undefined when every step is done', () => {
    expect(
      getNextStep(
        model,
        model.steps.map(() => true),
      ),
    ).toBeUndefined()
  })
})
