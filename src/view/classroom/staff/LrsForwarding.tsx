import { useCallback, useEffect, useState, type FormEvent } from 'react'
import {
  failureKind,
  forwardSettingsProblem,
  lrsForwardApi,
  type ForwardStatus,
} from '../../../state/classroom/lrsForward.ts'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { Field } from '../Field.tsx'
import { ConfirmBox } from './ConfirmBox.tsx'
import { RefusalNote } from './RefusalNote.tsx'
import { formatWhen } from './words.ts'

/** How often the dashboard asks the server for its figures while it is shown. */
const REFRESH_MS = 5_000

/**
 * The admin's card for sending the statements to the school's own learning record store: its
 * address and credentials (the secret is never shown back), paused or not; and the dashboard:
 * where they go, how many wait, how many were delivered, how many it refused, and the last
 * failure (what, when, its answer), with "try again now" and "stop sending".
 */
export function LrsForwarding() {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState<ForwardStatus | null>(null)
  const [endpoint, setEndpoint] = useState('')
  const [username, setUsername] = useState('')
  const [secret, setSecret] = useState('')
  const [paused, setPaused] = useState(false)
  const [mistake, setMistake] = useState<string | null>(null)
  const [said, setSaid] = useState('')
  const [removing, setRemoving] = useState(false)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)

  const show = useCallback((next: ForwardStatus, fillForm: boolean) => {
    setStatus(next)
    if (fillForm) {
      setEndpoint(next.endpoint ?? '')
      setUsername(next.username ?? '')
      setPaused(next.paused)
    }
  }, [])

  const refresh = useCallback(
    async (fillForm: boolean) => {
      const answer = await lrsForwardApi.status()
      if (!answer.ok) return setRefusal(answer.error)
      show(answer.value, fillForm)
    },
    [show],
  )

  useEffect(() => {
    void i18n.loadSection('lrsForward').catch(() => {})
    void refresh(true)
    const timer = setInterval(() => void refresh(false), REFRESH_MS)
    return () => clearInterval(timer)
  }, [i18n, refresh])

  if (!i18n.hasSection('lrsForward')) return null

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaid('')
    setRefusal(null)
    const problem = forwardSettingsProblem(endpoint, secret, status?.configured ?? false)
    if (problem) return setMistake(t(`lrsForward.form.problem.${problem}`))
    setMistake(null)
    const answer = await lrsForwardApi.save({
      endpoint: endpoint.trim(),
      username: username.trim(),
      ...(secret !== '' ? { secret } : {}),
      paused,
    })
    if (!answer.ok) return setRefusal(answer.error)
    setSecret('')
    show(answer.value, true)
    setSaid(t('lrsForward.form.saved'))
  }

  const retry = async () => {
    setSaid('')
    setRefusal(null)
    const answer = await lrsForwardApi.retry()
    if (!answer.ok) return setRefusal(answer.error)
    show(answer.value, false)
    setSaid(t('lrsForward.retried'))
  }

  const remove = async () => {
    setRemoving(false)
    setSaid('')
    setRefusal(null)
    const answer = await lrsForwardApi.remove()
    if (!answer.ok) return setRefusal(answer.error)
    setSecret('')
    show(answer.value, true)
    setSaid(t('lrsForward.removed'))
  }

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
    <section className="staff-card lrs-forward-card" aria-labelledby="lrs-forward-title">
      <h2 id="lrs-forward-title">{t('lrsForward.title')}</h2>
      <p>{t('lrsForward.intro')}</p>

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
          <button type="button" onClick={() => void refresh(false)}>
            {t('lrsForward.status.refresh')}
          </button>{' '}
          <button type="button" onClick={() => void retry()}>
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
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(false)}
        />
      )}

      {/* noValidate: the card's own check says what to fix, in the admin's language */}
      <form
        className="staff-form"
        aria-labelledby="lrs-forward-title"
        noValidate
        onSubmit={(e) => void save(e)}
      >
        <Field
          label={t('lrsForward.form.endpoint')}
          value={endpoint}
          onValue={setEndpoint}
          type="url"
          placeholder="https://lrs.school.example.org/xapi/"
          aria-describedby="lrs-forward-hint"
          aria-invalid={mistake !== null}
        />
        <p id="lrs-forward-hint" className="muted">
          {t('lrsForward.form.endpointHint')}
        </p>
        <Field
          label={t('lrsForward.form.username')}
          value={username}
          onValue={setUsername}
          maxLength={200}
          autoComplete="off"
        />
        <Field
          label={status?.configured ? t('lrsForward.form.secretKept') : t('lrsForward.form.secret')}
          value={secret}
          onValue={setSecret}
          type="password"
          maxLength={500}
          autoComplete="new-password"
        />
        <label className="check">
          <input type="checkbox" checked={paused} onChange={(e) => setPaused(e.target.checked)} />
          {t('lrsForward.form.paused')}
        </label>
        <button type="submit">{t('lrsForward.form.save')}</button>
      </form>
      {mistake && <p role="alert">{mistake}</p>}
      <RefusalNote refusal={refusal} />
      <p role="status">{said}</p>
    </section>
  )
}
