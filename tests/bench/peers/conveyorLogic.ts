// Every expression of scenarios/conveyor-loto.json hand-translated to JSON logic (json-logic-js),
// for the peers of the replay, conditions and batch benchmarks. The data a rule reads is the
// peer machine's context: each component's state and each variable under its own id.
import type { RulesLogic } from 'json-logic-js'

const read = (name: string) => ({ var: name })

/** The conveyor's expressions, each with the scenario text it translates. */
export const CONVEYOR_LOGIC = {
  /** variables.pressure.rate: `if(air_dump == 'open', -2 * pressure, 0)` */
  pressureRate: {
    if: [{ '===': [read('air_dump'), 'open'] }, { '*': [-2, read('pressure')] }, 0],
  },
  /** rules[0].when: `isolator == 'off'` */
  isolatorOff: { '===': [read('isolator'), 'off'] },
  /** start_btn on press, the effect's if: `isolator == 'on'` */
  isolatorOn: { '===': [read('isolator'), 'on'] },
  /** steps zero-pressure, state: `pressure < 0.5` */
  zeroPressure: { '<': [read('pressure'), 0.5] },
  /** hazards guard-live: `guard == 'open' && isolator == 'on'` */
  guardLive: { and: [{ '===': [read('guard'), 'open'] }, { '===': [read('isolator'), 'on'] }] },
  /** hazards stored-air: `guard == 'open' && pressure >= 0.5` */
  storedAir: { and: [{ '===': [read('guard'), 'open'] }, { '>=': [read('pressure'), 0.5] }] },
  /** hazards no-glasses: `guard == 'open' && glasses != 'worn'` */
  noGlasses: { and: [{ '===': [read('guard'), 'open'] }, { '!==': [read('glasses'), 'worn'] }] },
  /** air_gauge value: `pressure` */
  airGauge: read('pressure'),
  /** voltmeter value: `if(isolator == 'on', 400, 0)` */
  voltmeter: { if: [{ '===': [read('isolator'), 'on'] }, 400, 0] },
  /** run_lamp lit: `run > 0` */
  runLamp: { '>': [read('run'), 0] },
  /** conveyor running: `run > 0` */
  conveyorRunning: { '>': [read('run'), 0] },
} satisfies Record<string, RulesLogic>

export type ConveyorLogicName = keyof typeof CONVEYOR_LOGIC
