import { useTranslation } from '../i18n/useTranslation.ts'
import type { Model } from '../../core/index.ts'
import { useScenarioText } from '../useScenarioText.ts'

export interface ScenarioCardProps {
  readonly model: Model
  readonly onStart: () => void
}

/** One scenario in the catalogue: title, trade, minutes, languages, competencies, and Start. */
export function ScenarioCard({ model, onStart }: ScenarioCardProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const s = model.scenario
  return (
    <li className="card" data-scenario={s.id}>
      <h3>{names.text(s.title)}</h3>
      {s.description !== undefined && <p>{names.text(s.description)}</p>}
      <p className="meta">
        {s.industry && <span>{s.industry}</span>}
        {s.estimatedMinutes !== undefined && (
          <span>{t('library.minutes', { count: s.estimatedMinutes })}</span>
        )}
        <span>
          {t('library.languages')}: {model.locales.join(', ')}
        </span>
      </p>
      {s.competencies.length > 0 && (
        <p className="competency-list">
          {t('library.competencies')}: {s.competencies.map((c) => names.text(c.title)).join(' · ')}
        </p>
      )}
      <button
        type="button"
        className="primary"
        onClick={onStart}
        aria-label={`${t('library.start')}: ${names.text(s.title)}`}
      >
        {t('library.start')}
      </button>
    </li>
  )
}
