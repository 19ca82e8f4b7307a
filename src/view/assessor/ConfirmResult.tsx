import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { Status } from '../../core/index.ts'
import {
  badgesApi,
  credentialName,
  type AttemptCredentials,
  type CredentialSummary,
} from '../../state/classroom/badgesApi.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import type { ApiRefusal } from '../../state/classroom/staffApi.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { ConfirmBox } from '../classroom/staff/ConfirmBox.tsx'
import { refusalText } from '../classroom/staff/refusalText.ts'
import { formatWhen } from '../classroom/staff/words.ts'

export interface ConfirmResultProps {
  readonly attemptId: string
  /** the result's verdict as the review shows it: a pending one cannot be confirmed yet */
  readonly status: Status
  /** the stored result's revision: read again when a mark changes it */
  readonly revision: number | null
}

/** A refusal in plain words: this feature's own codes first, then the staff's. */
function useRefusalText() {
  const { t } = useTranslation()
  return (refusal: ApiRefusal) =>
    t(`badges.errors.${refusal.code}`, { defaultValue: '' }) || refusalText(t, refusal)
}

/** One issued credential: what, when, download, and (for an admin or who confirmed) revoke. */
function CredentialRow(props: {
  attemptId: string
  credential: CredentialSummary
  mayRevoke: boolean
  onRevoke: (c: CredentialSummary) => void
}) {
  const { t, i18n } = useTranslation()
  const { credential: c } = props
  const name = credentialName(c, i18n.language)
  return (
    <li className="credential">
      <strong>{name}</strong> · {t(`badges.kind.${c.kind}`)} ·{' '}
      {c.revokedAt
        ? t('badges.list.revoked', { when: formatWhen(c.revokedAt, i18n.language) })
        : t('badges.list.issued', { when: formatWhen(c.issuedAt, i18n.language) })}{' '}
      <a
        href={badgesApi.fileOf(props.attemptId, c.id)}
        download
        aria-label={t('badges.list.downloadLabel', { name })}
      >
        {t('badges.list.download')}
      </a>
      {props.mayRevoke && !c.revokedAt && (
        <>
          {' '}
          <button
            type="button"
            aria-label={t('badges.list.revokeLabel', { name })}
            onClick={() => props.onRevoke(c)}
          >
            {t('badges.list.revoke')}
          </button>
        </>
      )}
    </li>
  )
}

/**
 * The assessor's confirmation of an attempt's result (server mode): who confirmed it and when,
 * and the Open Badges credentials it issued, each to download or revoke; before it, the button
 * that confirms (the server scores the attempt again itself and issues the credentials).
 */
export function ConfirmResult({ attemptId, status, revision }: ConfirmResultProps) {
  const { t, i18n } = useTranslation()
  const explain = useRefusalText()
  const user = useStore(sessionStore, (s) => s.user)
  const [state, setState] = useState<AttemptCredentials | null>(null)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  // what was just done, said in the language shown now
  const [said, setSaid] = useState<{ confirmed: number } | { revoked: CredentialSummary } | null>(
    null,
  )
  const [revoking, setRevoking] = useState<CredentialSummary | null>(null)

  useEffect(() => {
    let live = true
    void badgesApi.ofAttempt(attemptId).then((answer) => {
      if (!live) return
      if (answer.ok) setState(answer.value)
      else setRefusal(answer.error)
    })
    return () => {
      live = false
    }
  }, [attemptId, revision])

  const confirm = async () => {
    setBusy(true)
    setRefusal(null)
    const answer = await badgesApi.confirm(attemptId)
    setBusy(false)
    if (!answer.ok) return setRefusal(answer.error)
    setState(answer.value)
    setSaid({ confirmed: answer.value.credentials.length })
  }
  const revoke = async (c: CredentialSummary) => {
    setRevoking(null)
    setRefusal(null)
    const answer = await badgesApi.revoke(attemptId, c.id)
    if (!answer.ok) return setRefusal(answer.error)
    setState(
      (s) =>
        s && {
          ...s,
          credentials: s.credentials.map((x) => (x.id === c.id ? answer.value : x)),
        },
    )
    setSaid({ revoked: c })
  }

  const confirmation = state?.confirmation ?? null
  // a mark changed the result after it was confirmed: it may be confirmed again
  const changed = !!confirmation && revision !== null && revision !== confirmation.revision
  const credentials = state?.credentials ?? []
  const mayRevoke = user?.role === 'admin' || (!!user && confirmation?.byId === user.id)
  return (
    <section className="confirm-result" aria-labelledby={`credentials-${attemptId}`}>
      <h3 id={`credentials-${attemptId}`}>{t('badges.title')}</h3>
      {state && !confirmation && (
        <>
          <p className="muted">{t('badges.confirm.explain')}</p>
          {status === 'pending' && <p>{t('badges.confirm.pending')}</p>}
          <button
            type="button"
            className="primary"
            disabled={busy || status === 'pending'}
            onClick={() => void confirm()}
          >
            {busy ? t('badges.confirm.busy') : t('badges.confirm.button')}
          </button>
        </>
      )}
      {confirmation && (
        <>
          <p>
            {confirmation.by
              ? t('badges.confirm.by', {
                  name: confirmation.by,
                  when: formatWhen(confirmation.at, i18n.language),
                })
              : t('badges.confirm.byUnknown', { when: formatWhen(confirmation.at, i18n.language) })}
          </p>
          {credentials.length === 0 ? (
            <p>{t('badges.confirm.none')}</p>
          ) : (
            <ul className="credentials">
              {credentials.map((c) => (
                <CredentialRow
                  key={c.id}
                  attemptId={attemptId}
                  credential={c}
                  mayRevoke={mayRevoke}
                  onRevoke={setRevoking}
                />
              ))}
            </ul>
          )}
        </>
      )}
      {changed && (
        <>
          <p>{t('badges.confirm.changed')}</p>
          <button
            type="button"
            className="primary"
            disabled={busy || status === 'pending'}
            onClick={() => void confirm()}
          >
            {busy ? t('badges.confirm.busy') : t('badges.confirm.again')}
          </button>
        </>
      )}
      {revoking && (
        <ConfirmBox
          label={t('badges.list.revokeLabel', { name: credentialName(revoking, i18n.language) })}
          warning={t('badges.list.revokeWarning', {
            name: credentialName(revoking, i18n.language),
          })}
          confirm={t('badges.list.revokeConfirm')}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
      {refusal && (
        <p className="staff-refusal" role="alert">
          {explain(refusal)}
        </p>
      )}
      <p role="status">
        {said === null
          ? ''
          : 'confirmed' in said
            ? t('badges.confirm.done', { count: said.confirmed })
            : t('badges.list.revokedNow', { name: credentialName(said.revoked, i18n.language) })}
      </p>
    </section>
  )
}
