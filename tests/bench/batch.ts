// `batch` and `batch-memory`: the command line scoring generated full-length attempt files in one
// process, against the XState + json-logic peer replaying the same files, each side in a child
// process of its own started with the same flags, alternated over several rounds. Throughput is
// attempts per second of work (timed inside the child, after its modules load); memory is the
// largest live heap (after a full GC) sampled during the work, less the live heap before it.
// The memory runs are separate runs that compile on the main thread (below); the throughput runs
// keep Node's defaults.
// That baseline is taken once each side's one-time setup is done: the peer builds its machine
// when its module loads, so ours opens (reads, validates, compiles) the scenario before it too.
// Ours' opening is still timed as work; only the heap baseline moved.
import { spawn } from 'node:child_process'
import { mkdirSync, openSync, readFileSync, closeSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateFullAttempts } from './generate.ts'
import { makeResult, median, type BenchOptions, type BenchResult } from './harness.ts'
import type { BatchReport } from './peers/batchChild.ts'
import type { PeerScore } from './peers/conveyorMachine.ts'
import { loadConveyor } from './peers/sameTraces.ts'
import { getPackageVersion } from './peers/versions.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCENARIO = join(ROOT, 'scenarios/conveyor-loto.json')
const CHILD = join(ROOT, 'tests/bench/peers/batchChild.ts')
const TEN_MINUTES = 600_000
/** Both children of a throughput run start with exactly these flags, Node's defaults otherwise. */
const TIMED_FLAGS = ['--expose-gc', '--import', 'tsx']
/**
 * Both children of a memory run start with these. Most of the heap the work adds is the code V8
 * compiles for it; compiled on a background thread (the default), what a sample finds depends on
 * when each job finishes, and ours' figure spread 0.26–0.79 MB over 19 identical runs
 * (2026-12-04). Compiled on the main thread, it was 0.39–0.40 MB over 15. That would also slow
 * the timed work, hence runs of their own.
 */
const MEMORY_FLAGS = ['--expose-gc', '--no-concurrent-recompilation', '--import', 'tsx']
/** Results between two samples of the live heap, on both sides. */
const SAMPLE_EVERY = 10

interface BatchPlan {
  /** Files, the same for both sides: the peer replays about 8 full-length attempts a second. */
  readonly attempts: number
  readonly rounds: number
}

const FULL: BatchPlan = { attempts: 100, rounds: 5 }
const QUICK: BatchPlan = { attempts: 4, rounds: 1 }

/** Runs one side in a fresh Node process; its stdout goes to `outFile`. */
function runChild(
  side: 'ours' | 'peer',
  flags: readonly string[],
  list: string,
  outFile: string,
): Promise<BatchReport> {
  const out = openSync(outFile, 'w')
  const child = spawn(
    process.execPath,
    [...flags, CHILD, side, SCENARIO, list, String(SAMPLE_EVERY)],
    {
      cwd: ROOT,
      stdio: ['ignore', out, 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      closeSync(out)
      const line = stderr.split('\n').find((l) => l.startsWith('BATCH '))
      if (code !== 0 || line === undefined) {
        reject(new Error(`batch ${side} exited with ${code}: ${stderr.slice(0, 2000)}`))
        return
      }
      const report = JSON.parse(line.slice('BATCH '.length)) as BatchReport
      if (report.status !== 0) reject(new Error(`batch ${side} refused an attempt: ${stderr}`))
      else resolve(report)
    })
  })
}

/** Throws unless the peer's scores agree with the command line's results on the same files. */
function checkSameScores(oursOut: string, peerOut: string, files: number): void {
  const results = readFileSync(oursOut, 'utf8').trimEnd().split('\n')
  const scores = readFileSync(peerOut, 'utf8').trimEnd().split('\n')
  if (results.length !== files || scores.length !== files)
    throw new Error(`${files} files, ${results.length} results, ${scores.length} peer scores`)
  scores.forEach((line, i) => {
    const peer = JSON.parse(line) as PeerScore
    const ours = JSON.parse(results[i]!) as {
      attempt: string
      status: string
      score: { raw: number; max: number; percent: number }
      durationMs: number
      steps: { complete: boolean }[]
      hazards: { id: string }[]
    }
    const same =
      ours.attempt === peer.attempt &&
      ours.status === peer.status &&
      Math.abs(ours.score.raw - peer.raw) <= 1e-9 &&
      ours.score.max === peer.max &&
      Math.abs(ours.score.percent - peer.percent) <= 1e-9 &&
      ours.durationMs === peer.durationMs &&
      JSON.stringify(ours.steps.map((s) => s.complete)) === JSON.stringify(peer.steps) &&
      JSON.stringify(ours.hazards.map((h) => h.id)) === JSON.stringify(peer.hazards)
    if (!same)
      throw new Error(`the peer scores ${peer.attempt} differently: ${line}\nours: ${results[i]}`)
  })
}

