// The peer of the replay and batch benchmarks: scenarios/conveyor-loto.json written by hand as an
// XState v5 machine, the way a competent XState user would — the equipment (component states,
// lock and tag flags, variables with their rate, min and max), the `on` effects and the rule as
// guarded transitions and `assign` actions, the checklist and hazards in the context — with every
// condition in JSON logic. An actor is sent one event per attempt event and one TICK per tick.
import jsonLogic from 'json-logic-js'
import { assertEvent, assign, createActor, setup } from 'xstate'
import type { Attempt } from '../../../src/core/index.ts'
import { CONVEYOR_LOGIC as LOGIC } from './conveyorLogic.ts'

export const TICK_MS = 100
export const TIME_LIMIT_MS = 600_000

const LEARNER_ACTIONS = [
  'set',
  'press',
  'wear',
  'remove',
  'lock',
  'unlock',
  'tag',
  'untag',
  'inspect',
] as const
type LearnerAction = (typeof LEARNER_ACTIONS)[number]

/** Learner events carry their position in the attempt, so unexpected and blocked can name it. */
export type LearnerEvent = {
  type: LearnerAction
  index: number
  t: number
  target: string
  value?: string | undefined
}
export type ConveyorEvent = LearnerEvent | { type: 'TICK'; t: number } | { type: 'end'; t: number }

export interface StepStatus {
  readonly done: boolean
  readonly t: number | null
  readonly outOfOrder: boolean
}

/** Component states and variables sit at the top, named as in the scenario, for JSON logic. */
export interface ConveyorContext {
  /** Milliseconds of the tick or event being processed. */
  now: number
  glasses: string
  gloves: string
  isolator: string
  air_dump: string
  guard: string
  locked: Readonly<Record<string, boolean>>
  tagged: Readonly<Record<string, boolean>>
  run: number
  pressure: number
  steps: readonly StepStatus[]
  hazardOn: readonly boolean[]
  triggers: readonly { readonly hazard: number; readonly t: number }[]
  unexpected: readonly number[]
  blocked: readonly number[]
  /** What the event being processed did so far: it decides the event's class. */
  current: { readonly matched: boolean; readonly completed: boolean; readonly blocked: boolean }
  /** A critical hazard triggered: in assessment mode the attempt ends. */
  critical: boolean
}

const LOCKABLE = new Set(['isolator'])
const LOCK_EXEMPT = new Set<string>(['inspect', 'lock', 'unlock', 'tag', 'untag'])

interface StepDef {
  readonly id: string
  readonly points: number
  readonly after: readonly string[]
  readonly critical?: boolean
  readonly action?: {
    readonly type: LearnerAction
    readonly target: string
    readonly value?: string
  }
  readonly state?: typeof LOGIC.zeroPressure
}

const STEP_DEFS: readonly StepDef[] = [
  { id: 'ppe-glasses', points: 2, after: [], action: { type: 'wear', target: 'glasses' } },
  { id: 'ppe-gloves', points: 2, after: [], action: { type: 'wear', target: 'gloves' } },
  { id: 'notify', points: 3, after: [], action: { type: 'press', target: 'radio' } },
  { id: 'stop', points: 5, after: ['notify'], action: { type: 'press', target: 'stop_btn' } },
  {
    id: 'isolate',
    points: 5,
    after: ['stop'],
    critical: true,
    action: { type: 'set', target: 'isolator', value: 'off' },
  },
  {
    id: 'lock',
    points: 10,
    after: ['isolate'],
    critical: true,
    action: { type: 'lock', target: 'isolator' },
  },
  { id: 'tag', points: 5, after: ['isolate'], action: { type: 'tag', target: 'isolator' } },
  {
    id: 'open-dump',
    points: 5,
    after: ['lock'],
    action: { type: 'set', target: 'air_dump', value: 'open' },
  },
  { id: 'zero-pressure', points: 3, after: ['open-dump'], state: LOGIC.zeroPressure },
  {
    id: 'verify',
    points: 10,
    after: ['lock', 'zero-pressure'],
    critical: true,
    action: { type: 'press', target: 'start_btn' },
  },
  {
    id: 'verify-zero',
    points: 5,
    after: ['lock'],
    action: { type: 'inspect', target: 'voltmeter' },
  },
  {
    id: 'open-guard',
    points: 5,
    after: ['verify', 'verify-zero'],
    action: { type: 'set', target: 'guard', value: 'open' },
  },
]
const STEPS = STEP_DEFS.map((s) => ({
  ...s,
  after: s.after.map((id) => STEP_DEFS.findIndex((d) => d.id === id)),
}))

