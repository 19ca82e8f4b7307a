// Dragging a pipe's point handle: the world point under the pointer becomes a point of the pipe's
// own frame (turned, scaled and mounted on another part), snapped to its 5 cm grid.
import { Object3D, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { snappedLocal } from '../../../src/view/instructor/PipeHandles.tsx'

describe('a pipe point dragged in the 3D view', () => {
  it('lands on the 5 cm grid of the pipe frame, through its parent', () => {
    const station = new Object3D()
    station.position.set(1, 0, -2)
    station.rotation.set(0, Math.PI / 2, 0)
    const pipe = new Object3D()
    pipe.position.set(0, 1, 0)
    pipe.scale.setScalar(2)
    station.add(pipe)
    station.updateMatrixWorld(true)
    // 0.31 m along the pipe's x, 0.12 m up in its frame, given as a world point
    const world = pipe.localToWorld(new Vector3(0.31, 0.12, -0.02))
    expect(snappedLocal(pipe, world)).toEqual([0.3, 0.1, 0])
    // its own points are left where they are
    const exact = pipe.localToWorld(new Vector3(0.45, -0.5, 1))
    expect(snappedLocal(pipe, exact)).toEqual([0.45, -0.5, 1])
  })
})
