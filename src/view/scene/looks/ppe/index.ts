// The ppe looks of the catalogue (src/core/looks.ts), one component per look: PPE and handheld
// tools hanging on their hooks (worn items leave the hook), and the PPE station they hang on.
import type { LookFamily } from '../types.ts'
import { EarDefenders } from './EarDefenders.tsx'
import { FaceShield } from './FaceShield.tsx'
import { Helmet } from './Helmet.tsx'
import { HiVisVest } from './HiVisVest.tsx'
import { InsulatingGloves } from './InsulatingGloves.tsx'
import { Multimeter } from './Multimeter.tsx'
import { PpeRack } from './PpeRack.tsx'
import { Radio } from './Radio.tsx'
import { SafetyGlasses } from './SafetyGlasses.tsx'
import { VoltageTester } from './VoltageTester.tsx'
import { WorkGloves } from './WorkGloves.tsx'

export const looks: LookFamily = {
  'item.safety-glasses': SafetyGlasses,
  'item.work-gloves': WorkGloves,
  'item.insulating-gloves': InsulatingGloves,
  'item.face-shield': FaceShield,
  'item.ear-defenders': EarDefenders,
  'item.helmet': Helmet,
  'item.hi-vis-vest': HiVisVest,
  'item.multimeter': Multimeter,
  'item.voltage-tester': VoltageTester,
  'item.radio': Radio,
  'static.ppe-rack': PpeRack,
}
