import { useMemo, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { formatDuration } from '../panels/AttemptClock.tsx'
import { getShownRows, type CohortRow, type CohortSortKey } from './cohort.ts'

export interface CohortTableProps {
  readonly rows: readonly CohortRow[]
  readonly competencies: readonly string[]
  readonly selected: string | null
  readonly onSelect: (key: string) => void
}

/** One attempt's row: who (a button that opens it), on what, how it went, and its flags. */
function CohortRowView({
  row: r,
  competencies,
  selected,
  onSelect,
}: {
  row: CohortRow
  competencies: readonly string[]
  selected: boolean
  onSelect: (key: string) => void
}) {
  const { t } = useTranslation()
  return (
    <tr className={selected ? 'selected' : ''} data-attempt={r.key}>
      <td>
        <button type="button" onClick={() => onSelect(r.key)}>
          {r.learner}
        </button>
      </td>
      <td>{r.scenario}</td>
      <td>{t(`library.${r.mode}`)}</td>
      <td>{r.date.slice(0, 16).replace('T', ' ')}</td>
      <td>{formatDuration(r.durationMs)}</td>
      <td>{r.percent.toFixed(1)} %</td>
      <td className={`status-${r.status}`}>{t(`result.status.${r.status}`)}</td>
      {competencies.map((c) => (
        <td key={c} data-level={r.levels[c] ?? ''}>
          {r.levels[c] ? t(`result.level.${r.levels[c]}`) : '—'}
        </td>
      ))}
      <td>
        {r.flags.map((f) => (
          <span key={f} className={`flag flag-${f}`}>
            {t(`review.flag.${f}`)}
          </span>
        ))}
      </td>
    </tr>
  )
}

const COLUMNS: readonly CohortSortKey[] = [
  'learner',
  'scenario',
  'mode',
  'date',
  'durationMs',
  'percent',
  'status',
]

/** Every attempt in a table, sortable by a click on a column, filterable by text and status. */
export function CohortTable({ rows, competencies, selected, onSelect }: CohortTableProps) {
  const { t } = useTranslation()
  const [sort, setSort] = useState<{ key: CohortSortKey; up: boolean }>({
    key: 'learner',
    up: true,
  })
  const [filter, setFilter] = useState('')
  const [status, setStatus] = useState('')
  const shown = useMemo(
    () => getShownRows(rows, filter, status, sort),
    [rows, filter, status, sort],
  )
  const header = (key: CohortSortKey) => (
    <th key={key} aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        onClick={() => setSort({ key, up: sort.key === key ? !sort.up : true })}
      >
        {t(`review.column.${key}`)}
        {sort.key === key ? (sort.up ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  )
  const counts = (s: string) => rows.filter((r) => r.status === s).length
  return (
    <section className="cohort" aria-label={t('review.cohort')}>
      <div className="cohort-controls">
        <label>
          {t('review.filter')} <input value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label>
          {t('review.column.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('review.all')}</option>
            {(['passed', 'failed', 'pending'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`result.status.${s}`)} ({counts(s)})
              </option>
            ))}
          </select>
        </label>
        <span role="status">
          {t('review.showing', { shown: shown.length, total: rows.length })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="cohort-table">
          <thead>
            <tr>
              {COLUMNS.map(header)}
              {competencies.map((c) => (
                <th key={c}>{c}</th>
              ))}
              <th>{t('review.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <CohortRowView
                key={r.key}
                row={r}
                competencies={competencies}
                selected={r.key === selected}
                onSelect={onSelect}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
