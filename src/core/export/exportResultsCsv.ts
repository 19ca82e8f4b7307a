// The assessor's gradebook: one CSV row per scored attempt, one column per competency.
// Reads results; decides nothing about scores, levels or pass marks.
import { csvFile, safeText } from './csv.ts'
import type { ScoredAttempt } from './scoredAttempt.ts'

const FIXED_HEADER = [
  'learner id',
  'learner name',
  'attempt id',
  'scenario id',
  'scenario version',
  'mode',
  'started at',
  'duration (s)',
  'raw',
  'max',
  'percent',
  'status',
]

/**
 * A gradebook: one row per attempt — learner id, learner name, attempt id, scenario id, scenario
 * version, mode, started at (as the attempt recorded it), duration in seconds, raw, max, percent
 * (1 decimal), status — then one column per competency, the union over all attempts' scenarios
 * in first-seen order, headed `ID (%)`; its cell is the competency's ratio as a percentage with
 * 1 decimal, and empty when that attempt's scenario lacks the competency or it is not-assessed.
 * When any row names the revision of a stored result, a `revision` column follows `status`
 * (empty for a row without one); without revisions the columns are exactly the ones above.
 * RFC 4180 with CRLF line ends, UTF-8 with a byte-order mark; text from files that a spreadsheet
 * would run as a formula gets a leading apostrophe. Pure.
 */
export function exportResultsCsv(rows: readonly ScoredAttempt[]): string {
  const competencyIds: string[] = []
  const seen = new Set<string>()
  for (const { result } of rows) {
    for (const c of result.competencies) {
      if (!seen.has(c.id)) {
        seen.add(c.id)
        competencyIds.push(c.id)
      }
    }
  }
  const revised = rows.some((r) => r.revision !== undefined)
  const header = [
    ...FIXED_HEADER,
    ...(revised ? ['revision'] : []),
    ...competencyIds.map((id) => `${id} (%)`),
  ]
  const body = rows.map(({ attempt, result, revision }) => {
    const byId = new Map(result.competencies.map((c) => [c.id, c]))
    return [
      safeText(attempt.learner?.id ?? ''),
      safeText(attempt.learner?.name ?? ''),
      safeText(attempt.id),
      result.scenario.id,
      result.scenario.version,
      attempt.mode,
      safeText(attempt.startedAt ?? ''),
      formatNumber(result.durationMs / 1000),
      formatNumber(result.score.raw),
      formatNumber(result.score.max),
      result.score.percent.toFixed(1),
      result.status,
      ...(revised ? [revision === undefined ? '' : String(revision)] : []),
      ...competencyIds.map((id) => {
        const c = byId.get(id)
        return c === undefined || c.level === 'not-assessed' ? '' : (c.ratio * 100).toFixed(1)
      }),
    ]
  })
  return csvFile([header, ...body])
}

/** A number as a spreadsheet reads it: at most 3 decimals, no exponent for everyday sizes. */
function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000)
}
