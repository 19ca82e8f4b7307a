// The process looks of the catalogue (src/core/looks.ts), one component per look: valves, pipe
// runs, pumps and motors, the compressor, fans, vessels, filters, strainers and sight glasses.
import type { LookFamily } from '../types.ts'
import { BallValve } from './BallValve.tsx'
import { ButterflyValve } from './ButterflyValve.tsx'
import { Compressor } from './Compressor.tsx'
import { DrainValve } from './DrainValve.tsx'
import { Fan } from './Fan.tsx'
import { Filter } from './Filter.tsx'
import { GateValve } from './GateValve.tsx'
import { Motor } from './Motor.tsx'
import { NeedleValve } from './NeedleValve.tsx'
import { Pipe } from './Pipe.tsx'
import { Pump } from './Pump.tsx'
import { Receiver } from './Receiver.tsx'
import { SafetyValve } from './SafetyValve.tsx'
import { SightGlass } from './SightGlass.tsx'
import { Strainer } from './Strainer.tsx'
import { Tank } from './Tank.tsx'

export const looks: LookFamily = {
  'valve.gate': GateValve,
  'valve.ball': BallValve,
  'valve.butterfly': ButterflyValve,
  'valve.drain': DrainValve,
  'valve.needle': NeedleValve,
  'valve.safety': SafetyValve,
  'static.pipe': Pipe,
  'machine.pump': Pump,
  'machine.motor': Motor,
  'machine.compressor': Compressor,
  'machine.fan': Fan,
  'static.receiver': Receiver,
  'static.tank': Tank,
  'static.filter': Filter,
  'static.strainer': Strainer,
  'display.sight-glass': SightGlass,
}
