import { useTranslation } from '../i18n/useTranslation.ts'
import { getLocalText, type Text } from '../../core/index.ts'
import type { ScenarioCardInfo } from '../../state/scenarioCard.ts'

export interface ScenarioCardProps {
  readonly info: ScenarioCardInfo
  readonly onStart: () => void
}

/** One scenario in the catalogue: title, trade, minutes, languages, competencies, and Start. */
export function ScenarioCard({ info, onStart }: ScenarioCardProps) {
  const { t, i18n } = useTranslation()
  // in the interface language, else the scenario's default, as the play screen shows it
  const text = (value: Text) => getLocalText(value, i18n.language, info.locales[0] ?? 'en')
  return (
    <li className="card" data-scenario={info.id}>
      <h3>{text(info.title)}</h3>
      {info.description !== undefined && <p>{text(info.description)}</p>}
      <p className="meta">
        {info.industry && <span>{info.industry}</span>}
        {info.estimatedMinutes !== undefined && (
          <span>{t('library.minutes', { count: info.estimatedMinutes })}</span>
        )}
        <span>
          {t('library.languages')}: {info.locales.join(', ')}
        </span>
      </p>
      {info.competencies.length > 0 && (
        <p className="competency-list">
          {t('library.competencies')}: {info.competencies.map(text).join(' · ')}
        </p>
      )}
      <button
        type="button"
        className="primary"
        onClick={onStart}
        aria-label={`${t('library.start')}: ${text(info.title)}`}
      >
        {t('library.start')}
      </button>
    </li>
  )
}