export async function runBatch(options: BenchOptions): Promise<BenchResult[]> {
  const plan = options.quick ? QUICK : FULL
  const dir = join(ROOT, '.bench', `batch-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  try {
    const model = loadConveyor()
    const files = generateFullAttempts(model, plan.attempts, 200, TEN_MINUTES, 3).map((a, i) => {
      const file = join(dir, `attempt-${String(i).padStart(5, '0')}.json`)
      writeFileSync(file, JSON.stringify(a))
      return file
    })
    // one list for both sides: the same files in the same order
    const list = join(dir, 'attempts.list')
    writeFileSync(list, files.join('\n') + '\n')
    const oursOut = join(dir, 'ours.out')
    const peerOut = join(dir, 'peer.out')

    const throughput: { ours: number[]; peer: number[]; ratio: number[] } = {
      ours: [],
      peer: [],
      ratio: [],
    }
    const memory: { ours: number[]; peer: number[]; ratio: number[] } = {
      ours: [],
      peer: [],
      ratio: [],
    }
    // the most the live heap grew over what the process held right before the work
    const added = (r: BatchReport) => Math.max(0, r.heapPeak - r.heapBefore)
    // one pair of children with the given flags, their scores checked equal
    const runPair = async (flags: readonly string[]) => {
      const o = await runChild('ours', flags, list, oursOut)
      const p = await runChild('peer', flags, list, peerOut)
      checkSameScores(oursOut, peerOut, files.length)
      return { o, p }
    }
    for (let round = 0; round < plan.rounds; round++) {
      const timed = await runPair(TIMED_FLAGS)
      const rate = (r: BatchReport) => (r.attempts * 1000) / r.ms
      throughput.ours.push(rate(timed.o))
      throughput.peer.push(rate(timed.p))
      throughput.ratio.push(rate(timed.o) / rate(timed.p))
      const { o, p } = await runPair(MEMORY_FLAGS)
      memory.ours.push(added(o))
      memory.peer.push(added(p))
      memory.ratio.push(added(o) / added(p))
    }
    const peers = `the ${getPackageVersion('xstate')} + ${getPackageVersion('json-logic-js')} replay`
    const spread = (values: readonly number[]) =>
      `${(Math.min(...values) / 1e6).toFixed(2)}–${(Math.max(...values) / 1e6).toFixed(2)} MB`
    return [
      makeResult({
        name: 'batch',
        unit: ' attempts/s',
        ours: median(throughput.ours),
        peer: median(throughput.peer),
        ratio: median(throughput.ratio),
        goals: [{ on: 'ratio', op: '>=', value: 20 }],
        note: `cli score of ${plan.attempts} generated full-length attempt files (200 acts, 10 min each) in one child process vs ${peers} of the same files in another, both started with ${TIMED_FLAGS.join(' ')}, every score checked equal in every round; work timed inside each child after its modules load, heap samples excluded; median of ${plan.rounds} alternated rounds`,
      }),
      makeResult({
        name: 'batch-memory',
        unit: ' B',
        ours: median(memory.ours),
        peer: median(memory.peer),
        ratio: median(memory.ratio),
        goals: [{ on: 'ratio', op: '<=', value: 0.5 }],
        note: `the same files in runs of their own, both children started with ${MEMORY_FLAGS.join(' ')} (compiled on the main thread, so no sample depends on when a background compile ends): the largest live heap (heapUsed after global.gc(), sampled every ${SAMPLE_EVERY} results and at the end) minus the live heap right before the work, taken after each side's one-time setup (the peer's machine, built when its module loads; ours' scenario, read, validated and compiled, still timed as work); ours ${spread(memory.ours)}, peer ${spread(memory.peer)} over ${plan.rounds} rounds; median`,
      }),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
