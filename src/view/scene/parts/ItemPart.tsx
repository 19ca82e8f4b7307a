import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import { Vector3, type Group, type Mesh } from 'three'
import { getWornSlot, useSceneEffect } from '../hooks.ts'
import { setPieceLook } from '../pieceBatches.ts'
import { Piece } from '../Piece.tsx'
import { COLORS, geo, mat } from '../resources.ts'
import type { PartProps } from './types.ts'

type Shape = 'glasses' | 'gloves' | 'helmet' | 'vest' | 'tool'

/** A recognisable shape for PPE and tools, guessed from the id. */
export function getItemShape(id: string): Shape {
  if (/glass|goggle|visor|shield|face/.test(id)) return 'glasses'
  if (/glove/.test(id)) return 'gloves'
  if (/helmet|hat|cap/.test(id)) return 'helmet'
  if (/vest|jacket|coat|apron|suit/.test(id)) return 'vest'
  return 'tool'
}

const target = new Vector3()

/** PPE or a tool on its rack peg; worn, it moves to the bottom of the learner's view. */
export function ItemPart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const moving = useRef<Group>(null)
  const peg = useRef<Mesh>(null)
  const worn = useRef(false)
  useSceneEffect(
    store,
    (s) => s.sim.comps[index] === 'worn',
    (w) => {
      worn.current = w
      moving.current!.name = w ? 'item-worn' : 'item-stored'
      setPieceLook(peg.current!, { shown: !w })
    },
  )
  useFrame(({ camera, invalidate }) => {
    const g = moving.current
    if (!g?.parent) return
    if (worn.current) {
      // a row along the bottom-right edge of the view, out of the way of the equipment
      const slot = getWornSlot(model, store.getState().sim.comps, index)
      target.set(0.45 - slot * 0.12, -0.36, -0.9)
      camera.localToWorld(target)
      g.parent.worldToLocal(target)
    } else target.set(0, 0, 0)
    if (g.position.distanceTo(target) > 0.002) {
      g.position.lerp(target, 0.25)
      invalidate()
    }
  })
  return (
    <group>
      <Piece
        ref={peg}
        geometry={geo.cylinderLow()}
        color={COLORS.steel}
        finish="metal"
        rotation={[Math.PI / 2, 0, 0]}
        scale={[0.012, 0.06, 0.012]}
        position={[0, 0.05, -0.02]}
      />
      <group ref={moving} name="item-stored">
        <ItemShape shape={getItemShape(c.id)} color={c.source.color ?? COLORS.orange} />
      </group>
    </group>
  )
}

/** The item itself, drawn as its shape in its colour. */
function ItemShape({ shape, color }: { readonly shape: Shape; readonly color: string }) {
  return (
    <>
      {shape === 'glasses' && (
        <>
          <Piece geometry={geo.ring()} color={color} scale={0.06} position={[-0.035, 0, 0]} />
          <Piece geometry={geo.ring()} color={color} scale={0.06} position={[0.035, 0, 0]} />
          {/* see-through lenses: meshes of their own */}
          <mesh
            geometry={geo.sphere()}
            material={mat('#a7d8f0', { transparent: 0.5 })}
            scale={[0.05, 0.05, 0.01]}
            position={[-0.035, 0, 0]}
          />
          <mesh
            geometry={geo.sphere()}
            material={mat('#a7d8f0', { transparent: 0.5 })}
            scale={[0.05, 0.05, 0.01]}
            position={[0.035, 0, 0]}
          />
        </>
      )}
      {shape === 'gloves' && (
        <>
          <Piece
            geometry={geo.box()}
            color={color}
            scale={[0.045, 0.09, 0.025]}
            position={[-0.03, 0, 0]}
            rotation={[0, 0, 0.15]}
          />
          <Piece
            geometry={geo.box()}
            color={color}
            scale={[0.045, 0.09, 0.025]}
            position={[0.03, 0, 0]}
            rotation={[0, 0, -0.15]}
          />
        </>
      )}
      {shape === 'helmet' && (
        <Piece
          geometry={geo.dome()}
          color={color}
          scale={[0.12, 0.1, 0.12]}
          position={[0, -0.03, 0]}
        />
      )}
      {shape === 'vest' && <Piece geometry={geo.box()} color={color} scale={[0.12, 0.14, 0.02]} />}
      {shape === 'tool' && (
        <Piece
          geometry={geo.cylinderLow()}
          color={color}
          scale={[0.03, 0.12, 0.03]}
          rotation={[0, 0, 0.3]}
        />
      )}
    </>
  )
}
