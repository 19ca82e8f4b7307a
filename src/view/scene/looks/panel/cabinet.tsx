// An electrical cabinet, open at the front for its door (door.cabinet, cabinetDoor.tsx): its origin
// is the middle of its opening, +z toward the viewer, +y up, so that a door placed at the cabinet's
// origin with the cabinet's width and height closes it.
import { Piece } from '../../Piece.tsx'
import { geo } from '../../resources.ts'
import { numberParam, type LookProps } from '../types.ts'
import { PANEL, partColor } from './common.tsx'

const PLINTH = 0.1
const WALL = 0.015
const RAIL_DEPTH = 0.0095

/**
 * The devices along one DIN rail of a cabinet `inner` wide: rows of breakers (white, their toggles
 * a dark line) and a contactor (dark), left to right with gaps, a different mix on each rail.
 */
function railDevices(inner: number, rail: number): { x: number; width: number; dark: boolean }[] {
  const MODULE = 0.0176
  const mixes = [
    [4, 6, 3, 2],
    [2, 8, 3],
    [3, 4, 4, 2],
  ]
  const devices: { x: number; width: number; dark: boolean }[] = []
  let left = -inner / 2 + 0.02
  for (const [k, modules] of mixes[rail % mixes.length]!.entries()) {
    const dark = k === 2
    const width = dark ? 0.045 : modules * MODULE
    if (left + width > inner / 2 - 0.02) break
    devices.push({ x: left + width / 2, width, dark })
    left += width + 0.012
  }
  return devices
}

/**
 * An electrical cabinet body (`width` × `height` × `depth`, on a 100 mm plinth below that): sides,
 * roof, back and gland plate, and inside a mounting plate with DIN rails, cable ducts and a few
 * devices. Its front is open: a door.cabinet child closes it.
 */
export function Cabinet(props: LookProps) {
  const { model, index, detail } = props
  const w = numberParam(props, 'width')
  const h = numberParam(props, 'height')
  const d = numberParam(props, 'depth')
  const color = partColor(model, index, PANEL.enclosure)
  const plate = -d + WALL + 0.004
  // DIN rails every 250 mm down the mounting plate, below a clear top
  const rails = Math.max(1, Math.floor((h - 0.35) / 0.25))
  const railYs = Array.from({ length: rails }, (_, i) => h / 2 - 0.22 - i * 0.25)
  const inner = w - 2 * WALL - 0.16
  return (
    <group>
      {[-1, 1].map((side) => (
        <Piece
          key={side}
          geometry={geo.box()}
          color={color}
          finish="painted"
          position={[side * (w / 2 - WALL / 2), 0, -d / 2]}
          scale={[WALL, h, d]}
        />
      ))}
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, h / 2 - WALL / 2, -d / 2]}
        scale={[w - 2 * WALL, WALL, d]}
      />
      <Piece
        geometry={geo.box()}
        color={color}
        finish="painted"
        position={[0, 0, -d + WALL / 2]}
        scale={[w - 2 * WALL, h - 2 * WALL, WALL]}
      />
      <Piece
        geometry={geo.box()}
        color="#8c9196"
        finish="painted"
        position={[0, -h / 2 + 0.004, -d / 2]}
        scale={[w - 2 * WALL, 0.008, d]}
      />
      <Piece
        geometry={geo.box()}
        color={PANEL.dark}
        finish="painted"
        position={[0, -h / 2 - PLINTH / 2, -d / 2]}
        scale={[w, PLINTH, d]}
      />
      <Piece
        geometry={geo.box()}
        color={PANEL.zinc}
        finish="stainless"
        position={[0, 0.01, plate]}
        scale={[w - 2 * WALL - 0.04, h - 0.1, 0.003]}
      />
      {railYs.map((y) => (
        <Piece
          key={y}
          geometry={geo.box()}
          color={PANEL.zinc}
          finish="stainless"
          position={[0, y, plate + 0.0055]}
          scale={[inner, 0.035, 0.0075]}
        />
      ))}
      {detail === 'detailed' && (
        <CabinetWiring w={w} h={h} plate={plate} inner={inner} railYs={railYs} />
      )}
    </group>
  )
}

/** The slotted cable ducts and the devices on each DIN rail, drawn when detailed. */
function CabinetWiring({
  w,
  h,
  plate,
  inner,
  railYs,
}: {
  w: number
  h: number
  plate: number
  inner: number
  railYs: number[]
}) {
  return (
    <>
      {/* slotted cable ducts: one down each side, one between each pair of rails */}
      {[-1, 1].map((side) => (
        <Piece
          key={side}
          geometry={geo.box()}
          color="#9fa4a8"
          finish="painted"
          position={[side * (w / 2 - WALL - 0.045), 0.01, plate + 0.032]}
          scale={[0.06, h - 0.16, 0.06]}
        />
      ))}
      {[railYs[0]! + 0.125, ...railYs.map((y) => y - 0.125)].map((y) => (
        <Piece
          key={y}
          geometry={geo.box()}
          color="#9fa4a8"
          finish="painted"
          position={[0, y, plate + 0.032]}
          scale={[inner - 0.02, 0.05, 0.06]}
        />
      ))}
      {railYs.flatMap((y, r) =>
        railDevices(inner, r).map(({ x, width, dark }) => (
          <group key={`${y}|${x}`} position={[x, y, plate + RAIL_DEPTH]}>
            <Piece
              geometry={geo.box()}
              color={dark ? '#4a4f55' : PANEL.white}
              finish="painted"
              position={[0, 0, 0.0225]}
              scale={[width, 0.09, 0.045]}
            />
            <Piece
              geometry={geo.box()}
              color={dark ? '#4a4f55' : PANEL.white}
              finish="painted"
              position={[0, 0, 0.055]}
              scale={[width, 0.045, 0.02]}
            />
            {!dark && (
              <Piece
                geometry={geo.box()}
                color={PANEL.dark}
                position={[0, 0.003, 0.066]}
                scale={[width - 0.004, 0.0065, 0.006]}
              />
            )}
          </group>
        )),
      )}
    </>
  )
}
