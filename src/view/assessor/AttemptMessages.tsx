import { useEffect, useState } from 'react'
import type { ApiRefusal } from '../../state/classroom/staffApi.ts'
import type { LiveMessage } from '../../api/live.ts'
import { liveCommandsApi } from '../../state/live/liveCommands.ts'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'
import { formatWhen } from '../classroom/staff/words.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface AttemptMessagesProps {
  readonly attemptId: string
}

/**
 * What the instructor sent the learner while this attempt was under way (to them, or to the
 * class, and "end now"), as the server kept it: beside the attempt, for the assessor.
 */
export function AttemptMessages({ attemptId }: AttemptMessagesProps) {
  const { t, i18n } = useTranslation()
  const [messages, setMessages] = useState<readonly LiveMessage[] | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)

  useEffect(() => {
    let live = true
    void i18n.loadSection('liveActions').catch(() => {})
    void liveCommandsApi.duringAttempt(attemptId).then((answer) => {
      if (!live) return
      if (answer.ok) {
        setMessages(answer.value)
        setRefusal(null)
      } else setRefusal(answer.error)
    })
    return () => {
      live = false
    }
  }, [attemptId, i18n])

  if (!i18n.hasSection('liveActions')) return null
  const when = (iso: string) => formatWhen(iso, i18n.language)
  return (
    <section
      className="attempt-messages"
      aria-label={t('liveActions.assessor.title', { count: messages?.length ?? 0 })}
    >
      <h3>{t('liveActions.assessor.title', { count: messages?.length ?? 0 })}</h3>
      <RefusalNote refusal={refusal} />
      {messages && messages.length === 0 && <p>{t('liveActions.assessor.none')}</p>}
      {messages && messages.length > 0 && (
        <ul>
          {messages.map((m) => (
            <li key={m.seq}>
              <span className="attempt-message-by">
                {m.sentBy
                  ? t('liveActions.assessor.by', { name: m.sentBy, time: when(m.sentAt) })
                  : t('liveActions.assessor.byUnknown', { time: when(m.sentAt) })}
              </span>{' '}
              {m.kind === 'end' ? (
                t('liveActions.assessor.ended')
              ) : (
                <>
                  <span className="attempt-message-to">
                    {t(
                      m.toClass ? 'liveActions.assessor.toClass' : 'liveActions.assessor.toLearner',
                    )}
                    :
                  </span>{' '}
                  <span dir="auto">{m.text}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
