// One side of the `batch` benchmark, run in a process of its own:
//   node --import tsx tests/bench/peers/batchChild.ts ours|peer SCENARIO LIST
// `ours` is the command line's `score SCENARIO ATTEMPT…` (runCli, as `npm run cli` runs it);
// `peer` reads the same files with JSON.parse and replays each on the XState machine with
// json-logic conditions, printing its score. Results go to stdout, one line each; the last line
// on stderr is `BATCH {json}`: attempts, milliseconds, and memory measured the same way for both.
import { readFileSync } from 'node:fs'
import { runCli } from '../../../src/cli/main.ts'
import type { Attempt } from '../../../src/core/index.ts'
import { replayOnActor, scorePeer } from './conveyorMachine.ts'

/** What the parent reads back. RSS figures are bytes. */
export interface BatchReport {
  readonly side: 'ours' | 'peer'
  readonly attempts: number
  readonly ms: number
  /** RSS right before the work started. */
  readonly rssBefore: number
  /** The process's peak RSS before and after the work (getrusage). */
  readonly peakBefore: number
  readonly peakAfter: number
  readonly status: number
}

function peer(files: readonly string[]): number {
  for (const file of files) {
    const attempt = JSON.parse(readFileSync(file, 'utf8')) as Attempt
    process.stdout.write(JSON.stringify(scorePeer(attempt, replayOnActor(attempt))) + '\n')
  }
  return 0
}

function ours(scenario: string, files: readonly string[]): number {
  return runCli(['score', scenario, ...files], {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    write: (text) => process.stdout.write(text),
  })
}

const [side, scenario, list] = process.argv.slice(2)
if ((side !== 'ours' && side !== 'peer') || scenario === undefined || list === undefined)
  throw new Error('usage: batchChild.ts ours|peer SCENARIO LIST')
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean)

const rssBefore = process.memoryUsage.rss()
const peakBefore = process.resourceUsage().maxRSS * 1024
const start = performance.now()
const status = side === 'ours' ? ours(scenario, files) : peer(files)
const ms = performance.now() - start
const report: BatchReport = {
  side,
  attempts: files.length,
  ms,
  rssBefore,
  peakBefore,
  peakAfter: process.resourceUsage().maxRSS * 1024,
  status,
}
process.stderr.write(`BATCH ${JSON.stringify(report)}\n`)
