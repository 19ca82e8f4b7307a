// The editor's background solver: a change is solved once the author pauses, a newer change ends
// the worker still solving an older one (its answer is never shown), and the editor store shows
// the newest draft's answer with the example attempt scored on it. The workers here run the real
// solver (solveDraft) a moment after they are asked, as a Web Worker would.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../src/core/index.ts'
import { createEditorStore } from '../../src/state/editorStore.ts'
import { solveDraft, type SolveReply } from '../../src/state/solveDraft.ts'
import {
  createSolveRunner,
  type SolverStatus,
  type SolverWorker,
} from '../../src/state/solveRunner.ts'
import { readText } from '../helpers.ts'

const conveyor = () => JSON.parse(readText('scenarios/conveyor-loto.json')) as JsonObject
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface FakeWorker extends SolverWorker {
  readonly doc: () => JsonObject | undefined
  readonly terminated: () => boolean
}

/** Workers that answer `answerMs` after the draft is posted, unless terminated first. */
function workers(answerMs: number): { spawned: FakeWorker[]; spawn: () => FakeWorker } {
  const spawned: FakeWorker[] = []
  const spawn = () => {
    let doc: JsonObject | undefined
    let terminated = false
    const w: FakeWorker = {
      onmessage: null,
      onerror: null,
      postMessage(d) {
        doc = d
        setTimeout(() => {
          if (!terminated) w.onmessage?.({ data: solveDraft(d) } as MessageEvent<SolveReply>)
        }, answerMs)
      },
      terminate: () => void (terminated = true),
      doc: () => doc,
      terminated: () => terminated,
    }
    spawned.push(w)
    return w
  }
  return { spawned, spawn }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await sleep(5))
    if (Date.now() > end) throw new Error('timed out')
}

describe('background solver', () => {
  it('solves once after a burst of changes, and a newer change cancels a run still going', async () => {
    const { spawned, spawn } = workers(60)
    const seen: SolverStatus[] = []
    const runner = createSolveRunner(spawn, (s) => seen.push(s), 20)
    const valid = conveyor()
    const broken = { ...conveyor(), steps: [] }
    // three changes within the pause: one worker, for the last
    runner.schedule(broken)
    runner.schedule(broken)
    runner.schedule(valid)
    await until(() => seen.at(-1)?.state === 'done')
    expect(spawned).toHaveLength(1)
    expect(spawned[0]!.doc()).toBe(valid)
    expect(seen.at(-1)?.reply?.ok).toBe(true)

    // a change while the worker solves: it is terminated, and only the newest answer arrives
    seen.length = 0
    runner.schedule(valid)
    await until(() => spawned.length === 2)
    expect(seen.map((s) => s.state)).toEqual(['waiting', 'running'])
    runner.schedule(broken)
    expect(spawned[1]!.terminated()).toBe(true)
    await until(() => seen.at(-1)?.state === 'done')
    await sleep(120) // the first worker's answer time is long past
    expect(spawned).toHaveLength(3)
    expect(seen.filter((s) => s.state === 'done')).toHaveLength(1)
    const reply = seen.at(-1)!.reply!
    expect(reply.ok).toBe(false)
    if (!reply.ok) expect(reply.block).toEqual({ kind: 'invalid', problems: 1 })
    // while waiting, the previous answer stays shown
    expect(seen.find((s) => s.state === 'waiting')?.reply?.ok).toBe(true)
    runner.stop()
  })

  it("keeps the editor store's answer and example attempt up to date with the draft", async () => {
    const { spawned, spawn } = workers(10)
    const meta = { id: 'solver-1', name: 'conveyor', source: 'test', openedVersion: undefined }
    const store = createEditorStore(meta, conveyor(), 60_000, {
      spawnSolver: spawn,
      solveDelayMs: 10,
    })
    await until(() => store.getState().solver.state === 'done')
    expect(store.getState().solver.reply?.ok).toBe(true)
    // the example: one step out of order and one hint, scored by the engine
    const example = store.getState().example!
    expect(example.slips).toEqual({ outOfOrder: 1, hints: 1, unexpected: 0, blocked: 0 })
    const penalties = conveyor()['scoring'] as { penalties?: Record<string, number> }
    const lost = (penalties.penalties?.['outOfOrder'] ?? 0) + (penalties.penalties?.['hint'] ?? 0)
    expect(example.max - example.raw).toBe(lost)
    // another penalty changes the example at once, before the solver answers again
    store.getState().run({
      kind: 'set',
      path: ['scoring'],
      value: { ...(conveyor()['scoring'] as JsonObject), penalties: { outOfOrder: 3, hint: 1 } },
    })
    expect(store.getState().solver.state).toBe('waiting')
    expect(store.getState().example!.max - store.getState().example!.raw).toBe(4)
    store.getState().setSlips({ outOfOrder: 0, hints: 2, unexpected: 0, blocked: 0 })
    expect(store.getState().example!.max - store.getState().example!.raw).toBe(2)
    await until(() => store.getState().solver.state === 'done')
    expect(spawned.length).toBe(2)
  })
})