const HAZARDS = [
  { id: 'guard-live', severity: 'critical', penalty: 0, when: LOGIC.guardLive },
  { id: 'stored-air', severity: 'major', penalty: 10, when: LOGIC.storedAir },
  { id: 'no-glasses', severity: 'minor', penalty: 3, when: LOGIC.noGlasses },
] as const

const PENALTIES = { outOfOrder: 2, unexpectedAction: 1, blocked: 1 }
const JUDGEMENT = { id: 'housekeeping', points: 6, maxMark: 3 }
const PASS_PERCENT = 80

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi)
const holds = (rule: Parameters<typeof jsonLogic.apply>[0], context: ConveyorContext) =>
  jsonLogic.truthy(jsonLogic.apply(rule, context))

function isReady(steps: readonly StepStatus[], i: number): boolean {
  return STEPS[i]!.after.every((a) => steps[a]!.done)
}

const INITIAL_CONTEXT: ConveyorContext = {
  now: 0,
  glasses: 'stored',
  gloves: 'stored',
  isolator: 'on',
  air_dump: 'closed',
  guard: 'closed',
  locked: { isolator: false },
  tagged: { isolator: false },
  run: 1,
  pressure: 6,
  steps: STEPS.map(() => ({ done: false, t: null, outOfOrder: false })),
  hazardOn: HAZARDS.map(() => false),
  triggers: [],
  unexpected: [],
  blocked: [],
  current: { matched: false, completed: false, blocked: false },
  critical: false,
}

// What runs after the learner's act, blocked or not: the rule, the checklist, the class.
const AFTER_ACT = ['applyRules', 'matchSteps', 'check', 'classify'] as const

