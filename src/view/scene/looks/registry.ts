// Which module draws each look. Each look's module (a file of one look, or of a few looks drawn
// alike, such as the 22 mm buttons) is a chunk of its own, downloaded the first time a scenario
// uses one of its looks (and precached for offline use), so the learner's first download carries
// the looks of the scenario started, not whole families of the catalogue. The scene asks for every
// look of its scenario at once before its 3D root draws (preloadLooks), so they come in parallel.
import { createContext, lazy, use, type ComponentType, type ReactNode } from 'react'
import { getLook, type LookName, type Model } from '../../../core/index.ts'
import type { Detail, LookComponent, LookFamily, LookProps } from './types.ts'

/**
 * The looks' modules, each downloaded by `import()` of its own path, so that the build makes each
 * one a chunk (with what it shares with others in chunks apart).
 */
const MODULES = {
  'machines/BatteryTerminal.tsx': () => import('./machines/BatteryTerminal.tsx'),
  'machines/Bogie.tsx': () => import('./machines/Bogie.tsx'),
  'machines/Car.tsx': () => import('./machines/Car.tsx'),
  'machines/Conveyor.tsx': () => import('./machines/Conveyor.tsx'),
  'machines/Flag.tsx': () => import('./machines/Flag.tsx'),
  'machines/Floor.tsx': () => import('./machines/Floor.tsx'),
  'machines/Guard.tsx': () => import('./machines/Guard.tsx'),
  'machines/HoseCoupling.tsx': () => import('./machines/HoseCoupling.tsx'),
  'machines/KeySafe.tsx': () => import('./machines/KeySafe.tsx'),
  'machines/RailVehicle.tsx': () => import('./machines/RailVehicle.tsx'),
  'machines/ServicePlug.tsx': () => import('./machines/ServicePlug.tsx'),
  'machines/Solar.tsx': () => import('./machines/Solar.tsx'),
  'machines/Track.tsx': () => import('./machines/Track.tsx'),
  'machines/Trolley.tsx': () => import('./machines/Trolley.tsx'),
  'machines/Wall.tsx': () => import('./machines/Wall.tsx'),
  'machines/Workbench.tsx': () => import('./machines/Workbench.tsx'),
  'panel/bourdonGauge.tsx': () => import('./panel/bourdonGauge.tsx'),
  'panel/breakers.tsx': () => import('./panel/breakers.tsx'),
  'panel/cabinet.tsx': () => import('./panel/cabinet.tsx'),
  'panel/cabinetDoor.tsx': () => import('./panel/cabinetDoor.tsx'),
  'panel/controlStation.tsx': () => import('./panel/controlStation.tsx'),
  'panel/emergencyStop.tsx': () => import('./panel/emergencyStop.tsx'),
  'panel/flushButton.tsx': () => import('./panel/flushButton.tsx'),
  'panel/illuminatedButton.tsx': () => import('./panel/illuminatedButton.tsx'),
  'panel/isolator.tsx': () => import('./panel/isolator.tsx'),
  'panel/keySwitch.tsx': () => import('./panel/keySwitch.tsx'),
  'panel/lever.tsx': () => import('./panel/lever.tsx'),
  'panel/panelMeter.tsx': () => import('./panel/panelMeter.tsx'),
  'panel/pilotLamp.tsx': () => import('./panel/pilotLamp.tsx'),
  'panel/selector.tsx': () => import('./panel/selector.tsx'),
  'panel/sevenSegment.tsx': () => import('./panel/sevenSegment.tsx'),
  'ppe/EarDefenders.tsx': () => import('./ppe/EarDefenders.tsx'),
  'ppe/FaceShield.tsx': () => import('./ppe/FaceShield.tsx'),
  'ppe/Helmet.tsx': () => import('./ppe/Helmet.tsx'),
  'ppe/HiVisVest.tsx': () => import('./ppe/HiVisVest.tsx'),
  'ppe/InsulatingGloves.tsx': () => import('./ppe/InsulatingGloves.tsx'),
  'ppe/Multimeter.tsx': () => import('./ppe/Multimeter.tsx'),
  'ppe/PpeRack.tsx': () => import('./ppe/PpeRack.tsx'),
  'ppe/Radio.tsx': () => import('./ppe/Radio.tsx'),
  'ppe/SafetyGlasses.tsx': () => import('./ppe/SafetyGlasses.tsx'),
  'ppe/VoltageTester.tsx': () => import('./ppe/VoltageTester.tsx'),
  'ppe/WorkGloves.tsx': () => import('./ppe/WorkGloves.tsx'),
  'process/BallValve.tsx': () => import('./process/BallValve.tsx'),
  'process/ButterflyValve.tsx': () => import('./process/ButterflyValve.tsx'),
  'process/Compressor.tsx': () => import('./process/Compressor.tsx'),
  'process/DrainValve.tsx': () => import('./process/DrainValve.tsx'),
  'process/Fan.tsx': () => import('./process/Fan.tsx'),
  'process/Filter.tsx': () => import('./process/Filter.tsx'),
  'process/GateValve.tsx': () => import('./process/GateValve.tsx'),
  'process/Motor.tsx': () => import('./process/Motor.tsx'),
  'process/NeedleValve.tsx': () => import('./process/NeedleValve.tsx'),
  'process/Pipe.tsx': () => import('./process/Pipe.tsx'),
  'process/Pump.tsx': () => import('./process/Pump.tsx'),
  'process/Receiver.tsx': () => import('./process/Receiver.tsx'),
  'process/SafetyValve.tsx': () => import('./process/SafetyValve.tsx'),
  'process/SightGlass.tsx': () => import('./process/SightGlass.tsx'),
  'process/Strainer.tsx': () => import('./process/Strainer.tsx'),
  'process/Tank.tsx': () => import('./process/Tank.tsx'),
} satisfies Record<string, () => Promise<Record<string, unknown>>>

