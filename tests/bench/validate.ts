// Re-validating a large scenario after one property change, as the editor does on every edit.
import {
  applyCommand,
  ExpressionCache,
  loadScenario,
  type JsonObject,
} from '../../src/core/index.ts'
import { checkDocument } from '../../src/state/editorStore.ts'
import {
  compareTimes,
  makeResult,
  timingFor,
  type BenchOptions,
  type BenchResult,
} from './harness.ts'

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

/**
 * `validate`: the editor's work after one property change of a 300-component scenario —
 * `checkDocument` of src/state/editorStore.ts: validate, and compile for the scene — against
 * `JSON.parse` of the same file. Each call validates a document that differs from the one
 * before by one label, as after an edit.
 */
export async function runValidate(options: BenchOptions): Promise<BenchResult[]> {
  const components = options.quick ? 30 : 300
  const base = generateLargeScenario(components)
  if (!loadScenario(JSON.stringify(base)).ok)
    throw new Error(`the generated ${components}-component scenario is not valid`)
  const edited = [0, 1].map(
    (i) =>
      applyCommand(base, {
        kind: 'set',
        path: ['components', 7, 'label', 'en'],
        value: `Lamp ${i}`,
      }).doc,
  )
  const text = JSON.stringify(base, null, 2)
  // the editor's session: its expression cache already holds the scenario's expressions
  const cache = new ExpressionCache()
  checkDocument(base, undefined, cache)
  let turn = 0
  const revalidate = () => {
    if (!checkDocument(edited[turn++ & 1]!, undefined, cache).model)
      throw new Error('an edited document did not validate')
  }
  const times = compareTimes(revalidate, () => JSON.parse(text), timingFor(options))
  return [
    makeResult({
      name: 'validate',
      unit: 'ms',
      ...times,
      goals: [
        { on: 'ratio', op: '<=', value: 20 },
        { on: 'ours', op: '<=', value: 50 },
      ],
      note: `validating and compiling a ${components}-component scenario (${(text.length / 1024).toFixed(0)} KiB) after one label changed, vs JSON.parse of its file; median ms per call`,
    }),
  ]
}
