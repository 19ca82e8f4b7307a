import type { Attempt, Model } from '../../core/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useScenarioText } from '../useScenarioText.ts'

export interface JudgementPanelProps {
  readonly model: Model
  readonly attempt: Attempt
  readonly onMark: (judgement: string, mark: number | null) => void
}

/** The assessor's marks, 0 to maxMark for each quality aspect, with its guide; who marked and when. */
export function JudgementPanel({ model, attempt, onMark }: JudgementPanelProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const judgements = model.scenario.judgements ?? []
  if (judgements.length === 0) return null
  return (
    <section className="judgements" aria-label={t('result.judgements')}>
      <h3>{t('result.judgements')}</h3>
      {judgements.map((j, i) => {
        const given = attempt.judgements?.[j.id] ?? null
        // the compiled model holds the mark in force, the spec's default applied
        const max = model.judgements[i]!.maxMark
        return (
          <fieldset key={j.id} data-judgement={j.id}>
            <legend>
              {names.text(j.title)} ({j.points} {t('result.points')})
            </legend>
            {j.guide !== undefined && <p className="muted">{names.text(j.guide)}</p>}
            <label>
              <input
                type="radio"
                name={`mark-${j.id}`}
                checked={given?.mark == null}
                onChange={() => onMark(j.id, null)}
              />
              {t('result.notMarked')}
            </label>
            {Array.from({ length: max + 1 }, (_, m) => (
              <label key={m}>
                <input
                  type="radio"
                  name={`mark-${j.id}`}
                  checked={given?.mark === m}
                  onChange={() => onMark(j.id, m)}
                />
                {m}
              </label>
            ))}
            {given?.mark != null && (
              <p className="muted">
                {t('review.markedBy', { assessor: given.assessor ?? '?', at: given.at ?? '?' })}
              </p>
            )}
          </fieldset>
        )
      })}
    </section>
  )
}
