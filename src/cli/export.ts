// The export command: scored attempts as result JSON, a gradebook CSV or xAPI statements, and
// a scenario's competencies as a Moodle framework. Reads files; the exporters do the rest.
import {
  exportMoodleFramework,
  exportResultJson,
  exportResultsCsv,
  exportXapi,
  scoreAttempt,
  type ScoredAttempt,
} from '../core/index.ts'
import { openAttempt, openScenario, reportScoring, type Io } from './files.ts'
import type { CommandLine } from './main.ts'

export const EXPORT_FORMATS = ['csv', 'xapi', 'json', 'moodle'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** What `export` was asked for, or the usage error that stops it. */
export function parseExportArgs(
  line: CommandLine,
): { format: ExportFormat; files: readonly string[] } | { usage: string } {
  const { format, files } = line
  if (line.unknownOption !== undefined)
    return { usage: `export: unknown option ${line.unknownOption}` }
  if (format === undefined)
    return { usage: `export: say which format with --format ${EXPORT_FORMATS.join('|')}` }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    return {
      usage: `export: unknown format "${format}" (use one of ${EXPORT_FORMATS.join(', ')})`,
    }
  const wanted = format as ExportFormat
  if (wanted === 'moodle' && files.length !== 1)
    return { usage: 'export --format moodle takes the SCENARIO file only' }
  if (wanted !== 'moodle' && files.length < 2)
    return {
      usage: `export --format ${wanted} takes a SCENARIO file and one or more ATTEMPT files`,
    }
  return { format: wanted, files }
}

/**
 * Runs `export`; prints the export on stdout, or nothing when any attempt is refused (each
 * problem on stderr as `FILE: path: message`). Returns the exit status: 0, 1 refused, 2 usage.
 */
export function exportCommand(io: Io, line: CommandLine, usage: string): number {
  const parsed = parseExportArgs(line)
  if ('usage' in parsed) {
    io.err(`${parsed.usage}\n${usage}`)
    return 2
  }
  const [scenarioFile, ...attemptFiles] = parsed.files as [string, ...string[]]
  const model = openScenario(io, scenarioFile, 'form')
  if (!model) return 1
  if (parsed.format === 'moodle') {
    io.write(exportMoodleFramework(model))
    return 0
  }
  const scored: ScoredAttempt[] = []
  let refused = false
  for (const file of attemptFiles) {
    const attempt = openAttempt(io, file)
    const result = attempt && scoreAttempt(model, attempt)
    if (!attempt || !result) refused = true
    else if (!result.ok) {
      reportScoring(io, { scenario: scenarioFile, attempt: file }, result.problems)
      refused = true
    } else scored.push({ model, attempt, result: result.value })
  }
  if (refused) return 1
  io.write(formatScored(parsed.format, scored))
  return 0
}

/**
 * Scored attempts as an export's text, with the engine's exporters — the one formatting the
 * file command, `export --db` and the server's export route share: `csv` the gradebook, `xapi`
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
