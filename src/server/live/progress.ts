// Where each learner stands, computed by the engine from the events the server stored (never from
// what a client says of itself): the run's state is the fold of the simulation over the stored
// events (createStart, then applyInput for each event, the same inputs replayTo and scoring feed
// it), and the step status, next step and hazards are read from it with the engine's progress
// functions. Per attempt, the state reached after its first nextSeq events is kept in memory, and
// the next update applies only the events stored since.
import { sql, type Kysely } from 'kysely'
import {
  applyInput,
  cloneState,
  createStart,
  getNextStep,
  getStepStatus,
  type AttemptEvent,
  type Model,
  type Result,
  type SimState,
} from '../../core/index.ts'
import type { LiveLearner } from '../../api/live.ts'
import type { AttemptHeader, Database } from '../db/schema.ts'

/** The fold's state after the first `nextSeq` events of an attempt. */
interface Progress {
  readonly nextSeq: number
  readonly state: SimState
}

/** By attempt id; a state holds a line per event applied, so a thousand attempts at most. */
const PROGRESS = new Map<string, Progress>()
const MAX_PROGRESS = 1000

function keep(attemptId: string, progress: Progress): void {
  const known = PROGRESS.get(attemptId)
  // a slower computation never replaces a later state
  if (known && known.nextSeq > progress.nextSeq) return
  PROGRESS.delete(attemptId)
  PROGRESS.set(attemptId, progress)
  if (PROGRESS.size > MAX_PROGRESS) PROGRESS.delete(PROGRESS.keys().next().value!)
}

/** Forgets every kept state (tests measure a replay from the start with it). */
export function forgetProgress(): void {
  PROGRESS.clear()
}

/** Where the kept state of `attemptId` stands (its nextSeq), or undefined. */
export function keptProgress(attemptId: string): number | undefined {
  return PROGRESS.get(attemptId)?.nextSeq
}

/** The attempt an update is about: its id, header and how many events are stored. */
export interface AttemptRef {
  readonly id: string
  readonly header: AttemptHeader
  readonly nextSeq: number
}

/** Stored events of several attempts from a seq on, in order, one query. */
async function eventsFrom(
  db: Kysely<Database>,
  wanted: readonly { id: string; from: number; to: number }[],
): Promise<Map<string, AttemptEvent[]>> {
  const out = new Map<string, AttemptEvent[]>()
  if (wanted.length === 0) return out
  const { rows } = await sql<{ attempt_id: string; seq: number; event: AttemptEvent }>`
    SELECT e.attempt_id, e.seq, e.event
      FROM jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS v(id uuid, "from" integer, "to" integer)
      JOIN attempt_events e ON e.attempt_id = v.id AND e.seq >= v."from" AND e.seq < v."to"
     ORDER BY e.attempt_id, e.seq`.execute(db)
  for (const r of rows) {
    const list = out.get(r.attempt_id) ?? []
    if (list.length === r.seq - wanted.find((w) => w.id === r.attempt_id)!.from) list.push(r.event)
    out.set(r.attempt_id, list)
  }
  return out
}

/**
 * The engine's state of each attempt after its stored events 0 … nextSeq − 1: from the kept
 * state when there is one at or before nextSeq (applying only the events since), else from the
 * start. `batch`: events the caller holds (just stored from `from` on), read from the database
 * only if the kept state is not right before them.
 */
export async function progressOf(
  db: Kysely<Database>,
  model: Model,
  attempts: readonly AttemptRef[],
  batch?: {
    readonly attemptId: string
    readonly from: number
    readonly events: readonly AttemptEvent[]
  },
): Promise<Map<string, SimState>> {
  const out = new Map<string, SimState>()
  const wanted: { id: string; from: number; to: number }[] = []
  const bases = new Map<string, Progress | undefined>()
  for (const a of attempts) {
    const known = PROGRESS.get(a.id)
    if (known && known.nextSeq === a.nextSeq) {
      out.set(a.id, known.state)
      continue
    }
    const base = known && known.nextSeq < a.nextSeq ? known : undefined
    bases.set(a.id, base)
    const from = base?.nextSeq ?? 0
    const to = batch && batch.attemptId === a.id && batch.from >= from ? batch.from : a.nextSeq
    if (to > from) wanted.push({ id: a.id, from, to })
  }
  const read = await eventsFrom(db, wanted)
  for (const a of attempts) {
    if (out.has(a.id)) continue
    const base = bases.get(a.id)
    const state = base
      ? cloneState(base.state)
      : createStart(model, a.header.mode, a.header.faults ?? [])
    let seq = base?.nextSeq ?? 0
    const apply = (events: readonly AttemptEvent[]) => {
      for (const event of events) applyInput(model, state, { type: 'event', index: seq++, event })
    }
    apply(read.get(a.id) ?? [])
    if (batch && batch.attemptId === a.id && batch.from === seq) apply(batch.events)
    keep(a.id, { nextSeq: seq, state })
    out.set(a.id, state)
  }
  return out
}

/** What the row says of the learner and the attempt, besides the engine's state. */
export interface RowFacts {
  readonly userId: string
  readonly learnerId: string
  readonly name: string
  readonly attemptId: string | null
  readonly nextSeq: number
  readonly ended: boolean
  readonly lastActivityAt: Date | null
  readonly result: { readonly result: Result; readonly revision: number } | null
}

/** The grid row of a learner from the engine's state of their attempt (none: not started). */
export function learnerRow(
  model: Model,
  facts: RowFacts,
  state: SimState | undefined,
  idle: { readonly now: Date; readonly minutes: number } | undefined,
): LiveLearner {
  const stepsTotal = model.steps.length
  const done = state?.stepDone ?? model.steps.map(() => false)
  const next = state && !facts.ended ? getNextStep(model, done) : undefined
  const hazards: string[] = []
  let critical = false
  for (const t of state?.triggers ?? []) {
    const hazard = model.hazards[t.hazard]!
    if (!hazards.includes(hazard.id)) hazards.push(hazard.id)
    if (hazard.severity === 'critical') critical = true
  }
  const status = facts.attemptId === null ? 'not-started' : facts.ended ? 'finished' : 'working'
  const result = facts.result
  return {
    userId: facts.userId,
    learnerId: facts.learnerId,
    name: facts.name,
    status,
    attemptId: facts.attemptId,
    nextSeq: facts.nextSeq,
    currentStep: next === undefined ? null : model.steps[next]!.id,
    steps: model.steps.map((s, i) => ({
      id: s.id,
      status: getStepStatus(model, state ?? { stepDone: done, stepOutOfOrder: done }, i),
    })),
    stepsDone: done.filter(Boolean).length,
    stepsTotal,
    elapsedMs: state?.lastEventT ?? 0,
    hazards,
    critical,
    lastActivityAt: facts.lastActivityAt?.toISOString() ?? null,
    idle:
      status === 'working' &&
      idle !== undefined &&
      facts.lastActivityAt !== null &&
      idle.now.getTime() - facts.lastActivityAt.getTime() > idle.minutes * 60_000,
    score:
      result && facts.ended
        ? {
            status: result.result.status,
            passed: result.result.passed,
            raw: result.result.score.raw,
            max: result.result.score.max,
            percent: result.result.score.percent,
            revision: result.revision,
          }
        : null,
  }
}
