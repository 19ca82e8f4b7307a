import { useStore } from 'zustand'
import { inboxStore } from '../../../state/classroom/liveInbox.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import './liveInbox.css'

/** A time of day in the interface's language. */
const timeOf = (iso: string, language: string) => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(date)
}

/**
 * The instructor's messages on the learner's screen while they play an assignment (a polite live
 * region: read out when they arrive, without interrupting), each dismissable, and the notice that
 * the instructor ended the assignment. The message is the instructor's own words, as sent.
 */
export function LiveInbox() {
  const { t, i18n } = useTranslation()
  const messages = useStore(inboxStore, (s) => s.messages)
  const ended = useStore(inboxStore, (s) => s.ended)
  const active = useStore(inboxStore, (s) => s.assignmentId !== undefined)
  if (!active && !ended) return null
  return (
    <section className="live-inbox" aria-label={t('liveActions.inbox.region')}>
      <div aria-live="polite" aria-relevant="additions text">
        {ended && (
          <div className="live-inbox-item live-inbox-ended">
            <p>{t('liveActions.inbox.ended')}</p>
            <button type="button" onClick={() => inboxStore.getState().dismissEnded()}>
              {t('liveActions.inbox.endedDismiss')}
            </button>
          </div>
        )}
        {messages.length > 0 && (
          <ul>
            {messages.map((m) => {
              const when = timeOf(m.sentAt, i18n.language)
              return (
                <li key={m.seq} className="live-inbox-item">
                  <p className="live-inbox-from">
                    <strong>{t('liveActions.inbox.from')}</strong>,{' '}
                    {t(m.toClass ? 'liveActions.inbox.toClass' : 'liveActions.inbox.toYou')},{' '}
                    {t('liveActions.inbox.at', { time: when })}
                  </p>
                  <p className="live-inbox-text" id={`live-inbox-${m.seq}`} dir="auto">
                    {m.text}
                  </p>
                  <button
                    type="button"
                    aria-describedby={`live-inbox-${m.seq}`}
                    title={t('liveActions.inbox.dismissMessage', { when })}
                    onClick={() => inboxStore.getState().dismiss(m.seq)}
                  >
                    {t('liveActions.inbox.dismiss')}
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </div>
    </section>
  )
}
