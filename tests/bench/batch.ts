// `batch` and `batch-memory`: the command line scoring 10,000 generated attempt files in one
// process, against the XState + json-logic peer replaying the same files, each side in a child
// process of its own, alternated over several rounds. Throughput is attempts per second of work
// (timed inside the child, after its modules load); memory is the peak RSS the work added.
import { spawn } from 'node:child_process'
import { mkdirSync, openSync, readFileSync, closeSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateAttempts } from './generate.ts'
import { makeResult, median, type BenchOptions, type BenchResult } from './harness.ts'
import type { BatchReport } from './peers/batchChild.ts'
import type { PeerScore } from './peers/conveyorMachine.ts'
import { loadConveyor } from './peers/sameTraces.ts'
import { getPackageVersion } from './peers/versions.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCENARIO = join(ROOT, 'scenarios/conveyor-loto.json')
const CHILD = join(ROOT, 'tests/bench/peers/batchChild.ts')
const TEN_MINUTES = 600_000

interface BatchPlan {
  readonly attempts: number
  /**
   * The peer replays every `stride`-th file: it is 30 to 40 times slower per attempt. Its peak
   * memory grows with the files it replays, so it replays as many as the time allows.
   */
  readonly stride: number
  readonly rounds: number
}

const FULL: BatchPlan = { attempts: 10_000, stride: 10, rounds: 3 }
const QUICK: BatchPlan = { attempts: 50, stride: 10, rounds: 1 }

/** Runs one side in a fresh Node process; its stdout goes to `outFile`. */
function runChild(side: 'ours' | 'peer', list: string, outFile: string): Promise<BatchReport> {
  const out = openSync(outFile, 'w')
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, side, SCENARIO, list], {
    cwd: ROOT,
    stdio: ['ignore', out, 'pipe'],
  })
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
function checkSameScores(oursOut: string, peerOut: string, stride: number): void {
  const results = readFileSync(oursOut, 'utf8').trimEnd().split('\n')
  const scores = readFileSync(peerOut, 'utf8').trimEnd().split('\n')
  scores.forEach((line, i) => {
    const peer = JSON.parse(line) as PeerScore
    const ours = JSON.parse(results[i * stride]!) as {
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
      throw new Error(
        `the peer scores ${peer.attempt} differently: ${line}\nours: ${results[i * stride]}`,
      )
  })
}

export async function runBatch(options: BenchOptions): Promise<BenchResult[]> {
  const plan = options.quick ? QUICK : FULL
  const dir = join(ROOT, '.bench', `batch-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  try {
    const model = loadConveyor()
    const files = generateAttempts(model, plan.attempts, 200, TEN_MINUTES, 3).map((a, i) => {
      const file = join(dir, `attempt-${String(i).padStart(5, '0')}.json`)
      writeFileSync(file, JSON.stringify(a))
      return file
    })
    const oursList = join(dir, 'ours.list')
    const peerList = join(dir, 'peer.list')
    writeFileSync(oursList, files.join('\n') + '\n')
    writeFileSync(peerList, files.filter((_, i) => i % plan.stride === 0).join('\n') + '\n')
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
    // the peak the work added to the RSS the process had right before it
    const added = (r: BatchReport) => Math.max(0, r.peakAfter - r.rssBefore)
    for (let round = 0; round < plan.rounds; round++) {
      const o = await runChild('ours', oursList, oursOut)
      const p = await runChild('peer', peerList, peerOut)
      if (round === 0) checkSameScores(oursOut, peerOut, plan.stride)
      const rate = (r: BatchReport) => (r.attempts * 1000) / r.ms
      throughput.ours.push(rate(o))
      throughput.peer.push(rate(p))
      throughput.ratio.push(rate(o) / rate(p))
      memory.ours.push(added(o))
      memory.peer.push(added(p))
      memory.ratio.push(added(o) / added(p))
    }
    const peerCount = Math.ceil(plan.attempts / plan.stride)
    const peers = `the ${getPackageVersion('xstate')} + ${getPackageVersion('json-logic-js')} replay`
    return [
      makeResult({
        name: 'batch',
        unit: ' attempts/s',
        ours: median(throughput.ours),
        peer: median(throughput.peer),
        ratio: median(throughput.ratio),
        goals: [{ on: 'ratio', op: '>=', value: 20 }],
        note: `cli score of ${plan.attempts} generated attempt files (200 acts over 10 min) in one child process vs ${peers} of every ${plan.stride}th file (${peerCount}) in another, same scores checked; work timed inside each child after its modules load; median of ${plan.rounds} alternated rounds`,
      }),
      makeResult({
        name: 'batch-memory',
        unit: ' B',
        ours: median(memory.ours),
        peer: median(memory.peer),
        ratio: median(memory.ratio),
        goals: [{ on: 'ratio', op: '<=', value: 0.5 }],
        note: `the same runs: peak RSS (getrusage maxrss) after the work minus RSS right before it, ours over ${plan.attempts} files, the peer over its ${peerCount} (a lower bound for all ${plan.attempts}: the peer's peak grows with the files it replays); median of ${plan.rounds} rounds`,
      }),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
