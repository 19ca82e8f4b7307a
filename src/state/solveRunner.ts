// The editor's solver in the background: after every change (once the author has paused for
// `delayMs`) a worker solves the draft; a newer change ends the worker still solving an older
// one (terminate), so only the newest draft's answer is ever shown.
import type { JsonObject } from '../core/index.ts'
import type { SolveReply } from './solveDraft.ts'

/** What the runner needs of a worker: a Web Worker in the browser, anything alike in a test. */
export interface SolverWorker {
  onmessage: ((e: MessageEvent<SolveReply>) => void) | null
  onerror: ((e: ErrorEvent) => void) | null
  postMessage(doc: JsonObject): void
  terminate(): void
}

export type SolverStatus =
  /** A change waits for the author's pause, or its worker is solving. */
  | { readonly state: 'waiting' | 'running'; readonly reply: SolveReply | undefined }
  /** The answer for the draft as it stands. */
  | { readonly state: 'done'; readonly reply: SolveReply }
  /** No worker can run here (no Web Workers). */
  | { readonly state: 'off'; readonly reply: undefined }

export interface SolveRunner {
  /** The draft changed: cancel what runs for an older one and solve this one after the pause. */
  schedule(doc: JsonObject): void
  /** Stops the timer and any worker (the editor closes). */
  stop(): void
}

/** The editor's worker, where the browser has workers. */
export function spawnSolveWorker(): SolverWorker | undefined {
  if (typeof Worker === 'undefined') return undefined
  return new Worker(new URL('../view/instructor/solve.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as SolverWorker
}

/**
 * A runner that reports each status change to `report`; the reply of a cancelled run is never
 * reported, since its worker has ended before it could answer.
 */
export function createSolveRunner(
  spawn: () => SolverWorker | undefined,
  report: (status: SolverStatus) => void,
  delayMs = 400,
): SolveRunner {
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: SolverWorker | undefined
  let last: SolveReply | undefined
  const cancel = () => {
    clearTimeout(timer)
    running?.terminate()
    running = undefined
  }
  const start = (doc: JsonObject) => {
    const worker = spawn()
    if (!worker) return report({ state: 'off', reply: undefined })
    running = worker
    report({ state: 'running', reply: last })
    const finish = (reply: SolveReply) => {
      if (running !== worker) return
      worker.terminate()
      running = undefined
      last = reply
      report({ state: 'done', reply })
    }
    worker.onmessage = (e) => finish(e.data)
    worker.onerror = (e) => finish({ ok: false, reason: e.message })
    worker.postMessage(doc)
  }
  return {
    schedule(doc) {
      cancel()
      report({ state: 'waiting', reply: last })
      timer = setTimeout(() => start(doc), delayMs)
    },
    stop: cancel,
  }
}
