// Figures over a cohort of scored attempts, for the review screen: rows to sort and filter,
// the steps most often missed or done out of order, the hazards most often triggered.
import type { Level } from '../../core/index.ts'
import type { ReviewItem } from '../../state/reviewImport.ts'

export interface CohortRow {
  readonly key: string
  readonly learner: string
  readonly scenario: string
  readonly mode: string
  readonly date: string
  readonly durationMs: number
  readonly percent: number
  readonly status: string
  readonly levels: Readonly<Record<string, Level>>
  readonly ratios: Readonly<Record<string, number>>
  readonly flags: readonly ('warning' | 'mismatch')[]
}

/** The columns the cohort table sorts by. */
export type CohortSortKey =
  'learner' | 'scenario' | 'mode' | 'date' | 'durationMs' | 'percent' | 'status'

/**
 * The rows shown: those of `status` (all when empty) whose learner or scenario contains the
 * filter text (any case), sorted by a column, numbers as numbers. Pure.
 */
export function getShownRows(
  rows: readonly CohortRow[],
  filter: string,
  status: string,
  sort: { readonly key: CohortSortKey; readonly up: boolean },
): CohortRow[] {
  const needle = filter.trim().toLowerCase()
  const kept = rows.filter(
    (r) =>
      (!status || r.status === status) &&
      (!needle || `${r.learner} ${r.scenario}`.toLowerCase().includes(needle)),
  )
  const dir = sort.up ? 1 : -1
  return kept.sort((a, b) => {
    const x = a[sort.key]
    const y = b[sort.key]
    return (
      (typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y))) * dir
    )
  })
}

/** A table row per scored attempt. Pure. */
export function getRows(items: readonly ReviewItem[]): CohortRow[] {
  return items.flatMap((i) => {
    if (!i.attempt || !i.result) return []
    const r = i.result
    return [
      {
        key: i.key,
        learner: i.attempt.learner?.name || i.attempt.learner?.id || '?',
        scenario: `${r.scenario.id} ${r.scenario.version}`,
        mode: i.attempt.mode,
        date: i.attempt.startedAt ?? '',
        durationMs: r.durationMs,
        percent: r.score.percent,
        status: r.status,
        levels: Object.fromEntries(r.competencies.map((c) => [c.id, c.level])),
        ratios: Object.fromEntries(r.competencies.map((c) => [c.id, c.ratio])),
        flags: [
          ...(r.warnings.length > 0 ? (['warning'] as const) : []),
          ...(i.mismatch ? (['mismatch'] as const) : []),
        ],
      },
    ]
  })
}

export interface Tally {
  readonly id: string
  readonly count: number
}

/** Steps missed, steps done out of order and hazards triggered, most frequent first. Pure. */
export function getTallies(items: readonly ReviewItem[]): {
  missed: Tally[]
  outOfOrder: Tally[]
  hazards: Tally[]
} {
  const missed = new Map<string, number>()
  const outOfOrder = new Map<string, number>()
  const hazards = new Map<string, number>()
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1)
  for (const i of items) {
    if (!i.result) continue
    const scenario = i.result.scenario.id
    for (const s of i.result.steps) {
      if (!s.complete) bump(missed, `${scenario} › ${s.id}`)
      else if (s.outOfOrder) bump(outOfOrder, `${scenario} › ${s.id}`)
    }
    for (const h of i.result.hazards) bump(hazards, `${scenario} › ${h.id}`)
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
  return { missed: sorted(missed), outOfOrder: sorted(outOfOrder), hazards: sorted(hazards) }
}
