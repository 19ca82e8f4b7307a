// The result file of spec section 6, as text. Formatting only; the result is scoring.ts's.
import type { Result } from '../recordSchemas.ts'

/** The result file of section 6: JSON, two-space indentation, final newline. Pure. */
export function exportResultJson(result: Result): string {
  return JSON.stringify(result, null, 2) + '\n'
}
