import { useState } from 'react'
import { useStore } from 'zustand'
import type { Status } from '../../core/index.ts'
import { credentialName, type CredentialSummary } from '../../state/classroom/badgesApi.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import type { ApiRefusal } from '../../state/classroom/staffApi.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { ConfirmBox } from '../classroom/staff/ConfirmBox.tsx'
import { refusalText } from '../classroom/staff/refusalText.ts'
import { ConfirmedCredentials } from './ConfirmedCredentials.tsx'
import { useAttemptCredentials } from './useAttemptCredentials.ts'

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

/** The button that confirms the result (first, or again after a mark changed it). */
function ConfirmButton(props: {
  busy: boolean
  status: Status
  label: string
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="primary"
      disabled={props.busy || props.status === 'pending'}
      onClick={props.onConfirm}
    >
      {props.busy ? t('badges.confirm.busy') : props.label}
    </button>
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
  const { state, busy, refusal, said, confirm, revoke } = useAttemptCredentials(attemptId, revision)
  const [revoking, setRevoking] = useState<CredentialSummary | null>(null)

  const confirmation = state?.confirmation ?? null
  // a mark changed the result after it was confirmed: it may be confirmed again
  const changed = !!confirmation && revision !== null && revision !== confirmation.revision
  const mayRevoke = user?.role === 'admin' || (!!user && confirmation?.byId === user.id)
  const button = (label: string) => (
    <ConfirmButton busy={busy} status={status} label={label} onConfirm={() => void confirm()} />
  )
  return (
    <section className="confirm-result" aria-labelledby={`credentials-${attemptId}`}>
      <h3 id={`credentials-${attemptId}`}>{t('badges.title')}</h3>
      {state && !confirmation && (
        <>
          <p className="muted">{t('badges.confirm.explain')}</p>
          {status === 'pending' && <p>{t('badges.confirm.pending')}</p>}
          {button(t('badges.confirm.button'))}
        </>
      )}
      {confirmation && (
        <ConfirmedCredentials
          attemptId={attemptId}
          confirmation={confirmation}
          credentials={state?.credentials ?? []}
          mayRevoke={mayRevoke}
          onRevoke={setRevoking}
        />
      )}
      {changed && (
        <>
          <p>{t('badges.confirm.changed')}</p>
          {button(t('badges.confirm.again'))}
        </>
      )}
      {revoking && (
        <ConfirmBox
          label={t('badges.list.revokeLabel', { name: credentialName(revoking, i18n.language) })}
          warning={t('badges.list.revokeWarning', {
            name: credentialName(revoking, i18n.language),
          })}
          confirm={t('badges.list.revokeConfirm')}
          onConfirm={() => {
            setRevoking(null)
            void revoke(revoking)
          }}
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
