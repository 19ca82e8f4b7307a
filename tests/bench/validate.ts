// Re-validating a large scenario after one property change, as the editor does on every edit,
// against Ajv 8 validating the same document against the scenario format's generated JSON Schema
// (scenarios/scenario.schema.json), and against JSON.parse of its compact text.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { build } from 'vite'
import {
  applyCommand,
  getScenarioJsonSchema,
  loadScenario,
  type JsonObject,
} from '../../src/core/index.ts'
import {
  compareTimes,
  makeResult,
  timingFor,
  type BenchOptions,
  type BenchResult,
} from './harness.ts'
import { getPackageVersion } from './peers/versions.ts'

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

const ROOT = new URL('../..', import.meta.url).pathname
const SHIPPED_DIR = '.bench/validate-shipped'

/** Ours as the app ships it: tests/bench/validateShipped.ts built by Vite, then imported. */
async function loadShipped(): Promise<typeof import('./validateShipped.ts')> {
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    build: {
      ssr: 'tests/bench/validateShipped.ts',
      outDir: SHIPPED_DIR,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      rollupOptions: { output: { format: 'es', entryFileNames: 'validate.mjs' } },
    },
  })
  return (await import(
    pathToFileURL(join(ROOT, SHIPPED_DIR, 'validate.mjs')).href
  )) as typeof import('./validateShipped.ts')
}

/**
 * `validate`: the editor's work after one property change of a 300-component scenario —
 * `checkDocument` of src/state/editorStore.ts: validate, and compile for the scene — against
 * Ajv validating the same document against the generated JSON Schema (compiled once, before
 * timing), and against `JSON.parse` of the file's compact text. Each call validates a document
 * that differs from the one before by one label, as after an edit.
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
  const text = JSON.stringify(base)
  const { checkDocument, ExpressionCache } = await loadShipped()
  // the editor's session: its expression cache already holds the scenario's expressions
  const cache = new ExpressionCache()
  checkDocument(base, undefined, cache)
  let turn = 0
  const revalidate = () => {
    if (!checkDocument(edited[turn++ & 1]!, undefined, cache).model)
      throw new Error('an edited document did not validate')
  }
  const ajvValidate = new Ajv2020({ strict: true }).compile(JSON.parse(getScenarioJsonSchema()))
  let ajvTurn = 0
  const ajv = () => {
    if (!ajvValidate(edited[ajvTurn++ & 1]!)) throw new Error('Ajv refused an edited document')
  }
  const timing = timingFor(options)
  const vsAjv = compareTimes(revalidate, ajv, timing)
  const vsParse = compareTimes(revalidate, () => JSON.parse(text), timing)
  const what = `validating and compiling a ${components}-component scenario (${(text.length / 1024).toFixed(0)} KiB compact) after one label changed (editorStore's checkDocument, built by Vite as the app ships it)`
  return [
    makeResult({
      name: 'validate',
      unit: 'ms',
      ...vsAjv,
      goals: [
        { on: 'ratio', op: '<=', value: 1.5 },
        { on: 'ours', op: '<=', value: 50 },
      ],
      note: `${what}, vs ${getPackageVersion('ajv')} (Ajv2020, strict) validating the same document against the generated JSON Schema, compiled once before timing; ours also checks what the schema cannot (ids, references, expressions) and compiles the expressions; median ms per call`,
    }),
    makeResult({
      name: 'validate-parse',
      unit: 'ms',
      ...vsParse,
      goals: [{ on: 'ratio', op: '<=', value: 20 }],
      note: `${what}, vs JSON.parse of its compact text; median ms per call`,
    }),
  ]
}
