// The machines looks of the catalogue (src/core/looks.ts), one component per look.
import type { LookFamily } from '../types.ts'
import { ConveyorLook } from './Conveyor.tsx'
import { GuardLook } from './Guard.tsx'
import { BatteryTerminalLook } from './BatteryTerminal.tsx'
import { BogieLook } from './Bogie.tsx'
import { CarLook } from './Car.tsx'
import { FlagLook } from './Flag.tsx'
import { HoseCouplingLook } from './HoseCoupling.tsx'
import { RailVehicleLook } from './RailVehicle.tsx'
import { ServicePlugLook } from './ServicePlug.tsx'
import { InverterLook, PvArrayLook } from './Solar.tsx'
import { TrackLook } from './Track.tsx'
import { FloorLook, KeySafeLook, TrolleyLook, WallLook, WorkbenchLook } from './Workshop.tsx'

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
