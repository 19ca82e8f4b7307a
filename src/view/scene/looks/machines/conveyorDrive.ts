// A belt conveyor's fittings (Conveyor.tsx): the emergency pull-wire and the drive at the head.
import { geo } from '../../resources.ts'
import type { PieceSpec } from '../Pieces.tsx'
import type { Build } from './conveyorBuild.ts'

const MOTOR = '#45607a'

/** The emergency pull-wire along the viewer's side, on eye posts, with its switch at the tail. */
export const pullWire = (b: Build): PieceSpec[] => [
  {
    geometry: geo.cylinderLow(),
    color: '#d32f2f',
    finish: b.painted,
    rotation: [0, 0, Math.PI / 2],
    scale: [0.012, b.run - 0.3, 0.012],
    position: [0.05, b.height + 0.06, b.side + 0.06],
  },
  ...b.legs.map((x): PieceSpec => ({
    geometry: geo.box(),
    color: '#3b4046',
    finish: b.painted,
    scale: [0.02, 0.2, 0.02],
    position: [
      Math.min(Math.max(x, -b.run / 2 + 0.25), b.run / 2 - 0.3),
      b.height - 0.03,
      b.side + 0.06,
    ],
  })),
  {
    geometry: geo.box(),
    color: '#f2c200',
    finish: b.painted,
    scale: [0.12, 0.16, 0.1],
    position: [-b.run / 2 + 0.14, b.height + 0.02, b.side + 0.07],
  },
  {
    geometry: geo.cylinderLow(),
    color: '#d32f2f',
    finish: b.painted,
    scale: [0.05, 0.03, 0.05],
    position: [-b.run / 2 + 0.14, b.height + 0.115, b.side + 0.07],
  },
]

/**
 * The drive on the viewer's side of the head: a shaft-mounted bevel gearbox and its motor, and
 * (Detailed) the motor's fan cowl, cooling fins and terminal box and the gearbox's torque arm.
 */
export function drive(b: Build): PieceSpec[] {
  const pieces: PieceSpec[] = [
    {
      geometry: geo.box(),
      color: MOTOR,
      finish: b.painted,
      scale: [0.24, 0.26, 0.2],
      position: [-0.03, -0.04, 0],
    },
    {
      geometry: geo.cylinder(),
      color: MOTOR,
      finish: b.painted,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.19, 0.34, 0.19],
      position: [-0.32, -0.08, 0.02],
    },
  ]
  if (b.detail !== 'detailed') return pieces
  return [
    ...pieces,
    {
      geometry: geo.cylinder(),
      color: '#2d3e4f',
      finish: b.painted,
      rotation: [0, 0, Math.PI / 2],
      scale: [0.17, 0.08, 0.17],
      position: [-0.53, -0.08, 0.02],
    },
    ...[0, 1, 2, 3, 4, 5].map((k): PieceSpec => ({
      geometry: geo.box(),
      color: MOTOR,
      finish: b.painted,
      rotation: [(k * Math.PI) / 6, 0, 0],
      scale: [0.3, 0.21, 0.012],
      position: [-0.32, -0.08, 0.02],
    })),
    {
      geometry: geo.box(),
      color: MOTOR,
      finish: b.painted,
      scale: [0.1, 0.05, 0.1],
      position: [-0.3, 0.04, 0.02],
    },
    {
      geometry: geo.box(),
      color: '#3b4046',
      finish: b.painted,
      scale: [0.03, 0.34, 0.04],
      position: [0.05, -0.27, -0.04],
    },
  ]
}
