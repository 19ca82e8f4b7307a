import { memo } from 'react'
import type { LiveLearner } from '../../api/live.ts'
import { isIdle } from '../../state/live/liveStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { formatDuration } from '../panels/AttemptClock.tsx'
import type { LiveWords } from './LiveWords.tsx'

export interface LearnerFactsProps {
  readonly learner: LiveLearner
  readonly words: LiveWords
  /** the server's time now, as this browser reckons it (ms) */
  readonly serverNow: number
  readonly idleMinutes: number
}

/** What the server's engine says of one learner: status, step, progress, time, hazards, score. */
export function LearnerFacts({ learner: l, words, serverNow, idleMinutes }: LearnerFactsProps) {
  const { t } = useTranslation()
  const idle = isIdle(l, serverNow, idleMinutes)
  const idleFor =
    idle && l.lastActivityAt ? Math.floor((serverNow - Date.parse(l.lastActivityAt)) / 60_000) : 0
  return (
    <>
      <p className="live-status">
        <span className={`live-badge live-badge-${l.status}`}>{t(`live.status.${l.status}`)}</span>
        {idle && (
          <span className="live-badge live-badge-idle" data-testid="idle">
            {t('live.idle', { minutes: idleFor })}
          </span>
        )}
      </p>
      {l.status === 'working' && (
        <p className="live-step" data-testid="step">
          {l.currentStep ? t('live.step', { step: words.step(l.currentStep) }) : t('live.noStep')}
        </p>
      )}
      {l.status !== 'not-started' && (
        <>
          <p className="live-progress">
            <span className="live-bar" aria-hidden="true">
              <span style={{ width: `${(100 * l.stepsDone) / Math.max(1, l.stepsTotal)}%` }} />
            </span>
            <span data-testid="progress">
              {t('live.progress', { done: l.stepsDone, total: l.stepsTotal })}
            </span>
          </p>
          <p className="live-time">{t('live.time', { time: formatDuration(l.elapsedMs) })}</p>
          <p className="live-hazards" data-testid="hazards">
            {l.hazards.length > 0
              ? t('live.hazards', {
                  list: l.hazards.map((h) => words.hazard(h)).join(t('live.listSeparator')),
                })
              : t('live.noHazards')}
          </p>
          {l.critical && (
            <p className="live-critical-note">
              <span aria-hidden="true">⚠ </span>
              {t('live.critical')}
            </p>
          )}
        </>
      )}
      {l.status === 'finished' && (
        <p className="live-score" data-testid="score">
          {l.score
            ? t('live.score', {
                percent: l.score.percent.toFixed(1),
                verdict: t(l.score.passed ? 'live.passed' : 'live.notPassed'),
              })
            : t('live.scoring')}
        </p>
      )}
    </>
  )
}

export interface LearnerCardProps extends LearnerFactsProps {
  /** opens the learner's live 3D view */
  onOpen(userId: string): void
}

/** One learner of the grid; a click (or Enter on the name) opens their live 3D view. */
export const LearnerCard = memo(function LearnerCard(props: LearnerCardProps) {
  const { t } = useTranslation()
  const { learner: l, serverNow, idleMinutes, onOpen } = props
  const idle = isIdle(l, serverNow, idleMinutes)
  const classes = ['live-card', `live-${l.status}`]
  if (l.critical) classes.push('live-critical')
  if (idle) classes.push('live-idle')
  return (
    // the card answers a click anywhere; the button in it is the way by keyboard
    <li
      className={classes.join(' ')}
      data-learner={l.learnerId}
      data-status={l.status}
      data-critical={l.critical ? 'true' : 'false'}
      data-idle={idle ? 'true' : 'false'}
      data-events={l.nextSeq}
      onClick={() => onOpen(l.userId)}
    >
      <h3>
        <button
          type="button"
          className="live-open"
          onClick={(e) => {
            e.stopPropagation()
            onOpen(l.userId)
          }}
        >
          {l.name}
          <span className="sr-only">: {t('live.open')}</span>
        </button>
      </h3>
      <p className="live-id">{t('live.learner.id', { id: l.learnerId })}</p>
      <LearnerFacts {...props} />
    </li>
  )
})
