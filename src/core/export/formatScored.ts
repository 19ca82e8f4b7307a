// An export's text from scored attempts: the one formatting the CLI's file export, `export --db`
// and the server's export route share. Pure.
import { exportResultJson } from './exportResultJson.ts'
import { exportResultsCsv } from './exportResultsCsv.ts'
import { exportXapi } from './exportXapi.ts'
import type { ScoredAttempt } from './scoredAttempt.ts'

/** The formats of an export: gradebook, xAPI statements, result JSON, Moodle framework. */
export const EXPORT_FORMATS = ['csv', 'xapi', 'json', 'moodle'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/**
 * Scored attempts as an export's text, with the engine's exporters: `csv` the gradebook, `xapi`
 * the statements of every attempt as one JSON array, `json` the result file of one attempt or an
 * array of several. Attempts that name a stored result's revision (from a server's database)
 * are, as `json`, always an array of `{ "revision": n, "result": {…} }`.
 */
export function formatScored(
  format: Exclude<ExportFormat, 'moodle'>,
  scored: readonly ScoredAttempt[],
): string {
  if (format === 'csv') return exportResultsCsv(scored)
  if (format === 'xapi')
    return (
      JSON.stringify(
        scored.flatMap((s) => exportXapi(s)),
        null,
        2,
      ) + '\n'
    )
  if (scored.some((s) => s.revision !== undefined))
    return (
      JSON.stringify(
        scored.map((s) => ({ revision: s.revision, result: s.result })),
        null,
        2,
      ) + '\n'
    )
  if (scored.length === 1) return exportResultJson(scored[0]!.result)
  return (
    JSON.stringify(
      scored.map((s) => s.result),
      null,
      2,
    ) + '\n'
  )
}
