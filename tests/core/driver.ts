// A chainable driver over the simulation fold, so tests read like a learner's actions:
// sim.press('stop_btn').advance(5000).expectStep('isolate', 'complete')
import { expect } from 'vitest'
import {
  createStart,
  getResult,
  scoreAttempt,
  step,
  type Attempt,
  type AttemptEvent,
  type EventClass,
  type Mode,
  type Model,
  type Result,
  type SimState,
} from '../../src/core/index.ts'

export class SimDriver {
  t = 0
  readonly events: AttemptEvent[] = []
  state: SimState

  constructor(
    readonly model: Model,
    readonly mode: Mode = 'practice',
    readonly faults: readonly string[] = [],
  ) {
    this.state = createStart(model, mode, faults)
  }

  /** Lets time pass (ticks run live, as on the learner's screen). */
  advance(ms: number): this {
    this.t += ms
    this.state = step(this.model, this.state, { type: 'advance', t: this.t })
    return this
  }

  act(action: string, target?: string, value?: string): this {
    const event: AttemptEvent = {
      t: this.t,
      action,
      ...(target === undefined ? {} : { target }),
      ...(value === undefined ? {} : { value }),
    }
    this.state = step(this.model, this.state, { type: 'event', index: this.events.length, event })
    this.events.push(event)
    return this
  }

  press(id: string): this {
    return this.act('press', id)
  }
  set(id: string, value: string): this {
    return this.act('set', id, value)
  }
  wear(id: string): this {
    return this.act('wear', id)
  }
  lock(id: string): this {
    return this.act('lock', id)
  }
  tag(id: string): this {
    return this.act('tag', id)
  }
  inspect(id: string): this {
    return this.act('inspect', id)
  }
  hint(stepId: string): this {
    return this.act('hint', stepId)
  }
  end(): this {
    return this.act('end')
  }

  expectStep(id: string, expected: 'complete' | 'incomplete' | 'out-of-order'): this {
    const i = this.model.stepIndex.get(id)!
    const actual = !this.state.stepDone[i]
      ? 'incomplete'
      : this.state.stepOutOfOrder[i]
        ? 'out-of-order'
        : 'complete'
    expect(actual, `step ${id}`).toBe(expected)
    return this
  }

  expectClass(expected: EventClass): this {
    expect(this.state.log[this.state.log.length - 1]?.class).toBe(expected)
    return this
  }

  expectHazards(ids: string[]): this {
    expect(this.state.triggers.map((tr) => this.model.hazards[tr.hazard]!.id)).toEqual(ids)
    return this
  }

  expectValue(id: string, value: string | number | boolean): this {
    const i = this.model.componentIndex.get(id)
    if (i === undefined) {
      const v = this.model.variables.findIndex((x) => x.id === id)
      expect(this.state.vars[v]).toBeCloseTo(value as number, 9)
    } else {
      const c = this.model.components[i]!
      expect(c.value ? c.value(this.state) : this.state.comps[i]).toBe(value)
    }
    return this
  }

  attempt(): Attempt {
    return {
      format: 'practica.attempt/1',
      id: 'driver',
      scenario: { id: this.model.scenario.id, version: this.model.scenario.version },
      mode: this.mode,
      faults: [...this.faults],
      events: [...this.events],
    }
  }

  /** Scores the recorded events from scratch, and checks the live state agrees with it. */
  result(): Result {
    const scored = scoreAttempt(this.model, this.attempt())
    if (!scored.ok) throw new Error(scored.problems.map((p) => p.message).join('\n'))
    if (this.state.ended)
      expect(getResult(this.model, this.state, this.attempt())).toEqual(scored.value)
    return scored.value
  }
}

export function drive(
  model: Model,
  mode: Mode = 'practice',
  faults: readonly string[] = [],
): SimDriver {
  return new SimDriver(model, mode, faults)
}
