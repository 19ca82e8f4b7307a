// "How would an attempt score": the editor shows the effect of the penalties and levels on an
// example attempt, the reference run with a few slips added (a step out of order, a hint, an
// unexpected act, a refused act), scored by the engine's own result function. Pure.
import { checkAttempt } from './attempt.ts'
import { ATTEMPT_FORMAT } from './formats.ts'
import type { Model } from './model.ts'
import type { Attempt, AttemptEvent, Level, Status } from './recordSchemas.ts'
import { replayAttempt } from './replay.ts'
import { getResult } from './scoring.ts'
import { ScenarioRuntimeError } from './simulation.ts'

export interface Slips {
  readonly outOfOrder: number
  readonly hints: number
  readonly unexpected: number
  readonly blocked: number
}

export interface ExampleScore {
  /** The slips that could be placed (a step out of order needs a step that has prerequisites). */
  readonly slips: Slips
  readonly raw: number
  readonly max: number
  readonly percent: number
  readonly status: Status
  /** The lowest level over the scenario's competencies, or undefined when it names none. */
  readonly level: Level | undefined
}

const LEVEL_ORDER: readonly Level[] = [
  'not-yet-competent',
  'competent',
  'proficient',
  'not-assessed',
]

/**
 * The score of the reference run `events` with `wanted` slips added, every judgement given its
 * full mark; undefined when the run no longer fits the model (a step or part renamed since). Pure.
 */
export function scoreExample(
  model: Model,
  events: readonly AttemptEvent[],
  wanted: Slips,
): ExampleScore | undefined {
  const attempt: Attempt = {
    format: ATTEMPT_FORMAT,
    id: 'example',
    scenario: { id: model.scenario.id, version: model.scenario.version },
    mode: 'assessment',
    events: [...events],
    judgements: Object.fromEntries(model.judgements.map((j) => [j.id, { mark: j.maxMark }])),
  }
  // a run of an older draft may name a part or step renamed or removed since
  if (!checkAttempt(model, attempt).empty) return undefined
  let st
  try {
    st = replayAttempt(model, attempt)
  } catch (e) {
    if (e instanceof ScenarioRuntimeError) return undefined
    throw e
  }
  if (!st.stepDone.every(Boolean)) return undefined
  // the slips as the simulation would have recorded them, on the steps that allow them
  const ordered = model.steps.flatMap((s, i) => (s.after.length > 0 ? [i] : []))
  const outOfOrder = Math.min(wanted.outOfOrder, ordered.length)
  for (const i of ordered.slice(0, outOfOrder)) st.stepOutOfOrder[i] = true
  const hints = model.steps.length === 0 ? 0 : wanted.hints
  for (let n = 0; n < hints; n++) st.hints[n % model.steps.length]!++
  for (let n = 0; n < wanted.unexpected; n++) st.unexpected.push({ index: -1, t: 0 })
  for (let n = 0; n < wanted.blocked; n++) st.blocked.push({ index: -1, t: 0 })
  const result = getResult(model, st, attempt)
  const levels = result.competencies.map((c) => c.level).filter((l) => l !== 'not-assessed')
  return {
    slips: { outOfOrder, hints, unexpected: wanted.unexpected, blocked: wanted.blocked },
    raw: result.score.raw,
    max: result.score.max,
    percent: result.score.percent,
    status: result.status,
    level:
      levels.length === 0
        ? undefined
        : levels.reduce((a, b) => (LEVEL_ORDER.indexOf(a) <= LEVEL_ORDER.indexOf(b) ? a : b)),
  }
}
