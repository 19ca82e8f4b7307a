// One side of the `batch` benchmark, run in a process of its own, both with the same flags:
//   node --expose-gc --import tsx tests/bench/peers/batchChild.ts ours|peer SCENARIO LIST EVERY
// `ours` is the command line's `score SCENARIO ATTEMPT…` (the CLI's own `openScenario`, then its
// `scoreFiles`, as `npm run cli` runs them); `peer` reads the same files with JSON.parse and
// replays each on the XState machine with json-logic conditions, printing its score. Results go
// to stdout, one line each; the last line on stderr is `BATCH {json}`: attempts, milliseconds,
// and the live heap measured the same way for both (after a full GC, before the work and after
// every EVERY results).
//
// Each side's one-time setup sits before the heap baseline: the peer's machine is built when
// its module loads, so ours reads, validates and compiles the scenario before the baseline too
// (it still does all of it, inside the timed work). Otherwise ours alone would be charged for
// its setup, which does not grow with the files.
import { readFileSync } from 'node:fs'
import { openScenario, type Io } from '../../../src/cli/files.ts'
import { scoreFiles } from '../../../src/cli/main.ts'
import type { Attempt, Model } from '../../../src/core/index.ts'
import { replayOnActor, scorePeer } from './conveyorMachine.ts'

/** What the parent reads back. Heap figures are bytes. */
export interface BatchReport {
  readonly side: 'ours' | 'peer'
  readonly attempts: number
  /** Milliseconds of work, less the time the heap samples took. */
  readonly ms: number
  /** The live heap (heapUsed after a full GC) right before the work. */
  readonly heapBefore: number
  /** The largest live heap sampled during the work and at its end. */
  readonly heapPeak: number
  readonly samples: number
  readonly status: number
}

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('batchChild.ts needs node --expose-gc')

let sampling = 0
let samples = 0
let heapPeak = 0
function sampleHeap(): void {
  const start = performance.now()
  gc!()
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
  samples++
  sampling += performance.now() - start
}
let written = 0
function writeResult(line: string): void {
  process.stdout.write(line + '\n')
  if (++written % sampleEvery === 0) sampleHeap()
}

function peer(files: readonly string[]): number {
  for (const file of files) {
    const attempt = JSON.parse(readFileSync(file, 'utf8')) as Attempt
    writeResult(JSON.stringify(scorePeer(attempt, replayOnActor(attempt))))
  }
  return 0
}

const io: Io = {
  out: writeResult,
  err: (text) => process.stderr.write(text + '\n'),
  write: (text) => process.stdout.write(text),
}

function ours(scenario: string, model: Model | undefined, files: readonly string[]): number {
  return model ? scoreFiles(io, model, scenario, files) : 1
}

const [side, scenario, list, every] = process.argv.slice(2)
/** Results between two samples of the live heap. */
const sampleEvery = Number(every)
if (
  (side !== 'ours' && side !== 'peer') ||
  scenario === undefined ||
  list === undefined ||
  !(sampleEvery >= 1)
)
  throw new Error('usage: batchChild.ts ours|peer SCENARIO LIST EVERY')
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean)

const start = performance.now()
// ours' one-time setup, the counterpart of the peer's machine built when its module loaded
const model = side === 'ours' ? openScenario(io, scenario) : undefined
const baselineStart = performance.now()
gc()
const heapBefore = process.memoryUsage().heapUsed
sampling += performance.now() - baselineStart
const status = side === 'ours' ? ours(scenario, model, files) : peer(files)
sampleHeap()
const report: BatchReport = {
  side,
  attempts: files.length,
  ms: performance.now() - start - sampling,
  heapBefore,
  heapPeak,
  samples,
  status,
}
process.stderr.write(`BATCH ${JSON.stringify(report)}\n`)
