// The look sheet's camera: it takes in every copy in a view of the shape it is framed for (the
// screenshots' 640 × 360, a 3:2 or a wide window), and a lone copy stands in the middle.
import { PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { LOOK_NAMES, type LookName } from '../../../src/core/index.ts'
import { lookSheetScenario, SHEET_ASPECT } from '../../../src/view/scene/looks/sheet.ts'

interface SheetJson {
  components: { parent?: string; position?: [number, number, number] }[]
  scene: {
    camera: {
      position: [number, number, number]
      target: [number, number, number]
      fov: number
    }
  }
}

/** Half the width of a copy's cell that its look fills (the sheet's FILL × CELL / 2). */
const HALF_COPY = 0.37

/** How far across the view (-1 left edge … 1 right edge) each copy's sides come, at `aspect`. */
function sideways(looks: readonly LookName[], aspect: number, framedFor = aspect): number[] {
  const sheet = lookSheetScenario(looks, 'detailed', framedFor) as unknown as SheetJson
  const { position, target, fov } = sheet.scene.camera
  const camera = new PerspectiveCamera(fov, aspect, 0.05, 500)
  camera.position.set(...position)
  camera.lookAt(new Vector3(...target))
  camera.updateMatrixWorld()
  return sheet.components
    .flatMap((c) => (c.parent === undefined && c.position ? [c.position] : []))
    .flatMap(([x, y, z]) =>
      [-HALF_COPY, HALF_COPY].map((dx) => new Vector3(x + dx, y, z).project(camera).x),
    )
}

describe('the look sheet camera', () => {
  it('takes in every copy of a look in the view it is framed for', () => {
    for (const aspect of [640 / 360, 3 / 2, 4 / 3, 21 / 9])
      for (const looks of [['valve.gate'], ['lamp.pilot'], ['static.bogie'], LOOK_NAMES] as const) {
        const xs = sideways(looks, aspect)
        expect(Math.max(...xs.map(Math.abs)), `${looks.join()} at ${aspect}`).toBeLessThan(1)
      }
  })

  it('is framed for 16:9 unless told another shape, which a narrower view crops', () => {
    expect(SHEET_ASPECT).toBeCloseTo(640 / 360, 9)
    expect(lookSheetScenario(LOOK_NAMES)).toEqual(lookSheetScenario(LOOK_NAMES, 'detailed', 16 / 9))
    expect(Math.max(...sideways(LOOK_NAMES, 4 / 3, 16 / 9).map(Math.abs))).toBeGreaterThan(1)
  })

  it('stands a lone copy in the middle of the view', () => {
    const xs = sideways(['static.bogie'], 640 / 360)
    expect(xs[0]).toBeCloseTo(-xs[1]!, 6)
    const sheet = lookSheetScenario(['valve.gate']) as unknown as SheetJson
    // three copies in one row, the middle one on the centre line
    expect(sheet.components.map((c) => c.position?.[0])).toContain(0)
  })
})
