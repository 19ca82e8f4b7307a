// The look sheet: a valid scenario with one copy of each look per state, laid out in a grid.
import { describe, expect, it } from 'vitest'
import { LOOK_NAMES, type JsonValue } from '../../../src/core/index.ts'
import { createLookSheet } from '../../../src/state/lookSheet.ts'
import {
  getSheetEntries,
  getSheetLooks,
  lookSheetScenario,
} from '../../../src/view/scene/looks/sheet.ts'

function load(json: Record<string, unknown>) {
  const sheet = createLookSheet(json as JsonValue)
  if (!sheet.ok) throw new Error(JSON.stringify(sheet.problems.slice(0, 3)))
  return sheet.value
}

describe('the look sheet', () => {
  it('is a valid scenario with every look of the catalogue', () => {
    const { model } = load(lookSheetScenario(LOOK_NAMES))
    const looks = new Set(model.components.map((c) => c.source.look).filter(Boolean))
    expect([...looks].sort()).toEqual([...LOOK_NAMES].sort())
  })

  it('shows a stateful look once per state, from the engine start state', () => {
    const { model, scene } = load(lookSheetScenario(['valve.gate', 'selector.legend']))
    const shown = model.components.flatMap((c, i) =>
      c.source.look ? [`${c.source.label as string}=${scene.getState().sim.comps[i]}`] : [],
    )
    expect(shown).toEqual([
      'valve.gate — closed=closed',
      'valve.gate — open=open',
      'valve.gate — locked and tagged=closed',
      'selector.legend — hand=hand',
      'selector.legend — off=off',
      'selector.legend — auto=auto',
      'selector.legend — locked and tagged=off',
    ])
    const { locked, tagged } = scene.getState().sim
    const lockedIds = model.components.filter((_, i) => locked[i] && tagged[i]).map((c) => c.id)
    expect(lockedIds).toEqual(['valve_gate_2', 'selector_legend_3'])
    expect(scene.getState().readOnly).toBe(true)
  })

  it('gives lamps, gauges, displays, machines and items two copies and statics one', () => {
    const states = (look: Parameters<typeof getSheetEntries>[0]) =>
      getSheetEntries(look).map((e) => e.state)
    expect(states('lamp.pilot')).toEqual(['lit', 'dark'])
    expect(states('gauge.bourdon')).toEqual(['low', 'high'])
    expect(states('display.seven-segment')).toEqual(['low', 'high'])
    expect(states('machine.pump')).toEqual(['running', 'stopped'])
    expect(states('item.helmet')).toEqual(['stored', 'worn'])
    expect(states('static.pipe')).toEqual(['static'])
  })

  it('mounts panel devices on a plate, in the plate frame', () => {
    const { model } = load(lookSheetScenario(['lamp.pilot']))
    const lamp = model.components.find((c) => c.source.look === 'lamp.pilot')!
    expect(lamp.source.parent).toBe(`${lamp.id}_plate`)
    expect(model.componentIndex.has(lamp.source.parent!)).toBe(true)
  })

  it('places every copy in its own cell and frames the camera on the grid', () => {
    const json = lookSheetScenario(LOOK_NAMES)
    const { model } = load(json)
    const places = model.components
      .filter((c) => c.source.parent === undefined)
      .map((c) => `${c.source.position![0]},${c.source.position![2]}`)
    expect(new Set(places).size).toBe(places.length)
    const camera = model.scenario.scene!.camera!
    const xs = model.components.map((c) => Math.abs(c.source.position?.[0] ?? 0))
    // the widest column is inside the horizontal field of view from the camera's distance
    const distance = Math.hypot(camera.position[1] - camera.target[1], camera.position[2])
    const halfWidth = Math.tan(((camera.fov! / 2) * Math.PI) / 180) * (16 / 9) * distance
    expect(Math.max(...xs)).toBeLessThan(halfWidth)
  })

  it('sizes an operated part for what Simple draws: its kind default part', () => {
    const scale = (detail: 'detailed' | 'simple', look: 'lamp.pilot' | 'static.tank') =>
      load(lookSheetScenario([look], detail)).model.components.find((c) => c.source.look)!.source
        .scale
    expect(scale('simple', 'lamp.pilot')).toBeLessThan(scale('detailed', 'lamp.pilot') as number)
    // scenery is drawn by its look in both
    expect(scale('simple', 'static.tank')).toBe(scale('detailed', 'static.tank'))
  })

  it('reads which looks to show from the address', () => {
    expect(getSheetLooks('?sheet=looks')).toEqual(LOOK_NAMES)
    expect(getSheetLooks('?sheet=looks&look=valve.gate')).toEqual(['valve.gate'])
    const panel = getSheetLooks('?sheet=looks&family=panel')
    expect(panel).toContain('gauge.bourdon')
    expect(panel).not.toContain('valve.gate')
  })
})
