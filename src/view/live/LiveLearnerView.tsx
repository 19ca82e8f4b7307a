import '../assessor/review.css'
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { Model } from '../../core/index.ts'
import { createFollowStore, fetchLiveAttempt } from '../../state/live/liveFollow.ts'
import { serverNow, type LiveStore } from '../../state/live/liveStore.ts'
import { ReplayView } from '../assessor/ReplayView.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { LearnerFacts } from './LearnerCard.tsx'
import type { LiveWords } from './LiveWords.tsx'

export interface LiveLearnerViewProps {
  readonly store: LiveStore
  readonly assignmentId: string
  readonly userId: string
  readonly model: Model | null
  readonly words: LiveWords
  readonly onBack: () => void
  /** the instructor's actions on this learner (LiveActions), where there are some */
  readonly actions?: ReactNode
}

/**
 * One learner live: their row of the grid and their attempt in the 3D scene, replayed by the
 * review's replay engine at its newest moment, fetching only the events stored since on each
 * update the stream sends for them.
 */
export function LiveLearnerView(props: LiveLearnerViewProps) {
  const { store, assignmentId, userId, model, words, onBack, actions } = props
  const { t } = useTranslation()
  const learner = useStore(store, (s) => s.learners[userId])
  const now = useStore(store, serverNow)
  const idleMinutes = useStore(store, (s) => s.idleMinutes)
  const follow = useMemo(
    () => createFollowStore(fetchLiveAttempt(assignmentId, userId)),
    [assignmentId, userId],
  )
  const attempt = useStore(follow, (s) => s.attempt)
  const started = useStore(follow, (s) => s.started)
  const ended = useStore(follow, (s) => s.ended)
  const error = useStore(follow, (s) => s.error)
  const heading = useRef<HTMLHeadingElement>(null)

  // each row the stream sends for this learner: fetch what is new
  const attemptId = learner?.attemptId ?? null
  const nextSeq = learner?.nextSeq ?? 0
  useEffect(() => {
    follow.getState().catchUp({ attemptId, nextSeq })
  }, [follow, attemptId, nextSeq])
  useEffect(() => heading.current?.focus(), [userId])
  // a new moment to show each time events arrive: the replay goes to its end
  const newest = useMemo(() => (attempt ? { t: Number.MAX_SAFE_INTEGER } : null), [attempt])

  const name = learner?.name ?? ''
  return (
    <section className="live-learner" aria-labelledby="live-learner-title">
      <div className="live-learner-head">
        <h2 id="live-learner-title" tabIndex={-1} ref={heading}>
          {t('live.learner.title', { name })}
        </h2>
        <button type="button" onClick={onBack}>
          {t('live.learner.back')}
        </button>
      </div>
      {learner && (
        <div className="live-card live-learner-facts" data-status={learner.status}>
          <p className="live-id">{t('live.learner.id', { id: learner.learnerId })}</p>
          <LearnerFacts learner={learner} words={words} serverNow={now} idleMinutes={idleMinutes} />
        </div>
      )}
      <p className="live-follow" role="status">
        {error
          ? t('live.learner.error')
          : started === false
            ? t('live.learner.notStarted', { name })
            : !attempt || !model
              ? t('live.learner.loading')
              : ended
                ? t('live.learner.ended', { name })
                : t('live.learner.following')}
      </p>
      <div className="live-learner-body">
        {attempt && model ? (
          <div className="live-replay" data-events={attempt.events.length}>
            <ReplayView model={model} attempt={attempt} jumpTo={newest} />
          </div>
        ) : (
          <div />
        )}
        {actions && <div className="live-learner-actions">{actions}</div>}
      </div>
    </section>
  )
}
