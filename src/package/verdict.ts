// What an LMS is told of a scored attempt, as SCORM 1.2 and cmi5 can say it. The engine's verdict
// comes first: a score is sent only where it agrees with it, because an LMS that holds a mastery
// score derives passed or failed from the score alone (a critical hazard fails an attempt whose
// points are above the pass mark), and an attempt whose judgements an assessor has still to mark
// has no verdict yet. Pure.
import type { Model, Result } from '../core/index.ts'

/** The score as a share of the scenario's points, rounded for the LMS (0..1, 4 decimals). */
export function scaledScore(result: Result): number {
  return Math.round(result.score.percent * 100) / 10_000
}

/** Whether the score, compared with the pass mark as an LMS would, gives the engine's verdict. */
export function scoreAgrees(model: Model, result: Result): boolean {
  const reaches = scaledScore(result) * 100 >= model.scoring.passPercent - 1e-9
  return result.status === 'passed' ? reaches : result.status === 'failed' ? !reaches : false
}

/** What a SCORM 1.2 SCO sets at the end of an attempt. */
export interface Scorm12Outcome {
  readonly lessonStatus: 'passed' | 'failed' | 'completed'
  /** `cmi.core.score.raw` in percent (min 0, max 100), or undefined when it is not sent. */
  readonly raw: number | undefined
}

/**
 * The SCORM 1.2 outcome of a finished attempt: passed or failed with the score in percent (the
 * manifest's mastery score is the pass mark in percent); failed without a score where the score
 * would say passed; `completed` without a score while judgements wait for an assessor.
 */
export function scorm12Outcome(model: Model, result: Result): Scorm12Outcome {
  if (result.status === 'pending') return { lessonStatus: 'completed', raw: undefined }
  const raw = scoreAgrees(model, result) ? scaledScore(result) * 100 : undefined
  return { lessonStatus: result.status, raw: raw === undefined ? undefined : round2(raw) }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/** The cmi5 `moveOn` of a scenario's AU: Completed while an assessor has judgements to mark. */
export function cmi5MoveOn(model: Model): 'Completed' | 'CompletedAndPassed' {
  return model.judgements.length > 0 ? 'Completed' : 'CompletedAndPassed'
}

/** What a cmi5 AU sends once an attempt has ended, after `completed`. */
export type Cmi5Verdict =
  | { readonly verb: 'none' }
  | { readonly verb: 'passed' | 'failed'; readonly scaled: number | undefined }

/** Whether the engine failed the attempt whatever its score: a critical hazard or critical step. */
export function failedCritically(model: Model, result: Result): boolean {
  return (
    result.hazards.some((h) => h.severity === 'critical') ||
    model.steps.some((s, i) => s.critical && result.steps[i]?.complete !== true)
  )
}

/**
 * The verdict a cmi5 AU sends in Normal launch mode. None while judgements wait for an assessor.
 * A critical hazard or a missed critical step fails the attempt, with the scaled score only where
 * it is below the mastery score (above it, the score would say passed). Otherwise the verdict is
 * the score against the mastery score the LMS gave (cmi5: the LMS's mastery score decides), the
 * scenario's pass mark when it gave none.
 */
export function cmi5Verdict(
  model: Model,
  result: Result,
  masteryScore: number | undefined,
): Cmi5Verdict {
  if (result.status === 'pending') return { verb: 'none' }
  const scaled = scaledScore(result)
  const mastery = masteryScore ?? model.scoring.passPercent / 100
  if (failedCritically(model, result))
    return { verb: 'failed', scaled: scaled < mastery ? scaled : undefined }
  return { verb: scaled >= mastery ? 'passed' : 'failed', scaled }
}