/** The file of a look's module, relative to this folder. */
export type LookModuleFile = keyof typeof MODULES

/** The module that draws each look, and the name the module exports its drawing by. */
export const LOOK_MODULES: Readonly<Record<LookName, readonly [LookModuleFile, string]>> = {
  'button.emergency-stop': ['panel/emergencyStop.tsx', 'EmergencyStop'],
  'button.flush': ['panel/flushButton.tsx', 'FlushButton'],
  'button.illuminated': ['panel/illuminatedButton.tsx', 'IlluminatedButton'],
  'lamp.pilot': ['panel/pilotLamp.tsx', 'PilotLamp'],
  'switch.rotary-isolator': ['panel/isolator.tsx', 'RotaryIsolator'],
  'switch.key': ['panel/keySwitch.tsx', 'KeySwitch'],
  'selector.legend': ['panel/selector.tsx', 'SelectorLegend'],
  'selector.lever': ['panel/lever.tsx', 'SelectorLever'],
  'breaker.mcb': ['panel/breakers.tsx', 'Mcb'],
  'breaker.mccb': ['panel/breakers.tsx', 'Mccb'],
  'display.panel-meter': ['panel/panelMeter.tsx', 'PanelMeter'],
  'display.seven-segment': ['panel/sevenSegment.tsx', 'SevenSegment'],
  'display.sight-glass': ['process/SightGlass.tsx', 'SightGlass'],
  'gauge.bourdon': ['panel/bourdonGauge.tsx', 'BourdonGauge'],
  'static.control-station': ['panel/controlStation.tsx', 'ControlStation'],
  'static.cabinet': ['panel/cabinet.tsx', 'Cabinet'],
  'door.cabinet': ['panel/cabinetDoor.tsx', 'CabinetDoor'],
  'valve.gate': ['process/GateValve.tsx', 'GateValve'],
  'valve.ball': ['process/BallValve.tsx', 'BallValve'],
  'valve.butterfly': ['process/ButterflyValve.tsx', 'ButterflyValve'],
  'valve.drain': ['process/DrainValve.tsx', 'DrainValve'],
  'valve.needle': ['process/NeedleValve.tsx', 'NeedleValve'],
  'valve.safety': ['process/SafetyValve.tsx', 'SafetyValve'],
  'static.pipe': ['process/Pipe.tsx', 'Pipe'],
  'machine.pump': ['process/Pump.tsx', 'Pump'],
  'machine.motor': ['process/Motor.tsx', 'Motor'],
  'machine.compressor': ['process/Compressor.tsx', 'Compressor'],
  'machine.fan': ['process/Fan.tsx', 'Fan'],
  'static.receiver': ['process/Receiver.tsx', 'Receiver'],
  'static.tank': ['process/Tank.tsx', 'Tank'],
  'static.filter': ['process/Filter.tsx', 'Filter'],
  'static.strainer': ['process/Strainer.tsx', 'Strainer'],
  'machine.conveyor': ['machines/Conveyor.tsx', 'ConveyorLook'],
  'door.guard': ['machines/Guard.tsx', 'GuardLook'],
  'static.inverter': ['machines/Solar.tsx', 'InverterLook'],
  'static.pv-array': ['machines/Solar.tsx', 'PvArrayLook'],
  'static.car': ['machines/Car.tsx', 'CarLook'],
  'switch.service-plug': ['machines/ServicePlug.tsx', 'ServicePlugLook'],
  'switch.battery-terminal': ['machines/BatteryTerminal.tsx', 'BatteryTerminalLook'],
  'static.bogie': ['machines/Bogie.tsx', 'BogieLook'],
  'static.rail-vehicle': ['machines/RailVehicle.tsx', 'RailVehicleLook'],
  'static.track': ['machines/Track.tsx', 'TrackLook'],
  'switch.flag': ['machines/Flag.tsx', 'FlagLook'],
  'switch.hose-coupling': ['machines/HoseCoupling.tsx', 'HoseCouplingLook'],
  'static.workbench': ['machines/Workbench.tsx', 'WorkbenchLook'],
  'static.wall': ['machines/Wall.tsx', 'WallLook'],
  'static.floor': ['machines/Floor.tsx', 'FloorLook'],
  'static.ppe-rack': ['ppe/PpeRack.tsx', 'PpeRack'],
  'static.key-safe': ['machines/KeySafe.tsx', 'KeySafeLook'],
  'static.trolley': ['machines/Trolley.tsx', 'TrolleyLook'],
  'item.safety-glasses': ['ppe/SafetyGlasses.tsx', 'SafetyGlasses'],
  'item.work-gloves': ['ppe/WorkGloves.tsx', 'WorkGloves'],
  'item.insulating-gloves': ['ppe/InsulatingGloves.tsx', 'InsulatingGloves'],
  'item.face-shield': ['ppe/FaceShield.tsx', 'FaceShield'],
  'item.ear-defenders': ['ppe/EarDefenders.tsx', 'EarDefenders'],
  'item.helmet': ['ppe/Helmet.tsx', 'Helmet'],
  'item.hi-vis-vest': ['ppe/HiVisVest.tsx', 'HiVisVest'],
  'item.multimeter': ['ppe/Multimeter.tsx', 'Multimeter'],
  'item.voltage-tester': ['ppe/VoltageTester.tsx', 'VoltageTester'],
  'item.radio': ['ppe/Radio.tsx', 'Radio'],
}

