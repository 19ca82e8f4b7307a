import { useFrame } from '@react-three/fiber'
import { useRef, type RefObject } from 'react'
import type { CanvasTexture, Group } from 'three'
import { selectDerived, useSceneEffect } from '../hooks.ts'
import { Piece } from '../Piece.tsx'
import { beltTexture, COLORS, geo } from '../resources.ts'
import type { PartProps } from './types.ts'

/** Conveyors show a moving belt; pumps, motors and fans a spinning shaft and fan. */
export function getMachineLook(id: string): 'conveyor' | 'pump' | 'fan' | 'motor' {
  if (/convey|belt/.test(id)) return 'conveyor'
  if (/pump/.test(id)) return 'pump'
  if (/fan|blower/.test(id)) return 'fan'
  return 'motor'
}

/** A machine whose moving parts run while its `running` expression holds. */
export function MachinePart({ model, index, store }: PartProps) {
  const c = model.components[index]!
  const root = useRef<Group>(null)
  const spinning = useRef<Group>(null)
  const running = useRef(false)
  const look = getMachineLook(c.id)
  const belt = look === 'conveyor' ? beltTexture() : undefined
  useSceneEffect(store, selectDerived(model, index), (value) => {
    running.current = value === true
    root.current!.name = running.current ? 'machine-running' : 'machine-stopped'
  })
  useFrame(({ invalidate }, delta) => {
    if (!running.current) return
    if (spinning.current) spinning.current.rotation.x += delta * 8
    if (belt) belt.offset.y = (belt.offset.y - delta * 0.6) % 1
    invalidate()
  })
  if (look === 'conveyor') return <ConveyorLook root={root} spinning={spinning} belt={belt} />
  const body = c.source.color ?? (look === 'pump' ? '#1e5aa8' : '#3c6e47')
  return <ShaftLook root={root} spinning={spinning} look={look} body={body} />
}

interface LookProps {
  /** Named for the machine's running state by MachinePart. */
  readonly root: RefObject<Group | null>
  /** Turned by MachinePart while the machine runs. */
  readonly spinning: RefObject<Group | null>
}

/** A belt on a frame, with its drive roller. */
function ConveyorLook({
  root,
  spinning,
  belt,
}: LookProps & { readonly belt: CanvasTexture | undefined }) {
  return (
    <group ref={root} name="machine-stopped">
      <Piece
        geometry={geo.box()}
        color={COLORS.steel}
        finish="metal"
        scale={[2.1, 0.08, 0.6]}
        position={[0, 0.3, 0]}
      />
      <mesh geometry={geo.box()} scale={[2.0, 0.02, 0.5]} position={[0, 0.35, 0]}>
        <meshStandardMaterial
          map={belt ?? null}
          color={belt ? '#ffffff' : '#33373b'}
          roughness={0.9}
        />
      </mesh>
      <group ref={spinning} position={[1.0, 0.32, 0]}>
        <Piece
          geometry={geo.cylinder()}
          color={COLORS.steel}
          finish="metal"
          rotation={[Math.PI / 2, 0, 0]}
          scale={[0.1, 0.55, 0.1]}
        />
      </group>
      {[-0.9, 0.9].map((x) => (
        <Piece
          key={x}
          geometry={geo.box()}
          color={COLORS.dark}
          scale={[0.06, 0.3, 0.5]}
          position={[x, 0.13, 0]}
        />
      ))}
    </group>
  )
}

/** A motor body with a spinning shaft and fan; a pump adds its casing, a fan its guard ring. */
function ShaftLook({
  root,
  spinning,
  look,
  body,
}: LookProps & { readonly look: 'pump' | 'fan' | 'motor'; readonly body: string }) {
  return (
    <group ref={root} name="machine-stopped">
      <Piece
        geometry={geo.cylinder()}
        color={body}
        rotation={[0, 0, Math.PI / 2]}
        scale={[0.3, 0.45, 0.3]}
        position={[-0.2, 0, 0]}
      />
      <Piece
        geometry={geo.box()}
        color={COLORS.dark}
        scale={[0.5, 0.05, 0.3]}
        position={[-0.2, -0.17, 0]}
      />
      <group ref={spinning} position={[0.1, 0, 0]}>
        <Piece
          geometry={geo.cylinderLow()}
          color={COLORS.steel}
          finish="metal"
          rotation={[0, 0, Math.PI / 2]}
          scale={[0.04, 0.2, 0.04]}
        />
        {[0, 1, 2, 3].map((k) => (
          <Piece
            key={k}
            geometry={geo.box()}
            color={COLORS.yellow}
            rotation={[(k * Math.PI) / 2, 0, 0]}
            scale={[0.02, 0.16, 0.03]}
            position={[0.02, 0, 0]}
          />
        ))}
      </group>
      {look === 'pump' && (
        <Piece
          geometry={geo.sphere()}
          color={body}
          scale={[0.25, 0.3, 0.3]}
          position={[0.3, 0, 0]}
        />
      )}
      {look === 'fan' && (
        <Piece
          geometry={geo.ring()}
          color={COLORS.steel}
          rotation={[0, Math.PI / 2, 0]}
          scale={0.36}
          position={[0.14, 0, 0]}
        />
      )}
    </group>
  )
}
