import { useState } from 'react'
import { failureKind, type ForwardStatus } from '../../../state/classroom/lrsForward.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { ConfirmBox } from './ConfirmBox.tsx'
import { formatWhen } from './words.ts'

export interface LrsForwardStatusProps {
  /** the server's figures, null until read */
  readonly status: ForwardStatus | null
  readonly onRefresh: () => void
  readonly onRetry: () => void
  /** stop sending: called once the admin has confirmed it */
  readonly onRemove: () => void
}

/**
 * The forwarding card's dashboard: where the statements go, sending or paused, how many wait, how
 * many were delivered, how many were refused, the last failure; refresh, try again now, and stop
 * sending (asked first).
 */
export function LrsForwardStatus({ status, onRefresh, onRetry, onRemove }: LrsForwardStatusProps) {
  const { t, i18n } = useTranslation()
  const [removing, setRemoving] = useState(false)

  const when = (iso: string) => formatWhen(iso, i18n.language)
  const state = (s: ForwardStatus) =>
    s.paused
      ? t('lrsForward.status.paused')
      : s.nextAttemptAt
        ? t('lrsForward.status.waiting', { time: when(s.nextAttemptAt) })
        : t('lrsForward.status.sending')
  const failure = (s: ForwardStatus) => {
    if (!s.lastError) return t('lrsForward.status.none')
    const what = t(`lrsForward.status.${failureKind(s.lastError.status)}`, {
      status: s.lastError.status ?? '',
    })
    return t('lrsForward.status.failureAt', {
      what,
      time: when(s.lastError.at),
      message: s.lastError.message,
    })
  }

  return (
    <>
      <h3 id="lrs-forward-status">{t('lrsForward.status.title')}</h3>
      {status && !status.configured && <p>{t('lrsForward.status.notSet')}</p>}
      {status?.configured && (
        <dl className="lrs-forward-figures" aria-labelledby="lrs-forward-status">
          <dt>{t('lrsForward.status.sendsTo')}</dt>
          <dd>
            <code>{status.endpoint}</code>
          </dd>
          <dt>{t('lrsForward.status.state')}</dt>
          <dd>{state(status)}</dd>
          <dt>{t('lrsForward.status.pending')}</dt>
          <dd>{status.pending}</dd>
          <dt>{t('lrsForward.status.delivered')}</dt>
          <dd>
            {status.lastDeliveredAt
              ? t('lrsForward.status.deliveredAt', {
                  count: status.delivered,
                  time: when(status.lastDeliveredAt),
                })
              : status.delivered}
          </dd>
          <dt>{t('lrsForward.status.refused')}</dt>
          <dd>{status.refused}</dd>
          <dt>{t('lrsForward.status.lastFailure')}</dt>
          <dd>{failure(status)}</dd>
        </dl>
      )}
      {status?.configured && (
        <p>
          <button type="button" onClick={onRefresh}>
            {t('lrsForward.status.refresh')}
          </button>{' '}
          <button type="button" onClick={onRetry}>
            {t('lrsForward.retry')}
          </button>{' '}
          <button type="button" className="danger" onClick={() => setRemoving(true)}>
            {t('lrsForward.remove')}
          </button>
        </p>
      )}
      {removing && status?.endpoint && (
        <ConfirmBox
          label={t('lrsForward.remove')}
          warning={t('lrsForward.removeWarning', { endpoint: status.endpoint })}
          confirm={t('lrsForward.remove')}
          onConfirm={() => {
            setRemoving(false)
            onRemove()
          }}
          onCancel={() => setRemoving(false)}
        />
      )}
    </>
  )
}
