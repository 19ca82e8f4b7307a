import { useState, type FormEvent } from 'react'
import { lrsAdminApi, type NewLrsClient } from '../../../state/classroom/lrsAdmin.ts'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { Field } from '../Field.tsx'

export interface LrsNewClientProps {
  /** the client just made, its secret shown once; null when there is none to show */
  readonly made: NewLrsClient | null
  readonly onMade: (made: NewLrsClient | null) => void
  readonly onRefusal: (refusal: ApiRefusal | null) => void
  /** read the clients again, the new one with them */
  readonly onRefresh: () => Promise<void>
}

/** The LRS card's form that makes a client, and the new client's credentials (the secret once). */
export function LrsNewClient({ made, onMade, onRefusal, onRefresh }: LrsNewClientProps) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [nameMistake, setNameMistake] = useState(false)

  const make = async (e: FormEvent) => {
    e.preventDefault()
    onRefusal(null)
    onMade(null)
    if (name.trim() === '') return setNameMistake(true)
    setNameMistake(false)
    const answer = await lrsAdminApi.makeClient(name.trim())
    if (!answer.ok) return onRefusal(answer.error)
    onMade(answer.value)
    setName('')
    await onRefresh()
  }

  return (
    <>
      <form
        className="staff-form inline"
        aria-label={t('lrs.clients.new')}
        onSubmit={(e) => void make(e)}
      >
        <Field
          label={t('lrs.clients.newName')}
          value={name}
          onValue={setName}
          maxLength={100}
          aria-invalid={nameMistake}
        />
        <button type="submit">{t('lrs.clients.make')}</button>
      </form>
      {nameMistake && <p role="alert">{t('lrs.clients.nameNeeded')}</p>}
      {made && (
        <div className="lrs-secret" role="status">
          <p>{t('lrs.clients.madeFor', { name: made.name })}</p>
          <dl>
            <dt>{t('lrs.endpoint')}</dt>
            <dd>
              <code>{made.endpoint}</code>
            </dd>
            <dt>{t('lrs.clients.key')}</dt>
            <dd>
              <code>{made.key}</code>
            </dd>
            <dt>{t('lrs.clients.secret')}</dt>
            <dd>
              <code>{made.secret}</code>
            </dd>
          </dl>
          <p>
            <strong>{t('lrs.clients.secretOnce')}</strong>
          </p>
        </div>
      )}
    </>
  )
}
