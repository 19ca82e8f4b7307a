// The process looks of the catalogue (src/core/looks.ts), one component per look: valves, pipe
// runs, pumps and motors, the compressor, fans, vessels, filters, strainers and sight glasses.
// Where each stands in its part's frame (metres, +y up, +z towards the viewer):
// - valves, the filter, the strainer and the sight glass: the origin on the pipe's axis, the pipe
//   along x; stems and handles up +y (rotate the part 90° about x to turn them to the viewer);
// - the safety valve: the origin at its threaded inlet, standing up +y, its test lever along +x;
// - pumps, motors, the compressor, receivers and tanks: the origin on the floor under them; the
//   pump's shaft along x with its suction nozzle at +x and its discharge up (PUMP_SET), the
//   receiver's nozzles as getReceiverLayout gives them;
// - the fan: the origin at its hub, blowing towards +z.
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
