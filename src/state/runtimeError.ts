// A scenario's mistake at run time is an outcome the stores keep and the screens explain; any
// other error is Practica's own and goes on up to the screen's error boundary.
import { ScenarioRuntimeError } from '../core/index.ts'

/** The engine's message for a scenario's mistake at run time; rethrows any other error. */
export function runtimeMessage(e: unknown): string {
  if (e instanceof ScenarioRuntimeError) return e.message
  throw e
}
