import { useMemo, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { formatDuration } from '../panels/AttemptClock.tsx'
import type { CohortRow } from './cohort.ts'

export interface CohortTableProps {
  readonly rows: readonly CohortRow[]
  readonly competencies: readonly string[]
  readonly selected: string | null
  readonly onSelect: (key: string) => void
}

type SortKey = 'learner' | 'scenario' | 'mode' | 'date' | 'durationMs' | 'percent' | 'status'

/** Every attempt in a table, sortable by a click on a column, filterable by text and status. */
export function CohortTable({ rows, competencies, selected, onSelect }: CohortTableProps) {
  const { t } = useTranslation()
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'learner', up: true })
  const [filter, setFilter] = useState('')
  const [status, setStatus] = useState('')
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    const kept = rows.filter(
      (r) =>
        (!status || r.status === status) &&
        (!needle || `${r.learner} ${r.scenario}`.toLowerCase().includes(needle)),
    )
    const dir = sort.up ? 1 : -1
    return [...kept].sort((a, b) => {
      const x = a[sort.key]
      const y = b[sort.key]
      return (
        (typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y))) * dir
      )
    })
  }, [rows, filter, status, sort])
  const header = (key: SortKey) => (
    <th aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
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
              {header('learner')}
              {header('scenario')}
              {header('mode')}
              {header('date')}
              {header('durationMs')}
              {header('percent')}
              {header('status')}
              {competencies.map((c) => (
                <th key={c}>{c}</th>
              ))}
              <th>{t('review.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} className={r.key === selected ? 'selected' : ''} data-attempt={r.key}>
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
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
