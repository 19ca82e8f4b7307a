import { useTranslation } from '../i18n/useTranslation.ts'
import type { CohortRow } from './cohort.ts'

export interface HeatMapProps {
  readonly rows: readonly CohortRow[]
  readonly competencies: readonly string[]
}

/** Competency ratios by learner (their best attempt), as coloured cells. */
export function HeatMap({ rows, competencies }: HeatMapProps) {
  const { t } = useTranslation()
  const learners = [...new Set(rows.map((r) => r.learner))].sort()
  const best = (learner: string, c: string): number | undefined => {
    const values = rows
      .filter((r) => r.learner === learner && r.ratios[c] !== undefined)
      .map((r) => r.ratios[c]!)
    return values.length ? Math.max(...values) : undefined
  }
  return (
    <section className="heatmap" aria-label={t('review.heatmap')}>
      <h2>{t('review.heatmap')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('review.column.learner')}</th>
            {competencies.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {learners.map((l) => (
            <tr key={l}>
              <th>{l}</th>
              {competencies.map((c) => {
                const v = best(l, c)
                return (
                  <td
                    key={c}
                    style={
                      v === undefined
                        ? {}
                        : { background: `hsl(${Math.round(v * 120)}, 65%, ${85 - v * 25}%)` }
                    }
                  >
                    {v === undefined ? '' : `${Math.round(v * 100)}`}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
