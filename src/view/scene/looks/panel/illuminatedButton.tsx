// The 22 mm illuminated push button: its lens glows with its lamp. At its real size on the panel
// face (z = 0, facing +z).
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectDerived, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { stringParam, type LookProps } from '../types.ts'
import { Bezel22, latheZ, PANEL } from './common.tsx'
import { pressedNow, TRAVEL, dullColor, Halo } from './buttons.tsx'

function illuminatedLens() {
  return latheZ('illuminated-lens', [
    [0.0112, 0.0005],
    [0.0112, 0.0045],
    [0.0108, 0.0057],
    [0.0085, 0.0062],
    [0, 0.0062],
  ])
}

/** The index of the lamp an illuminated button shows (its `lamp` parameter), if any. */
function lampIndex(props: LookProps): number | undefined {
  const id = stringParam(props, 'lamp')
  return id === undefined ? undefined : props.model.componentIndex.get(id)
}

/**
 * An illuminated push button: a translucent lens in a chrome bezel that glows while the lamp named
 * by its `lamp` parameter is lit, and dips while pressed.
 */
export function IlluminatedButton(props: LookProps) {
  const { model, index, store, detail } = props
  const c = model.components[index]!
  const lamp = lampIndex(props)
  const color =
    c.source.color ??
    (lamp === undefined ? undefined : model.components[lamp]!.source.color) ??
    PANEL.green
  const head = useRef<Group>(null)
  const lens = useRef<Mesh>(null)
  const halo = useRef<Mesh>(null)
  useSceneEffect(store, pressedNow(c.id), (down) => {
    head.current!.position.z = down ? -TRAVEL.flush : 0
    head.current!.userData['pressed'] = down
  })
  const lit = lamp === undefined ? () => false : selectDerived(model, lamp)
  useSceneEffect(
    store,
    (s) => lit(s) === true,
    (on) => {
      lens.current!.name = on ? 'lens-lit' : 'lens-dark'
      setPieceLook(
        lens.current!,
        on ? { color, finish: 'glow' } : { color: dullColor(color), finish: 'painted' },
      )
      if (halo.current) halo.current.visible = on
    },
  )
  return (
    <group>
      <Bezel22 />
      <group ref={head} name="head">
        <Piece
          ref={lens}
          name="lens-dark"
          geometry={illuminatedLens()}
          color={dullColor(color)}
          finish="painted"
        />
        {detail === 'detailed' && (
          <Piece
            geometry={latheZ('illuminated-ring', [
              [0.0116, 0.0005],
              [0.0116, 0.0062],
              [0.0112, 0.0062],
            ])}
            color={PANEL.dark}
            finish="rubber"
          />
        )}
      </group>
      {detail === 'detailed' && <Halo ref={halo} color={color} />}
    </group>
  )
}