/** The families of the catalogue: the folders the looks' modules are kept in. */
export type FamilyName = 'panel' | 'process' | 'machines' | 'ppe'

/** The family of every look of the catalogue: the folder of its module. */
export const LOOK_FAMILY = Object.fromEntries(
  Object.entries(LOOK_MODULES).map(([look, [file]]) => [look, file.split('/')[0]]),
) as Readonly<Record<LookName, FamilyName>>

/** The looks the scenario's parts are drawn with at this detail, each once. Pure. */
export function getDrawnLooks(model: Model, detail: Detail): LookName[] {
  const looks = new Set<LookName>()
  for (const c of model.components) {
    const look = c.source.model === undefined ? getDrawnLook(c.source, detail) : undefined
    if (look) looks.add(look)
  }
  return [...looks]
}

/**
 * The look a component is drawn with, if any. Simple draws the kinds' default parts, but scenery
 * (a pipe run, a wall) has no default shape worth the name: its look draws itself simply. Pure.
 */
export function getDrawnLook(
  source: Model['components'][number]['source'],
  detail: Detail,
): LookName | undefined {
  if (source.look === undefined || !getLook(source.look)) return undefined
  if (source.kind === 'static')
    return source.shape === undefined ? (source.look as LookName) : undefined
  return detail === 'simple' ? undefined : (source.look as LookName)
}

const loading = new Map<LookName, Promise<LookComponent | undefined>>()

/** Loads the module that draws `look` (once: later calls share the download). */
export function loadLook(look: LookName): Promise<LookComponent | undefined> {
  let p = loading.get(look)
  if (!p) {
    const [file, name] = LOOK_MODULES[look]
    const load: () => Promise<Record<string, unknown>> = MODULES[file]
    p = load().then((m) => m[name] as LookComponent | undefined)
    // a failed download (offline, not precached) is tried again by the next call
    p.catch(() => loading.delete(look))
    loading.set(look, p)
  }
  return p
}

/**
 * Starts downloading the modules of `looks` at once, so that none waits for another (the scene
 * calls it before its 3D root draws the parts). A failure shows where the look is drawn.
 */
export function preloadLooks(looks: Iterable<LookName>): void {
  for (const look of new Set(looks)) loadLook(look).catch(() => undefined)
}

/** Loads every look of a family (the catalogue's tests and sheet), each from its own module. */
export async function loadFamily(family: FamilyName): Promise<{ looks: LookFamily }> {
  const names = (Object.keys(LOOK_FAMILY) as LookName[]).filter((l) => LOOK_FAMILY[l] === family)
  const drawn = await Promise.all(names.map(async (l) => [l, await loadLook(l)] as const))
  return { looks: Object.fromEntries(drawn.filter(([, draw]) => draw !== undefined)) }
}

const components = new Map<LookName, ComponentType<LookProps>>()

/** What the scene shows in place of a look its module does not draw (yet). */
export const MissingLookFallback = createContext<ReactNode>(null)

/** The component that draws `look`, suspending until its module has loaded. */
export function getLookComponent(look: LookName): ComponentType<LookProps> {
  let c = components.get(look)
  if (!c) {
    c = lazy(async () => {
      const draw = await loadLook(look)
      if (!draw) {
        // said once per look: the lazy component keeps this outcome
        console.warn(
          `${look}: no drawing in the ${LOOK_FAMILY[look]} looks; the default part is shown`,
        )
        return { default: MissingLook }
      }
      return { default: (props: LookProps) => draw(props) }
    })
    components.set(look, c)
  }
  return c
}

function MissingLook(): ReactNode {
  return use(MissingLookFallback)
}
