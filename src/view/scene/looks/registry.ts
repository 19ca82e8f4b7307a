// Which module draws each look. The looks come in four families, each its own chunk that is
// downloaded the first time a scenario uses one of its looks (and precached for offline use), so
// the learner's first download does not carry the whole catalogue.
import { createContext, lazy, use, type ComponentType, type ReactNode } from 'react'
import type { LookName } from '../../../core/index.ts'
import type { LookFamily, LookProps } from './types.ts'

const FAMILIES = {
  panel: () => import('./panel/index.ts'),
  process: () => import('./process/index.ts'),
  machines: () => import('./machines/index.ts'),
  ppe: () => import('./ppe/index.ts'),
} satisfies Record<string, () => Promise<{ looks: LookFamily }>>

export type FamilyName = keyof typeof FAMILIES

/** The family of every look of the catalogue. */
export const LOOK_FAMILY: Readonly<Record<LookName, FamilyName>> = {
  'button.emergency-stop': 'panel',
  'button.flush': 'panel',
  'button.illuminated': 'panel',
  'lamp.pilot': 'panel',
  'switch.rotary-isolator': 'panel',
  'switch.key': 'panel',
  'selector.legend': 'panel',
  'selector.lever': 'panel',
  'breaker.mcb': 'panel',
  'breaker.mccb': 'panel',
  'display.panel-meter': 'panel',
  'display.seven-segment': 'panel',
  'display.sight-glass': 'process',
  'gauge.bourdon': 'panel',
  'static.control-station': 'panel',
  'static.cabinet': 'panel',
  'door.cabinet': 'panel',
  'valve.gate': 'process',
  'valve.ball': 'process',
  'valve.butterfly': 'process',
  'valve.drain': 'process',
  'valve.needle': 'process',
  'valve.safety': 'process',
  'static.pipe': 'process',
  'machine.pump': 'process',
  'machine.motor': 'process',
  'machine.compressor': 'process',
  'machine.fan': 'process',
  'static.receiver': 'process',
  'static.tank': 'process',
  'static.filter': 'process',
  'static.strainer': 'process',
  'machine.conveyor': 'machines',
  'door.guard': 'machines',
  'static.inverter': 'machines',
  'static.pv-array': 'machines',
  'static.car': 'machines',
  'switch.service-plug': 'machines',
  'switch.battery-terminal': 'machines',
  'static.bogie': 'machines',
  'static.rail-vehicle': 'machines',
  'static.track': 'machines',
  'switch.flag': 'machines',
  'switch.hose-coupling': 'machines',
  'static.workbench': 'machines',
  'static.wall': 'machines',
  'static.floor': 'machines',
  'static.ppe-rack': 'ppe',
  'static.key-safe': 'machines',
  'static.trolley': 'machines',
  'item.safety-glasses': 'ppe',
  'item.work-gloves': 'ppe',
  'item.insulating-gloves': 'ppe',
  'item.face-shield': 'ppe',
  'item.ear-defenders': 'ppe',
  'item.helmet': 'ppe',
  'item.hi-vis-vest': 'ppe',
  'item.multimeter': 'ppe',
  'item.voltage-tester': 'ppe',
  'item.radio': 'ppe',
}

/** Loads a family's module (the scene's Suspense shows the kind's default part meanwhile). */
export function loadFamily(family: FamilyName): Promise<{ looks: LookFamily }> {
  return FAMILIES[family]()
}

const components = new Map<LookName, ComponentType<LookProps>>()

/** What the scene shows in place of a look its family module does not draw (yet). */
export const MissingLookFallback = createContext<ReactNode>(null)

/** The component that draws `look`, suspending until its family's module has loaded. */
export function getLookComponent(look: LookName): ComponentType<LookProps> {
  let c = components.get(look)
  if (!c) {
    c = lazy(async () => {
      const { looks } = await loadFamily(LOOK_FAMILY[look])
      const draw = looks[look]
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
