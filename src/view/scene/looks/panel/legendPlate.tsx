// What the 22 mm turning switches share: the angle of each of their positions and the black
// legend plate behind them that names the positions.
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { Letters, PANEL, positionAngles, stateMark } from './common.tsx'

/** The angle of each position of a selector, key switch or lever, by state. */
export function angleOf(states: readonly string[], state: string): number {
  const angles = positionAngles(states.length)
  return angles[Math.max(0, states.indexOf(state))]!
}

/** A black legend plate behind a 22 mm device, with the positions' names around the top. */
export function LegendPlate({ props, radius }: { props: LookProps; radius: number }) {
  const { model, index, detail } = props
  const c = model.components[index]!
  const angles = positionAngles(c.states.length)
  return (
    <>
      <Piece
        geometry={geo.box()}
        color={PANEL.black}
        finish="painted"
        position={[0, 0.006, -0.0006]}
        scale={[0.048, 0.054, 0.0012]}
      />
      {c.states.map((s, i) => {
        const a = angles[i]!
        const text = stateMark(model, index, s)
        // a word sits beside its position, leaning out, so that its end stays on the plate
        const r = radius + (text.length > 1 ? 0.002 : 0)
        return (
          <group key={s}>
            <Letters
              text={text}
              size={0.004}
              color={PANEL.legend}
              position={[-Math.sin(a) * r, Math.cos(a) * r + 0.001, 0.0001]}
            />
            {detail === 'detailed' && (
              <Piece
                geometry={geo.box()}
                color={PANEL.legend}
                position={[-Math.sin(a) * 0.0165, Math.cos(a) * 0.0165, 0.0001]}
                rotation={[0, 0, a]}
                scale={[0.0008, 0.0025, 0.0004]}
              />
            )}
          </group>
        )
      })}
    </>
  )
}
