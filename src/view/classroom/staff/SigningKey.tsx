import { useEffect, useState } from 'react'
import { badgesApi, type SigningKey as Key } from '../../../state/classroom/badgesApi.ts'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { ConfirmBox } from './ConfirmBox.tsx'
import { RefusalNote } from './RefusalNote.tsx'
import { formatWhen } from './words.ts'

/**
 * The key the server signs Open Badges credentials with (its did:key), how many earlier keys it
 * kept, and making a new one (the admin's): credentials signed with an earlier key stay valid.
 */
export function SigningKey() {
  const { t, i18n } = useTranslation()
  const [keys, setKeys] = useState<readonly Key[] | null>(null)
  const [asking, setAsking] = useState(false)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [rotated, setRotated] = useState(false)
  useEffect(() => {
    let live = true
    void badgesApi.keys().then((answer) => {
      if (!live) return
      if (answer.ok) setKeys(answer.value)
      else setRefusal(answer.error)
    })
    return () => {
      live = false
    }
  }, [])
  const rotate = async () => {
    setAsking(false)
    setRefusal(null)
    const answer = await badgesApi.rotate()
    if (!answer.ok) return setRefusal(answer.error)
    const retired = (keys ?? []).map((k) =>
      k.retiredAt ? k : { ...k, retiredAt: answer.value.createdAt },
    )
    setKeys([answer.value, ...retired])
    setRotated(true)
  }
  const current = keys?.find((k) => k.retiredAt === null)
  const earlier = (keys ?? []).filter((k) => k.retiredAt !== null).length
  return (
    <section className="staff-card" aria-labelledby="signing-key-title">
      <h2 id="signing-key-title">{t('badges.keys.title')}</h2>
      <p className="muted">{t('badges.keys.explain')}</p>
      {keys && !current && <p>{t('badges.keys.none')}</p>}
      {current && (
        <p>
          {t('badges.keys.current', { when: formatWhen(current.createdAt, i18n.language) })}{' '}
          <code className="did">{current.did}</code>
        </p>
      )}
      {earlier > 0 && <p>{t('badges.keys.retired', { count: earlier })}</p>}
      {keys && (
        <button type="button" onClick={() => setAsking(true)}>
          {t('badges.keys.rotate')}
        </button>
      )}
      {asking && (
        <ConfirmBox
          label={t('badges.keys.rotate')}
          warning={t('badges.keys.rotateWarning')}
          confirm={t('badges.keys.rotateConfirm')}
          onConfirm={() => void rotate()}
          onCancel={() => setAsking(false)}
        />
      )}
      <RefusalNote refusal={refusal} />
      <p role="status">{rotated ? t('badges.keys.rotated') : ''}</p>
    </section>
  )
}
