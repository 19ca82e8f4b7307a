// Scoring of spec section 4 and the result of section 6: a pure function of a scenario and an
// attempt. Runs the attempt through the simulation fold, then reads the result off the state.
import { checkAttempt } from './attempt.ts'
import type { Model } from './model.ts'
import { problemAt, type Outcome } from './problems.ts'
import type { Attempt, Level, Result, Status } from './recordSchemas.ts'
import { RESULT_FORMAT } from './formats.ts'
import { replayAttempt } from './replay.ts'
import { ScenarioRuntimeError, type SimState } from './simulation.ts'

/** Scores an attempt against its scenario (spec sections 3, 4 and 6), or says why it cannot. Pure. */
export function scoreAttempt(model: Model, attempt: Attempt): Outcome<Result> {
  const problems = checkAttempt(model, attempt)
  if (!problems.empty) return { ok: false, problems: problems.items }
  try {
    return { ok: true, value: getResult(model, replayAttempt(model, attempt), attempt) }
  } catch (e) {
    if (e instanceof ScenarioRuntimeError)
      return { ok: false, problems: [problemAt(e.path, 'scenario.runtime', { detail: e.message })] }
    throw e
  }
}

/** The warnings of section 6: the attempt was recorded on another version or file. Pure. */
export function getWarnings(model: Model, attempt: Attempt): string[] {
  const warnings: string[] = []
  const recorded = attempt.scenario
  if (recorded.version !== undefined && recorded.version !== model.scenario.version) {
    warnings.push(`attempt was recorded on scenario version ${recorded.version}`)
  }
  if (
    recorded.sha256 !== undefined &&
    model.sha256 !== undefined &&
    recorded.sha256.toLowerCase() !== model.sha256
  ) {
    warnings.push(
      `attempt was recorded on a different scenario file (sha256 ${recorded.sha256.slice(0, 12)}…, this file ${model.sha256.slice(0, 12)}…)`,
    )
  }
  return warnings
}

type StepResult = Result['steps'][number]
type JudgementResult = Result['judgements'][number]

/** The result of a run so far (final once the state has ended). Pure. */
export function getResult(model: Model, st: SimState, attempt: Attempt): Result {
  const { penalties } = model.scoring
  const steps = getStepResults(model, st)
  const judgements = getJudgementResults(model, attempt)
  const hazards = st.triggers.map((tr) => ({
    id: model.hazards[tr.hazard]!.id,
    severity: model.hazards[tr.hazard]!.severity,
    t: tr.t,
  }))

  // summed exactly as the spec writes the formulas, so results agree to the last bit
  const stepSum = sum(steps.map((s) => s.earned))
  const judgementSum = sum(judgements.map((j) => j.earned))
  const hazardSum = sum(st.triggers.map((tr) => model.hazards[tr.hazard]!.penalty))
  const deductions =
    st.unexpected.length * penalties.unexpectedAction +
    st.blocked.length * penalties.blocked +
    hazardSum
  const max = sum(steps.map((s) => s.points)) + sum(judgements.map((j) => j.points))
  const raw = Math.max(0, stepSum + judgementSum - deductions)
  const percent = max === 0 ? 0 : (100 * raw) / max
  const status = getStatus(model, st, judgements, percent)

  return {
    format: RESULT_FORMAT,
    attempt: attempt.id,
    scenario: { id: model.scenario.id, version: model.scenario.version },
    status,
    passed: status === 'passed',
    score: { raw, max, percent },
    durationMs: st.endedAt ?? st.now,
    steps,
    hazards,
    unexpected: st.unexpected.map((u) => ({ ...u })),
    blocked: st.blocked.map((b) => ({ ...b })),
    judgements,
    faults: [...st.activeFaults],
    warnings: getWarnings(model, attempt),
    competencies: model.competencies.map((c, ci) =>
      getCompetencyResult(model, st, steps, judgements, ci),
    ),
  }
}

// Each step's points earned: its points less the out-of-order and hint penalties, if done.
function getStepResults(model: Model, st: SimState): StepResult[] {
  const { penalties } = model.scoring
  return model.steps.map((s, i) => {
    const done = st.stepDone[i]!
    const lost = (st.stepOutOfOrder[i] ? penalties.outOfOrder : 0) + st.hints[i]! * penalties.hint
    return {
      id: s.id,
      complete: done,
      outOfOrder: st.stepOutOfOrder[i]!,
      t: st.stepT[i]!,
      hints: st.hints[i]!,
      points: s.points,
      earned: done ? Math.max(0, s.points - lost) : 0,
    }
  })
}

// Each judgement's share of its points, by the assessor's mark out of its maxMark.
function getJudgementResults(model: Model, attempt: Attempt): JudgementResult[] {
  return model.judgements.map((j) => {
    const mark = attempt.judgements?.[j.id]?.mark ?? null
    return {
      id: j.id,
      mark,
      maxMark: j.maxMark,
      points: j.points,
      earned: mark === null ? 0 : (j.points * mark) / j.maxMark,
    }
  })
}

// Failed on a critical hazard or a critical step missed; pending while a judgement is unmarked.
function getStatus(
  model: Model,
  st: SimState,
  judgements: readonly JudgementResult[],
  percent: number,
): Status {
  const criticalHazard = st.triggers.some((tr) => model.hazards[tr.hazard]!.severity === 'critical')
  const criticalStepMissed = model.steps.some((s, i) => s.critical && !st.stepDone[i])
  if (criticalHazard || criticalStepMissed) return 'failed'
  if (judgements.some((j) => j.mark === null)) return 'pending'
  return percent >= model.scoring.passPercent ? 'passed' : 'failed'
}

// One competency's ratio and level, from the steps, judgements and hazards that name it.
function getCompetencyResult(
  model: Model,
  st: SimState,
  steps: readonly StepResult[],
  judgements: readonly JudgementResult[],
  ci: number,
): Result['competencies'][number] {
  const { levels } = model.scoring
  let possible = 0
  let gained = 0
  let lost = 0
  let failedCritical = false
  model.steps.forEach((s, i) => {
    for (const ref of s.competencies) {
      if (ref.index !== ci) continue
      possible += ref.weight * s.points
      gained += ref.weight * steps[i]!.earned
      if (s.critical && !st.stepDone[i]) failedCritical = true
    }
  })
  model.judgements.forEach((j, i) => {
    if (!j.competencies.includes(ci)) return
    possible += j.points
    gained += judgements[i]!.earned
  })
  for (const tr of st.triggers) {
    const h = model.hazards[tr.hazard]!
    if (!h.competencies.includes(ci)) continue
    lost += h.penalty
    if (h.severity === 'critical') failedCritical = true
  }
  const cEarned = Math.max(0, gained - lost)
  const ratio = possible === 0 ? 0 : cEarned / possible
  let level: Level
  if (possible === 0) level = 'not-assessed'
  else if (failedCritical) level = 'not-yet-competent'
  else if (ratio >= levels.proficient) level = 'proficient'
  else if (ratio >= levels.competent) level = 'competent'
  else level = 'not-yet-competent'
  return { id: model.competencies[ci]!.id, earned: cEarned, possible, ratio, level }
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const v of values) total += v
  return total
}
