// Re-validating a large scenario after one property change, as the editor does on every edit.
import {
  applyCommand,
  loadScenario,
  validateScenario,
  type JsonObject,
} from '../../src/core/index.ts'

/** A valid scenario with `count` components: switches, lamps and gauges wired by expressions. */
export function generateLargeScenario(count: number): JsonObject {
  const components: JsonObject[] = []
  for (let i = 0; i < count; i++) {
    const x = (i % 20) * 0.3
    const y = Math.floor(i / 20) * 0.3
    if (i % 3 === 0)
      components.push({
        id: `sw_${i}`,
        kind: 'switch',
        label: { en: `Switch ${i}` },
        position: [x, y, 0],
        lockable: true,
      })
    else if (i % 3 === 1)
      components.push({
        id: `lamp_${i}`,
        kind: 'lamp',
        label: { en: `Lamp ${i}` },
        position: [x, y, 0],
        lit: `sw_${i - 1} == 'on'`,
      })
    else
      components.push({
        id: `gauge_${i}`,
        kind: 'gauge',
        label: { en: `Gauge ${i}` },
        position: [x, y, 0],
        value: `if(lamp_${i - 1}, level * 2, 0)`,
        min: 0,
        max: 200,
      })
  }
  const switches = components.filter((c) => c['kind'] === 'switch')
  return {
    format: 'practica.scenario/1',
    id: 'large',
    version: '1.0.0',
    title: { en: 'Large panel' },
    competencies: [{ id: 'C.1', title: { en: 'Operate' } }],
    components,
    variables: [
      {
        id: 'level',
        initial: 10,
        min: 0,
        max: 100,
        rate: `if(${String(switches[0]!['id'])} == 'on', 1, 0)`,
      },
    ],
    steps: switches.slice(0, 50).map((c, i) => ({
      id: `step-${i}`,
      title: { en: `Switch on ${String(c['id'])}` },
      competencies: ['C.1'],
      action: { action: 'set', target: String(c['id']), value: 'on' },
      ...(i > 0 ? { after: [`step-${i - 1}`] } : {}),
    })),
  }
}

/** Milliseconds (median of runs) to validate the scenario again after changing one label. */
export function measureRevalidation(
  components: number,
  runs: number,
): { ms: number; valid: boolean } {
  let doc = generateLargeScenario(components)
  const valid = loadScenario(JSON.stringify(doc)).ok
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    doc = applyCommand(doc, {
      kind: 'set',
      path: ['components', 7, 'label', 'en'],
      value: `Lamp ${i}`,
    }).doc
    const start = process.hrtime.bigint()
    validateScenario(doc)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)]!, valid }
}