export const conveyorMachine = setup({
  types: {} as { context: ConveyorContext; events: ConveyorEvent },
  guards: {
    isBlocked: ({ context, event }) => {
      assertEvent(event, LEARNER_ACTIONS)
      return LOCKABLE.has(event.target) && context.locked[event.target] === true
        ? !LOCK_EXEMPT.has(event.type)
        : false
    },
    pressesStop: ({ event }) => event.type === 'press' && event.target === 'stop_btn',
    pressesStartWhileOn: ({ context, event }) =>
      event.type === 'press' && event.target === 'start_btn' && holds(LOGIC.isolatorOn, context),
    criticalTriggered: ({ context }) => context.critical,
  },
  actions: {
    begin: assign(({ event }) => {
      assertEvent(event, [...LEARNER_ACTIONS, 'end'])
      return { now: event.t, current: { matched: false, completed: false, blocked: false } }
    }),
    markBlocked: assign(({ context }) => ({ current: { ...context.current, blocked: true } })),
    setState: assign(({ event }) => {
      assertEvent(event, 'set')
      return { [event.target]: event.value } as Partial<ConveyorContext>
    }),
    wear: assign(({ event }) => {
      assertEvent(event, 'wear')
      return { [event.target]: 'worn' } as Partial<ConveyorContext>
    }),
    remove: assign(({ event }) => {
      assertEvent(event, 'remove')
      return { [event.target]: 'stored' } as Partial<ConveyorContext>
    }),
    setLock: assign(({ context, event }) => {
      assertEvent(event, ['lock', 'unlock'])
      return { locked: { ...context.locked, [event.target]: event.type === 'lock' } }
    }),
    setTag: assign(({ context, event }) => {
      assertEvent(event, ['tag', 'untag'])
      return { tagged: { ...context.tagged, [event.target]: event.type === 'tag' } }
    }),
    stopDrive: assign({ run: 0 }),
    startDrive: assign({ run: 1 }),
    // the rates on the state before the tick, then the clamp
    tick: assign(({ context, event }) => {
      assertEvent(event, 'TICK')
      const rate = jsonLogic.apply(LOGIC.pressureRate, context) as number
      return { now: event.t, pressure: clamp(context.pressure + (rate * TICK_MS) / 1000, 0, 10) }
    }),
    applyRules: assign(({ context }) =>
      holds(LOGIC.isolatorOff, context) && context.run !== 0 ? { run: 0 } : {},
    ),
    // an act completes the first ready incomplete step it matches, else the first incomplete one
    matchSteps: assign(({ context, event }) => {
      assertEvent(event, LEARNER_ACTIONS)
      let matched = false
      let firstReady = -1
      let firstIncomplete = -1
      STEPS.forEach((s, i) => {
        const a = s.action
        if (!a || a.type !== event.type || a.target !== event.target) return
        if (a.value !== undefined && a.value !== event.value) return
        matched = true
        if (context.steps[i]!.done) return
        if (firstIncomplete < 0) firstIncomplete = i
        if (firstReady < 0 && isReady(context.steps, i)) firstReady = i
      })
      const done = firstReady >= 0 ? firstReady : firstIncomplete
      if (done < 0) return { current: { ...context.current, matched } }
      const steps = context.steps.slice()
      steps[done] = { done: true, t: context.now, outOfOrder: firstReady < 0 }
      return { steps, current: { ...context.current, matched, completed: true } }
    }),
    // state steps until none completes, then hazards on a rising edge
    check: assign(({ context }) => {
      let steps = context.steps
      let completed = false
      for (let progress = true; progress;) {
        progress = false
        STEPS.forEach((s, i) => {
          if (!s.state || steps[i]!.done || !isReady(steps, i) || !holds(s.state, context)) return
          steps = steps.slice()
          ;(steps as StepStatus[])[i] = { done: true, t: context.now, outOfOrder: false }
          progress = completed = true
        })
      }
      const hazardOn = HAZARDS.map((h) => holds(h.when, context))
      const rising = HAZARDS.flatMap((_, i) =>
        hazardOn[i] && !context.hazardOn[i] ? [{ hazard: i, t: context.now }] : [],
      )
      return {
        steps,
        hazardOn,
        triggers: rising.length ? [...context.triggers, ...rising] : context.triggers,
        critical:
          context.critical || rising.some((r) => HAZARDS[r.hazard]!.severity === 'critical'),
        current: completed ? { ...context.current, completed } : context.current,
      }
    }),
    classify: assign(({ context, event }) => {
      assertEvent(event, LEARNER_ACTIONS)
      const { matched, completed, blocked } = context.current
      if (event.type === 'inspect' || completed || matched) return {}
      return blocked
        ? { blocked: [...context.blocked, event.index] }
        : { unexpected: [...context.unexpected, event.index] }
    }),
  },
}).createMachine({
  id: 'conveyor',
  context: INITIAL_CONTEXT,
  initial: 'running',
  states: {
    running: {
      entry: ['applyRules', 'check'],
      // assessment mode ends the attempt right after a critical hazard
      always: { guard: 'criticalTriggered', target: 'ended' },
      on: {
        TICK: { actions: ['tick', 'applyRules', 'check'] },
        set: [
          { guard: 'isBlocked', actions: ['begin', 'markBlocked', ...AFTER_ACT] },
          { actions: ['begin', 'setState', ...AFTER_ACT] },
        ],
        press: [
          { guard: 'isBlocked', actions: ['begin', 'markBlocked', ...AFTER_ACT] },
          { guard: 'pressesStop', actions: ['begin', 'stopDrive', ...AFTER_ACT] },
          { guard: 'pressesStartWhileOn', actions: ['begin', 'startDrive', ...AFTER_ACT] },
          { actions: ['begin', ...AFTER_ACT] },
        ],
        wear: [
          { guard: 'isBlocked', actions: ['begin', 'markBlocked', ...AFTER_ACT] },
          { actions: ['begin', 'wear', ...AFTER_ACT] },
        ],
        remove: [
          { guard: 'isBlocked', actions: ['begin', 'markBlocked', ...AFTER_ACT] },
          { actions: ['begin', 'remove', ...AFTER_ACT] },
        ],
        lock: { actions: ['begin', 'setLock', ...AFTER_ACT] },
        unlock: { actions: ['begin', 'setLock', ...AFTER_ACT] },
        tag: { actions: ['begin', 'setTag', ...AFTER_ACT] },
        untag: { actions: ['begin', 'setTag', ...AFTER_ACT] },
        inspect: { actions: ['begin', ...AFTER_ACT] },
        end: { target: 'ended', actions: 'begin' },
      },
    },
    ended: { type: 'final' },
  },
})

