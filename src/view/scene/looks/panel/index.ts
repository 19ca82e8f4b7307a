// The panel looks of the catalogue (src/core/looks.ts), one component per look: 22 mm buttons and
// lamps, turning switches, breakers, instruments and the enclosures they are mounted in.
import type { LookFamily } from '../types.ts'
import { Mccb, Mcb } from './breakers.tsx'
import { BourdonGauge } from './bourdonGauge.tsx'
import { Cabinet } from './cabinet.tsx'
import { CabinetDoor } from './cabinetDoor.tsx'
import { ControlStation } from './controlStation.tsx'
import { EmergencyStop } from './emergencyStop.tsx'
import { FlushButton } from './flushButton.tsx'
import { IlluminatedButton } from './illuminatedButton.tsx'
import { RotaryIsolator } from './isolator.tsx'
import { KeySwitch } from './keySwitch.tsx'
import { SelectorLever } from './lever.tsx'
import { PanelMeter } from './panelMeter.tsx'
import { PilotLamp } from './pilotLamp.tsx'
import { SelectorLegend } from './selector.tsx'
import { SevenSegment } from './sevenSegment.tsx'

export const looks: LookFamily = {
  'button.emergency-stop': EmergencyStop,
  'button.flush': FlushButton,
  'button.illuminated': IlluminatedButton,
  'lamp.pilot': PilotLamp,
  'switch.rotary-isolator': RotaryIsolator,
  'switch.key': KeySwitch,
  'selector.legend': SelectorLegend,
  'selector.lever': SelectorLever,
  'breaker.mcb': Mcb,
  'breaker.mccb': Mccb,
  'display.panel-meter': PanelMeter,
  'display.seven-segment': SevenSegment,
  'gauge.bourdon': BourdonGauge,
  'static.control-station': ControlStation,
  'static.cabinet': Cabinet,
  'door.cabinet': CabinetDoor,
}
