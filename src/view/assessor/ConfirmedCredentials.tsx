import {
  badgesApi,
  credentialName,
  type AttemptCredentials,
  type CredentialSummary,
} from '../../state/classroom/badgesApi.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { formatWhen } from '../classroom/staff/words.ts'

export interface ConfirmedCredentialsProps {
  readonly attemptId: string
  readonly confirmation: NonNullable<AttemptCredentials['confirmation']>
  readonly credentials: readonly CredentialSummary[]
  /** whether the user may revoke them (an admin, or who confirmed the result) */
  readonly mayRevoke: boolean
  /** asks before revoking this one */
  readonly onRevoke: (c: CredentialSummary) => void
}

/** A confirmed result: who confirmed it and when, and the credentials it issued, or none. */
export function ConfirmedCredentials(props: ConfirmedCredentialsProps) {
  const { t, i18n } = useTranslation()
  const { confirmation, credentials } = props
  const when = formatWhen(confirmation.at, i18n.language)
  return (
    <>
      <p>
        {confirmation.by
          ? t('badges.confirm.by', { name: confirmation.by, when })
          : t('badges.confirm.byUnknown', { when })}
      </p>
      {credentials.length === 0 ? (
        <p>{t('badges.confirm.none')}</p>
      ) : (
        <ul className="credentials">
          {credentials.map((c) => (
            <CredentialRow
              key={c.id}
              attemptId={props.attemptId}
              credential={c}
              mayRevoke={props.mayRevoke}
              onRevoke={props.onRevoke}
            />
          ))}
        </ul>
      )}
    </>
  )
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
