// The machines looks of the catalogue (src/core/looks.ts), one component per look, each in a file
// of its own.
import type { LookFamily } from '../types.ts'
import { ConveyorLook } from './Conveyor.tsx'
import { BatteryTerminalLook } from './BatteryTerminal.tsx'
import { BogieLook } from './Bogie.tsx'
import { CarLook } from './Car.tsx'
import { FloorLook } from './Floor.tsx'
import { FlagLook } from './Flag.tsx'
import { GuardLook } from './Guard.tsx'
import { HoseCouplingLook } from './HoseCoupling.tsx'
import { KeySafeLook } from './KeySafe.tsx'
import { RailVehicleLook } from './RailVehicle.tsx'
import { ServicePlugLook } from './ServicePlug.tsx'
import { InverterLook, PvArrayLook } from './Solar.tsx'
import { TrackLook } from './Track.tsx'
import { TrolleyLook } from './Trolley.tsx'
import { WallLook } from './Wall.tsx'
import { WorkbenchLook } from './Workbench.tsx'

export const looks: LookFamily = {
  'machine.conveyor': ConveyorLook,
  'door.guard': GuardLook,
  'static.inverter': InverterLook,
  'static.pv-array': PvArrayLook,
  'static.car': CarLook,
  'switch.service-plug': ServicePlugLook,
  'switch.battery-terminal': BatteryTerminalLook,
  'static.bogie': BogieLook,
  'static.rail-vehicle': RailVehicleLook,
  'static.track': TrackLook,
  'switch.flag': FlagLook,
  'switch.hose-coupling': HoseCouplingLook,
  'static.workbench': WorkbenchLook,
  'static.wall': WallLook,
  'static.floor': FloorLook,
  'static.key-safe': KeySafeLook,
  'static.trolley': TrolleyLook,
}
