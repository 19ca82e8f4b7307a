// The 22 mm flush push button, at its real size on the panel face (z = 0, facing +z).
import { useRef } from 'react'
import { Color, type Group } from 'three'
import { useSceneEffect } from '../../hooks.ts'
import { Piece } from '../../Piece.tsx'
import type { LookProps } from '../types.ts'
import { Bezel22, cylinderZ, Letters, PANEL, partColor } from './common.tsx'
import { pressedNow, TRAVEL } from './buttons.tsx'

/** The white mark a flush button carries: "I" on a green one, "O" on a red one, none otherwise. */
function buttonSymbol(color: string): string | undefined {
  const hsl = { h: 0, s: 0, l: 0 }
  new Color(color).getHSL(hsl)
  if (hsl.s < 0.35) return undefined
  if (hsl.h < 0.05 || hsl.h > 0.93) return 'O'
  if (hsl.h > 0.22 && hsl.h < 0.45) return 'I'
  return undefined
}

export function FlushButton(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const color = partColor(model, index, PANEL.green)
  const head = useRef<Group>(null)
  useSceneEffect(store, pressedNow(c.id), (down) => {
    head.current!.position.z = down ? -TRAVEL.flush : 0
    head.current!.userData['pressed'] = down
  })
  const symbol = detail === 'detailed' ? buttonSymbol(color) : undefined
  return (
    <group>
      <Bezel22 />
      <group ref={head} name="head">
        <Piece
          geometry={cylinderZ(24)}
          color={color}
          finish="painted"
          position={[0, 0, 0.0005]}
          scale={[0.0228, 0.0228, 0.0052]}
        />
        {symbol && (
          <Letters text={symbol} size={0.009} color={PANEL.white} position={[0, 0, 0.0058]} />
        )}
      </group>
    </group>
  )
}
