import { useEffect, useState } from 'react'
import { badgesApi, credentialName, type MyCredential } from '../../../state/classroom/badgesApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { formatWhen } from '../staff/words.ts'

export interface MyCredentialsProps {
  /** whether the server answers: the list is read from it */
  readonly online: boolean
}

/**
 * The learner's Open Badges credentials, issued once an assessor confirmed their results: what
 * each is for, when it was issued (or revoked), and a download of its signed JSON.
 */
export function MyCredentials({ online }: MyCredentialsProps) {
  const { t, i18n } = useTranslation()
  const [credentials, setCredentials] = useState<readonly MyCredential[] | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!online) return
    let live = true
    void badgesApi.mine().then((answer) => {
      if (!live) return
      setFailed(!answer.ok)
      if (answer.ok) setCredentials(answer.value)
    })
    return () => {
      live = false
    }
  }, [online])
  if (!online || (credentials === null && !failed)) return null
  return (
    <section className="my-credentials" aria-labelledby="my-credentials-title">
      <h3 id="my-credentials-title">{t('badges.mine.title')}</h3>
      <p className="muted">{t('badges.mine.explain')}</p>
      {failed && <p className="server-error">{t('badges.mine.failed')}</p>}
      {credentials?.length === 0 && <p>{t('badges.mine.none')}</p>}
      {credentials && credentials.length > 0 && (
        <ul>
          {credentials.map((c) => (
            <li key={c.id}>
              <strong>{credentialName(c, i18n.language)}</strong> · {t(`badges.kind.${c.kind}`)} ·{' '}
              {c.revokedAt
                ? t('badges.list.revoked', { when: formatWhen(c.revokedAt, i18n.language) })
                : t('badges.list.issued', { when: formatWhen(c.issuedAt, i18n.language) })}{' '}
              {!c.revokedAt && (
                <a
                  href={badgesApi.fileOf(c.attemptId, c.id)}
                  download
                  aria-label={t('badges.list.downloadLabel', {
                    name: credentialName(c, i18n.language),
                  })}
                >
                  {t('badges.list.download')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
