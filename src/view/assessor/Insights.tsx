import { useTranslation } from '../i18n/useTranslation.ts'
import type { Tally } from './cohort.ts'

export interface InsightsProps {
  readonly missed: readonly Tally[]
  readonly outOfOrder: readonly Tally[]
  readonly hazards: readonly Tally[]
}

/** What the cohort gets wrong most: steps missed or out of order, hazards triggered. */
export function Insights({ missed, outOfOrder, hazards }: InsightsProps) {
  const { t } = useTranslation()
  const list = (title: string, tallies: readonly Tally[]) => (
    <div>
      <h3>{title}</h3>
      {tallies.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ol>
          {tallies.slice(0, 5).map((x) => (
            <li key={x.id}>
              {x.id} <strong>×{x.count}</strong>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
  return (
    <section className="insights" aria-label={t('review.insights')}>
      {list(t('review.missed'), missed)}
      {list(t('review.outOfOrder'), outOfOrder)}
      {list(t('review.hazards'), hazards)}
    </section>
  )
}
