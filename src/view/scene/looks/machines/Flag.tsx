// The blue protection flag that marks a railway vehicle that must not be moved: on a post in a
// weighted foot, furled at the post's foot while stowed, flying at its top while displayed.
import { useRef } from 'react'
import type { Group, Mesh } from 'three'
import { selectState, useSceneEffect } from '../../hooks.ts'
import { setPieceLook } from '../../pieceBatches.ts'
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import type { LookProps } from '../types.ts'
import { extrusion, finishFor, isSecond } from './common.ts'

/**
 * A blue protection flag on a post in a weighted foot: stowed, it is furled and lowered at the
 * foot of the post; displayed, it flies at the top. Origin at the base centre, flag towards +x.
 */
export function FlagLook(props: LookProps) {
  const { index, store, detail } = props
  const c = props.model.components[index]!
  const color = c.source.color ?? '#1565c0'
  const flag = useRef<Group>(null)
  const cloth = useRef<Mesh>(null)
  const furl = useRef<Mesh>(null)
  useSceneEffect(store, selectState(index), (state) => {
    const shown = isSecond(
      props,
      state,
      /display|raise|shown|^up$|^on$|flying|protect/i,
      /stow|lower|furl|^down$|^off$|remov/i,
    )
    flag.current!.name = shown ? 'flag-displayed' : 'flag-stowed'
    flag.current!.position.y = shown ? 1.05 : 0.2
    setPieceLook(cloth.current!, { shown })
    setPieceLook(furl.current!, { shown: !shown })
  })
  const painted = finishFor(detail, 'painted')
  const waved = extrusion(
    'blue-flag-cloth',
    [
      [0, 0],
      [0.2, 0.02],
      [0.4, -0.01],
      [0.55, 0.01],
      [0.55, 0.38],
      [0.4, 0.36],
      [0.2, 0.39],
      [0, 0.37],
    ],
    0.008,
  )
  return (
    <group>
      <Piece
        geometry={geo.cylinder()}
        color="#3d4246"
        finish={painted}
        scale={[0.3, 0.06, 0.3]}
        position={[0, 0.03, 0]}
      />
      <Piece
        geometry={geo.cylinderLow()}
        color="#e4e6e8"
        finish={painted}
        scale={[0.035, 1.5, 0.035]}
        position={[0, 0.78, 0]}
      />
      {detail === 'detailed' && (
        <Piece
          geometry={geo.sphere()}
          color="#e4e6e8"
          finish={painted}
          scale={0.05}
          position={[0, 1.54, 0]}
        />
      )}
      <group ref={flag} name="flag-stowed" position={[0, 0.2, 0]}>
        <Piece
          ref={cloth}
          name="cloth"
          geometry={waved}
          color={color}
          finish={painted}
          position={[0.02, 0, 0]}
        />
        <Piece
          ref={furl}
          name="furled"
          geometry={geo.cylinderLow()}
          color={color}
          finish={painted}
          scale={[0.06, 0.4, 0.06]}
          position={[0, 0.2, 0]}
        />
        {detail === 'detailed' &&
          [0.02, 0.36].map((y) => (
            <Piece
              key={y}
              geometry={geo.cylinderLow()}
              color="#2b2f33"
              finish={painted}
              scale={[0.05, 0.015, 0.05]}
              position={[0, y, 0]}
            />
          ))}
      </group>
    </group>
  )
}
