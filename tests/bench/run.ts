// npm run bench [-- --quick] [-- --json FILE] [-- --only name,name]
// Runs every benchmark, ours against its peer in the same process where there is one, and
// prints one BENCH line per figure. Goals are checked here only (exit code 1 on a MISS), never
// by npm test, which runs the quick mode so that the harness never rots.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { loadScenario, type Model } from '../../src/core/index.ts'
import { stopApp } from './app.ts'
import { runBatch } from './batch.ts'
import { runBundle } from './bundle.ts'
import { runCohort } from './cohort.ts'
import { runConditions } from './conditions.ts'
import { runDrawcalls } from './drawcalls.ts'
import { runFrame } from './frame.ts'
import { formatLine, type BenchOptions, type BenchResult } from './harness.ts'
import { runIdle } from './idle.ts'
import { runLiveLatency } from './liveLatency.ts'
import { runLrsIngest } from './lrsIngest.ts'
import { runReplay } from './replay.ts'
import { runRerender } from './rerender.ts'
import { runScoring } from './scoring.ts'
import { runSseMemory } from './sseMemory.ts'
import { runSync } from './sync.ts'
import { runSync500 } from './sync500.ts'
import { runValidate } from './validate.ts'

const loaded = loadScenario(
  new Uint8Array(readFileSync(new URL('../../scenarios/conveyor-loto.json', import.meta.url))),
)
if (!loaded.ok) throw new Error('scenarios/conveyor-loto.json does not load')
const conveyor: Model = loaded.value

/** Each benchmark by name, in the order they run; one may print several lines. */
const BENCHMARKS: Record<string, (options: BenchOptions) => Promise<BenchResult[]>> = {
  replay: runReplay,
  conditions: runConditions,
  batch: runBatch,
  bundle: runBundle,
  drawcalls: runDrawcalls,
  frame: runFrame,
  idle: runIdle,
  rerender: runRerender,
  validate: runValidate,
  'score-attempts': (options) => runScoring(conveyor, options),
  cohort: (options) => runCohort(conveyor, options),
  sync: runSync,
  'sync-500': runSync500,
  'live-latency': runLiveLatency,
  'sse-memory': runSseMemory,
  'lrs-ingest': runLrsIngest,
}

function readArgs(argv: string[]): {
  options: BenchOptions
  json: string | undefined
  only: string[] | undefined
} {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      only: { type: 'string' },
    },
  })
  const only = values.only?.split(',')
  for (const name of only ?? [])
    if (!(name in BENCHMARKS))
      throw new Error(`no benchmark named ${name}; there are ${Object.keys(BENCHMARKS).join(', ')}`)
  return { options: { quick: values.quick }, json: values.json, only }
}

let args: ReturnType<typeof readArgs>
try {
  args = readArgs(process.argv.slice(2))
} catch (e) {
  console.error(`npm run bench: ${(e as Error).message}`)
  console.error('usage: npm run bench [-- --quick] [-- --json FILE] [-- --only name,name]')
  process.exit(2)
}
const { options, json, only } = args
const results: BenchResult[] = []
/** Seconds each benchmark took, the app's build included in the first browser one. */
const took: Record<string, number> = {}
const started = performance.now()
try {
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (only && !only.includes(name)) continue
    const start = performance.now()
    for (const result of await run(options)) {
      results.push(result)
      console.log(formatLine(result))
      console.log(`  ${result.note}`)
    }
    took[name] = Math.round((performance.now() - start) / 100) / 10
  }
} finally {
  await stopApp()
}
const seconds = (performance.now() - started) / 1000
console.log(
  `${results.length} figures in ${seconds.toFixed(0)} s${options.quick ? ' (quick: goals not checked)' : ''}: ` +
    Object.entries(took)
      .map(([name, s]) => `${name} ${s.toFixed(0)} s`)
      .join(', '),
)
if (json) {
  mkdirSync(dirname(json), { recursive: true })
  writeFileSync(
    json,
    JSON.stringify({ quick: options.quick, seconds, took, results }, null, 2) + '\n',
  )
}
if (!options.quick && results.some((r) => !r.pass)) process.exitCode = 1
