import { describe, expect, it } from 'vitest'
import {
  applyInput,
  cloneState,
  createStart,
  loadScenario,
  scoreAttempt,
  step,
  type Model,
} from '../../src/core/index.ts'
import { loadScenarioFile } from '../helpers.ts'
import { drive } from './driver.ts'

const conveyor = loadScenarioFile('scenarios/conveyor-loto.json')

function model(json: object): Model {
  const loaded = loadScenario(JSON.stringify(json))
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return loaded.value
}

const base = {
  format: 'practica.scenario/1',
  id: 'unit',
  version: '1.0.0',
  title: 'Unit',
  competencies: [],
}

describe('simulation', () => {
  it('completes an action step when its prerequisites are done', () => {
    drive(conveyor)
      .advance(1000)
      .press('radio')
      .expectStep('notify', 'complete')
      .expectClass('completion')
      .advance(1000)
      .press('stop_btn')
      .expectStep('stop', 'complete')
  })

  it('completes a step out of order when no matching step is ready', () => {
    drive(conveyor).advance(1000).press('stop_btn').expectStep('stop', 'out-of-order')
  })

  it('blocks every act but inspect, lock and tag on a locked component, and runs no effects', () => {
    drive(conveyor)
      .set('isolator', 'off')
      .lock('isolator')
      .set('isolator', 'on')
      .expectClass('blocked')
      .expectValue('isolator', 'off')
      .tag('isolator')
      .expectValue('isolator', 'off')
      .inspect('isolator')
      .expectClass('inspect')
  })

  it('lets rules change a locked component: the lock binds the learner, not the physics', () => {
    const m = model({
      ...base,
      components: [
        { id: 'sw', kind: 'switch', label: 'Switch', lockable: true },
        { id: 'trip', kind: 'button', label: 'Trip', on: { press: [{ set: { sw: "'on'" } }] } },
      ],
      steps: [{ id: 's', title: 'S', action: { action: 'press', target: 'trip' } }],
    })
    drive(m).lock('sw').press('trip').expectValue('sw', 'on')
  })

  it('waits for a rate-driven state step: pressure falls below 0.5 bar at 1.2 s after the dump opens', () => {
    const sim = drive(conveyor)
      .set('air_dump', 'open')
      .advance(1100)
      .expectValue('pressure', 6 * 0.8 ** 11)
    expect(sim.state.stepDone[conveyor.stepIndex.get('zero-pressure')!]).toBe(false)
  })

  it('runs ticks before an event at the same time', () => {
    const m = model({
      ...base,
      components: [{ id: 'b', kind: 'button', label: 'B' }],
      variables: [{ id: 'x', initial: 0, rate: '10' }],
      steps: [{ id: 's', title: 'S', state: 'x >= 1' }],
    })
    // 100 ms ticks: x reaches 1 at t = 100 ms, before the press at 100 ms
    const sim = drive(m).advance(100).press('b')
    expect(sim.state.stepT[0]).toBe(100)
    expect(sim.state.log[0]!.class).toBe('unexpected')
  })

  it('applies effects only when their condition holds where they are reached', () => {
    drive(conveyor).set('isolator', 'off').press('start_btn').expectValue('run', 0)
    drive(conveyor).press('stop_btn').press('start_btn').expectValue('run', 1)
  })

  it('fires a when-hazard on each rising edge only', () => {
    drive(conveyor)
      .set('guard', 'open')
      .expectHazards(['guard-live', 'stored-air', 'no-glasses'])
      .advance(500)
      .expectHazards(['guard-live', 'stored-air', 'no-glasses'])
      .set('guard', 'closed')
      .set('guard', 'open')
      .expectHazards([
        'guard-live',
        'stored-air',
        'no-glasses',
        'guard-live',
        'stored-air',
        'no-glasses',
      ])
  })

  it('ends an assessment at a critical hazard, but not a practice attempt', () => {
    const a = drive(conveyor, 'assessment').set('guard', 'open').press('radio')
    expect(a.state.ended).toBe(true)
    expect(a.state.endReason).toBe('critical')
    expect(a.state.log).toHaveLength(1)
    const p = drive(conveyor, 'practice').set('guard', 'open').press('radio')
    expect(p.state.ended).toBe(false)
    expect(p.state.log).toHaveLength(2)
  })

  it('ends at the time limit: ticks after it and events after it are not processed', () => {
    const m = model({
      ...base,
      components: [{ id: 'b', kind: 'button', label: 'B' }],
      variables: [{ id: 'x', initial: 0, rate: '1' }],
      steps: [{ id: 's', title: 'S', action: { action: 'press', target: 'b' } }],
      scoring: { timeLimitSeconds: 2 },
    })
    const sim = drive(m).advance(2000).press('b').advance(1000).press('b')
    expect(sim.state.ended).toBe(true)
    expect(sim.state.endedAt).toBe(2000)
    expect(sim.state.log).toHaveLength(1)
    expect(sim.state.vars[0]).toBeCloseTo(2, 9)
  })

  it('never changes the state it is given', () => {
    const start = createStart(conveyor, 'practice', [])
    const before = JSON.stringify(start)
    step(conveyor, start, {
      type: 'event',
      index: 0,
      event: { t: 500, action: 'set', target: 'air_dump', value: 'open' },
    })
    step(conveyor, start, { type: 'advance', t: 5000 })
    expect(JSON.stringify(start)).toBe(before)
  })

  it('gives the same state whether ticks in which nothing changes are skipped or not', () => {
    const events = [
      { t: 1000, action: 'set', target: 'isolator', value: 'off' },
      { t: 4000, action: 'set', target: 'air_dump', value: 'open' },
      { t: 30000, action: 'press', target: 'start_btn' },
    ]
    const skipping = createStart(conveyor, 'practice', [])
    const ticking = createStart(conveyor, 'practice', [])
    events.forEach((event, index) => {
      applyInput(conveyor, skipping, { type: 'event', index, event })
      // advancing one tick at a time never lets the quiet skip jump
      for (let t = ticking.now + conveyor.tickMs; t <= event.t; t += conveyor.tickMs) {
        applyInput(conveyor, ticking, { type: 'advance', t })
      }
      applyInput(conveyor, ticking, { type: 'event', index, event })
    })
    const strip = (s: typeof skipping) => ({
      ...cloneState(s),
      quiet: false,
      nextTick: 0,
      now: 0,
      changed: false,
    })
    expect(strip(skipping)).toEqual(strip(ticking))
  })

  it('applies active faults at the start, after the initial states', () => {
    const m = model({
      ...base,
      components: [
        { id: 'v', kind: 'valve', label: 'Valve' },
        { id: 'l', kind: 'lamp', label: 'Lamp', lit: 'fault.stuck' },
      ],
      faults: [{ id: 'stuck', title: 'Stuck open', chance: 0.2, set: { v: "'open'" } }],
      steps: [{ id: 's', title: 'S', state: "v == 'closed'" }],
    })
    drive(m, 'practice', ['stuck'])
      .expectValue('v', 'open')
      .expectValue('l', true)
      .expectStep('s', 'incomplete')
    drive(m, 'practice', []).expectValue('v', 'closed').expectStep('s', 'complete')
  })

  it('reports a rule that sets a state the component does not have as a scenario error', () => {
    const m = model({
      ...base,
      components: [
        { id: 'sel', kind: 'selector', label: 'Sel', states: ['a', 'b'] },
        // 'a' could fit, so validation leaves it to the run (a display of only 'c' it reports)
        { id: 'd', kind: 'display', label: 'D', value: "if(time < 1000, 'c', 'a')" },
      ],
      rules: [{ when: 'true', set: { sel: 'd' } }],
      steps: [{ id: 's', title: 'S', action: { action: 'set', target: 'sel', value: 'b' } }],
    })
    const scored = scoreAttempt(m, {
      format: 'practica.attempt/1',
      id: 'x',
      scenario: { id: 'unit' },
      mode: 'practice',
      events: [],
    })
    expect(scored.ok).toBe(false)
    expect(!scored.ok && scored.problems[0]!.message).toMatch(
      /set "sel" to "c", which is not one of its states/,
    )
  })

  it('agrees with scoring: the live state equals the state replayed from the recorded events', () => {
    const sim = drive(conveyor)
      .advance(1000)
      .wear('glasses')
      .advance(1000)
      .press('radio')
      .advance(800)
      .press('stop_btn')
      .advance(1000)
      .set('isolator', 'off')
      .advance(1000)
      .lock('isolator')
      .advance(500)
      .end()
    const result = sim.result()
    expect(result.steps.filter((s) => s.complete).map((s) => s.id)).toEqual([
      'ppe-glasses',
      'notify',
      'stop',
      'isolate',
      'lock',
    ])
  })
})
