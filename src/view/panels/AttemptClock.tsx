import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import type { AttemptStore } from '../../state/attemptStore.ts'

export interface AttemptClockProps {
  readonly store: AttemptStore
}

/** m:ss from milliseconds. Pure. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Time used, or in assessment mode with a limit, the time left. */
export function AttemptClock({ store }: AttemptClockProps) {
  const { t } = useTranslation()
  const seconds = useStore(store, (s) => Math.floor(s.sim.now / 1000))
  const limit = useStore(store, (s) => s.setup.model.scoring.timeLimitMs)
  const countdown = useStore(store, (s) => s.setup.mode === 'assessment') && limit !== undefined
  return (
    <div className="clock" role="timer" aria-live="off">
      <span>{t(countdown ? 'play.remaining' : 'play.elapsed')}</span>{' '}
      <strong>{formatDuration(countdown ? limit - seconds * 1000 : seconds * 1000)}</strong>
    </div>
  )
}
