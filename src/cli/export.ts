// The export command: scored attempts as result JSON, a gradebook CSV or xAPI statements, and
// a scenario's competencies as a Moodle framework. Reads files; the exporters do the rest.
import {
  EXPORT_FORMATS,
  exportMoodleFramework,
  formatScored,
  scoreAttempt,
  type ExportFormat,
  type ScoredAttempt,
} from '../core/index.ts'
import { openAttempt, openScenario, reportScoring, type Io } from './files.ts'
import type { CommandLine } from './main.ts'

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
