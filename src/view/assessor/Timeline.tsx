import { useMemo } from 'react'
import type { Attempt, Model } from '../../core/index.ts'
import { getReplay } from '../../state/replay.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { formatDuration } from '../panels/AttemptClock.tsx'
import { useScenarioText } from '../useScenarioText.ts'

export interface TimelineProps {
  readonly model: Model
  readonly attempt: Attempt
  readonly onJump: (t: number) => void
}

/** Every event of the attempt with its class and the steps and hazards it caused; a click replays to it. */
export function Timeline({ model, attempt, onJump }: TimelineProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  // the replay the scene plays, kept for the attempt: not run again here
  const final = useMemo(() => getReplay(model, attempt).final, [model, attempt])
  const outcomes = new Map(final.log.map((o) => [o.index, o]))
  return (
    <section className="timeline" aria-label={t('review.timeline')}>
      <h3>{t('review.timeline')}</h3>
      <ol>
        {attempt.events.map((e, index) => {
          const o = outcomes.get(index)
          const part = e.target === undefined ? undefined : model.componentIndex.get(e.target)
          return (
            <li
              key={index}
              className={`event event-${o?.class ?? 'unprocessed'}`}
              data-index={index}
            >
              <button type="button" onClick={() => onJump(e.t)}>
                {formatDuration(e.t)}
              </button>{' '}
              <strong>{e.action}</strong>{' '}
              {part === undefined ? (e.target ?? '') : names.label(part)}{' '}
              {e.value ? `→ ${names.state(e.value, part)}` : ''}{' '}
              <span className="event-class">
                {o ? t(`review.class.${o.class}`) : t('review.notProcessed')}
              </span>
              {o && o.steps.length > 0 && (
                <span className="caused">
                  {' '}
                  ✔ {o.steps.map((s) => model.steps[s]!.id).join(', ')}
                </span>
              )}
              {o && o.triggers.length > 0 && (
                <span className="caused bad">
                  {' '}
                  ⚠ {o.triggers.map((i) => model.hazards[final.triggers[i]!.hazard]!.id).join(', ')}
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
