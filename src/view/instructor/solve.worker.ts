// "Check solvable" off the main thread: the engine's solve on the draft, so the editor stays responsive.
import {
  compileScenario,
  scoreAttempt,
  solve,
  validateScenario,
  type AttemptEvent,
  type JsonValue,
} from '../../core/index.ts'

export type SolveReply =
  { ok: true; events: AttemptEvent[]; percent: number } | { ok: false; reason: string }

self.onmessage = (e: MessageEvent<JsonValue>) => {
  const valid = validateScenario(e.data)
  let reply: SolveReply
  if (!valid.ok)
    reply = {
      ok: false,
      reason: `the scenario has ${valid.problems.length} problem(s); fix them first`,
    }
  else {
    const model = compileScenario(valid.value)
    const solved = solve(model)
    if (!solved.ok) reply = { ok: false, reason: solved.reason }
    else {
      const scored = scoreAttempt(model, solved.attempt)
      reply = {
        ok: true,
        events: solved.attempt.events,
        percent: scored.ok ? scored.value.score.percent : 0,
      }
    }
  }
  self.postMessage(reply)
}
