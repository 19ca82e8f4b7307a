import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import type { LiveMessage } from '../../api/live.ts'
import {
  createLiveActions,
  MESSAGE_MAX,
  type LiveActionsStore,
} from '../../state/live/liveCommands.ts'
import { ConfirmBox } from '../classroom/staff/ConfirmBox.tsx'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'
import { formatWhen } from '../classroom/staff/words.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import './LiveActions.css'

export interface LiveActionsProps {
  readonly assignmentId: string
  /** the learner the message goes to; without one, the whole class (and "end now") */
  readonly learnerId?: string
}

/** How long after "end now" the assignment closes (END_GRACE_MS on the server). */
const GRACE_SECONDS = 30

/**
 * The instructor's actions in the live view: a message to one learner or to the whole class
 * (shown at once on their screens, kept on the server), and, for the class, "end the assignment
 * now" after a confirmation.
 */
export function LiveActions({ assignmentId, learnerId }: LiveActionsProps) {
  const { t, i18n } = useTranslation()
  const store = useMemo(
    () => createLiveActions(assignmentId, learnerId ?? null),
    [assignmentId, learnerId],
  )
  const state = useStore(store)
  const [draft, setDraft] = useState('')
  const [lastSent, setLastSent] = useState<string | null>(null)
  const id = useId()
  const ready = i18n.hasSection('liveActions')
  // an assessor watches the class; the class's instructor and admins act on it
  const mayAct = useStore(
    sessionStore,
    (s) => s.user?.role === 'instructor' || s.user?.role === 'admin',
  )

  useEffect(() => {
    void i18n.loadSection('liveActions').catch(() => {})
  }, [i18n])
  useEffect(() => {
    void store.getState().refresh()
    setLastSent(null)
    setDraft('')
  }, [store])
  if (!ready || !mayAct) return null
  const when = (iso: string) => formatWhen(iso, i18n.language)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setLastSent(null)
    void store
      .getState()
      .send(draft)
      .then((ok) => {
        if (!ok) return
        const sent = store.getState().sent.at(-1)
        setLastSent(sent ? sent.sentAt : null)
        setDraft('')
      })
  }
  const problem =
    state.draftProblem === 'empty'
      ? t('liveActions.empty')
      : state.draftProblem === 'too-long'
        ? t('liveActions.tooLong', { max: MESSAGE_MAX })
        : null
  const label = learnerId ? t('liveActions.toLearner') : t('liveActions.toClass')

  return (
    <section className="staff-card live-actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('liveActions.title')}</h2>
      {state.closed ? (
        <p role="status">{t('liveActions.closed')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <label htmlFor={`${id}-text`}>{label}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            value={draft}
            maxLength={MESSAGE_MAX}
            aria-describedby={`${id}-hint ${id}-count`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <p id={`${id}-hint`} className="live-actions-hint">
            {t('liveActions.hint', { max: MESSAGE_MAX })}{' '}
            <span id={`${id}-count`}>
              {t('liveActions.count', { count: draft.length, max: MESSAGE_MAX })}
            </span>
          </p>
          <button type="submit" className="primary" disabled={state.busy !== null}>
            {state.busy === 'sending' ? t('liveActions.sending') : t('liveActions.send')}
          </button>
        </form>
      )}
      <p role="status" className="live-actions-status">
        {lastSent ? t('liveActions.sentAt', { time: when(lastSent) }) : ''}
      </p>
      {problem && (
        <p className="staff-refusal" role="alert">
          {problem}
        </p>
      )}
      <RefusalNote refusal={state.refusal} />
      <SentList sent={state.sent} when={when} />
      {!learnerId && !state.closed && <EndNow store={store} when={when} />}
    </section>
  )
}

/** What was sent to this learner or class so far, folded away. */
function SentList({
  sent,
  when,
}: {
  readonly sent: readonly LiveMessage[]
  readonly when: (iso: string) => string
}) {
  const { t } = useTranslation()
  return (
    <details className="live-actions-sent">
      <summary>{t('liveActions.sentList', { count: sent.length })}</summary>
      {sent.length === 0 ? (
        <p>{t('liveActions.noneSent')}</p>
      ) : (
        <ul>
          {sent.map((m) => (
            <SentLine key={m.seq} message={m} when={when(m.sentAt)} />
          ))}
        </ul>
      )}
    </details>
  )
}

/** "End the assignment now", after a confirmation; then when it closes. */
function EndNow({
  store,
  when,
}: {
  readonly store: LiveActionsStore
  readonly when: (iso: string) => string
}) {
  const { t } = useTranslation()
  const state = useStore(store)
  const [confirming, setConfirming] = useState(false)
  const endButton = useRef<HTMLButtonElement>(null)
  const wasConfirming = useRef(false)
  // the focus comes back to the button once the confirmation is gone
  useEffect(() => {
    if (wasConfirming.current && !confirming) endButton.current?.focus()
    wasConfirming.current = confirming
  }, [confirming])
  const end = () => {
    setConfirming(false)
    void store.getState().end()
  }
  return (
    <div className="live-actions-end">
      {state.closesAt ? (
        <p role="status">{t('liveActions.ending', { time: when(state.closesAt) })}</p>
      ) : state.endSent ? (
        <p role="status">{t('liveActions.endSent')}</p>
      ) : confirming ? (
        <ConfirmBox
          label={t('liveActions.endNow')}
          warning={t('liveActions.endWarning', { seconds: GRACE_SECONDS })}
          confirm={t('liveActions.endConfirm')}
          onConfirm={end}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button
          ref={endButton}
          type="button"
          className="danger"
          disabled={state.busy !== null}
          onClick={() => setConfirming(true)}
        >
          {t('liveActions.endNow')}
        </button>
      )}
    </div>
  )
}

function SentLine({ message, when }: { readonly message: LiveMessage; readonly when: string }) {
  const { t } = useTranslation()
  if (message.kind === 'end')
    return (
      <li>
        <span className="live-actions-when">{when}</span> {t('liveActions.endCommand')}
      </li>
    )
  return (
    <li>
      <span className="live-actions-when">{when}</span>{' '}
      <span className="live-actions-to">
        {t(message.toClass ? 'liveActions.sentToClass' : 'liveActions.sentToLearner')}:
      </span>{' '}
      <span dir="auto">{message.text}</span>
    </li>
  )
}
