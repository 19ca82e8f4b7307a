// The scored attempts the exporter tests share: the spec's worked example, and a second attempt
// on it by a learner whose name has Chinese text, a comma, a double quote and a line break.
import {
  scoreAttempt,
  type Attempt,
  type Model,
  type ScoredAttempt,
} from '../../../src/core/index.ts'
import { loadAttemptFile, loadScenarioFile } from '../../helpers.ts'

export const EXAMPLE = 'tests/golden/spec-worked-example'
export const ZH_ATTEMPT = 'tests/golden-export/attempt-zh.json'

/** Scores an attempt; fails the test if it is refused. */
export function scored(model: Model, attempt: Attempt): ScoredAttempt {
  const result = scoreAttempt(model, attempt)
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return { model, attempt, result: result.value }
}

export function conveyor(): { model: Model; example: ScoredAttempt; zh: ScoredAttempt } {
  const model = loadScenarioFile(`${EXAMPLE}/scenario.json`)
  return {
    model,
    example: scored(model, loadAttemptFile(`${EXAMPLE}/attempt.json`)),
    zh: scored(model, loadAttemptFile(ZH_ATTEMPT)),
  }
}
