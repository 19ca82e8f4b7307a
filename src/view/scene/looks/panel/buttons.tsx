// What the 22 mm push buttons and pilot lamps share (each look is a module of its own: emergencyStop,
// flushButton, illuminatedButton, pilotLamp): a head that dips while pressed, an emergency stop's
// latch, a lens's dull colour while dark, and the light around a lit lens. Each stands on the
// panel face at z = 0 and faces +z, at its real size.
import type { Ref } from 'react'
import { Color, type Mesh } from 'three'
import type { SceneState } from '../../../../state/sceneSource.ts'
import { geo, mat } from '../../resources.ts'

/** Whether the last thing the learner did was to press component `id` (a button dips meanwhile). */
export function pressedNow(id: string): (s: SceneState) => boolean {
  return (s) => {
    const last = s.events[s.events.length - 1]
    return last?.action === 'press' && last.target === id
  }
}

const PRESSED = /press|stop|latch|engag|activ|down|hit|^in$|^on$/i
const RELEASED = /releas|reset|normal|ready|run|pull|^out$|^up$|^off$/i

/** Whether an emergency stop used as a switch is latched down in `state`. */
export function isLatched(states: readonly string[], state: string): boolean {
  if (RELEASED.test(state)) return false
  if (PRESSED.test(state)) return true
  return states.indexOf(state) > 0
}

/** How far a pressed head sinks, metres. */
export const TRAVEL = { mushroom: 0.007, flush: 0.003 }

/** A colour as an unlit lens shows it: the same hue, dull and dark. */
export function dullColor(color: string): string {
  return `#${new Color(color).multiplyScalar(0.3).getHexString()}`
}

/** The light around a lit lens: see-through, drawn after the opaque pieces; hidden while dark. */
export function Halo({ ref, color }: { ref: Ref<Mesh>; color: string }) {
  return (
    <mesh
      ref={ref}
      name="halo"
      visible={false}
      geometry={geo.sphere()}
      material={mat(color, { transparent: 0.16 })}
      scale={0.034}
      position={[0, 0, 0.006]}
      raycast={() => null}
    />
  )
}