/** What the peer knows at the end of an attempt. */
export interface PeerReplay {
  readonly context: ConveyorContext
  /** Ticks and events sent to the actor. */
  readonly inputs: number
  readonly durationMs: number
}

/** Whether a TICK changed nothing the next tick reads: then every later tick is the same. */
function quietTick(before: ConveyorContext, after: ConveyorContext): boolean {
  return (
    after.pressure === before.pressure &&
    after.run === before.run &&
    after.steps === before.steps &&
    after.triggers === before.triggers &&
    !after.critical
  )
}

/**
 * Replays an assessment-mode attempt on a fresh actor: each tick with T ≤ the event's time (and
 * the time limit) as a TICK, then the event. As the engine does, once a TICK changed nothing, the
 * ticks up to the next event are skipped (they would change nothing either) unless `observe` is
 * given: it sees the context after every input, every tick sent.
 */
export function replayOnActor(
  attempt: Attempt,
  observe?: (context: ConveyorContext) => void,
): PeerReplay {
  const actor = createActor(conveyorMachine).start()
  const ended = () => actor.getSnapshot().status === 'done'
  let inputs = 0
  let nextTick = 1
  let durationMs: number | undefined
  for (const [index, e] of attempt.events.entries()) {
    if (ended()) break
    const until = Math.min(e.t, TIME_LIMIT_MS)
    while (!ended() && nextTick * TICK_MS <= until) {
      const before = actor.getSnapshot().context
      actor.send({ type: 'TICK', t: nextTick * TICK_MS })
      nextTick++
      inputs++
      const after = actor.getSnapshot().context
      observe?.(after)
      if (observe === undefined && quietTick(before, after)) {
        nextTick = Math.floor(until / TICK_MS) + 1
        break
      }
    }
    if (ended()) break
    if (e.t > TIME_LIMIT_MS) {
      durationMs = TIME_LIMIT_MS
      break
    }
    if (e.action === 'end') actor.send({ type: 'end', t: e.t })
    else
      actor.send({
        type: e.action as LearnerAction,
        index,
        t: e.t,
        target: e.target!,
        value: e.value,
      })
    inputs++
    observe?.(actor.getSnapshot().context)
  }
  const context = actor.getSnapshot().context
  actor.stop()
  return { context, inputs, durationMs: durationMs ?? context.now }
}

/** The score as the spec computes it (section 4), without competencies. */
export interface PeerScore {
  readonly attempt: string
  readonly status: 'passed' | 'failed' | 'pending'
  readonly raw: number
  readonly max: number
  readonly percent: number
  readonly durationMs: number
  readonly steps: readonly boolean[]
  readonly hazards: readonly string[]
}

/** Scores a replayed attempt from the peer's context. */
export function scorePeer(attempt: Attempt, replay: PeerReplay): PeerScore {
  const { context } = replay
  const earned = STEPS.map((s, i) => {
    const st = context.steps[i]!
    return st.done ? Math.max(0, s.points - (st.outOfOrder ? PENALTIES.outOfOrder : 0)) : 0
  })
  const mark = attempt.judgements?.[JUDGEMENT.id]?.mark ?? null
  const judgementEarned = mark === null ? 0 : (JUDGEMENT.points * mark) / JUDGEMENT.maxMark
  const deductions =
    context.unexpected.length * PENALTIES.unexpectedAction +
    context.blocked.length * PENALTIES.blocked +
    context.triggers.reduce((sum, tr) => sum + HAZARDS[tr.hazard]!.penalty, 0)
  const max = STEPS.reduce((sum, s) => sum + s.points, 0) + JUDGEMENT.points
  const raw = Math.max(0, earned.reduce((a, b) => a + b, 0) + judgementEarned - deductions)
  const percent = (100 * raw) / max
  const failed =
    context.triggers.some((tr) => HAZARDS[tr.hazard]!.severity === 'critical') ||
    STEPS.some((s, i) => s.critical === true && !context.steps[i]!.done)
  const status = failed
    ? 'failed'
    : mark === null
      ? 'pending'
      : percent >= PASS_PERCENT
        ? 'passed'
        : 'failed'
  return {
    attempt: attempt.id,
    status,
    raw,
    max,
    percent,
    durationMs: replay.durationMs,
    steps: context.steps.map((s) => s.done),
    hazards: context.triggers.map((tr) => HAZARDS[tr.hazard]!.id),
  }
}
