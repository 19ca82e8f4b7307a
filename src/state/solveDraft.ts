// The editor's solver on a draft: validate, compile, search for a reference run and score it, and
// find the steps that test nothing. Runs in a Web Worker (src/view/instructor/solve.worker.ts),
// in the background after every change (solveRunner.ts), so the editor stays responsive.
import {
  compileScenario,
  findTrivialSteps,
  scoreAttempt,
  solve,
  validateScenario,
  type Attempt,
  type AttemptEvent,
  type JsonValue,
  type SolveBlock,
  type TrivialSteps,
} from '../core/index.ts'
import { runtimeMessage } from './runtimeError.ts'

export type SolveReply =
  | {
      readonly ok: true
      readonly events: AttemptEvent[]
      readonly percent: number
      readonly trivial: TrivialSteps
    }
  | {
      readonly ok: false
      readonly reason: string
      /** Why, as data: the draft does not validate, or what blocks every clean run. */
      readonly block?: SolveBlock | { readonly kind: 'invalid'; readonly problems: number }
      /** The scenario's mistake at run time that stopped the search, with the run that met it. */
      readonly mistake?: { readonly message: string; readonly attempt: Attempt | undefined }
      readonly trivial?: TrivialSteps
    }

/** The reference run of a draft document, or why there is none; never throws for the scenario's mistakes. */
export function solveDraft(doc: JsonValue): SolveReply {
  const valid = validateScenario(doc)
  if (!valid.ok)
    return {
      ok: false,
      reason: `the scenario has ${valid.problems.length} problem(s); fix them first`,
      block: { kind: 'invalid', problems: valid.problems.length },
    }
  const model = compileScenario(valid.value)
  let solved: ReturnType<typeof solve>
  try {
    solved = solve(model)
  } catch (e) {
    // a mistake already at the start: there is no run to keep
    const message = runtimeMessage(e)
    return { ok: false, reason: message, mistake: { message, attempt: undefined } }
  }
  const trivial = findTrivialSteps(model)
  if (!solved.ok)
    return solved.mistake
      ? { ok: false, reason: solved.reason, mistake: solved.mistake, trivial }
      : {
          ok: false,
          reason: solved.reason,
          ...(solved.block ? { block: solved.block } : {}),
          trivial,
        }
  const scored = scoreAttempt(model, solved.attempt)
  return {
    ok: true,
    events: solved.attempt.events,
    percent: scored.ok ? scored.value.score.percent : 0,
    trivial,
  }
}
