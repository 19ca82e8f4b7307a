import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { activityBaseProblem } from '../../../core/index.ts'
import {
  lrsAdminApi,
  type LrsClientRow,
  type LrsSettings,
  type NewLrsClient,
} from '../../../state/classroom/lrsAdmin.ts'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { Field } from '../Field.tsx'
import { ConfirmBox } from './ConfirmBox.tsx'
import { RefusalNote } from './RefusalNote.tsx'
import { formatWhen } from './words.ts'

/**
 * The admin's card for the server's learning record store (xAPI): its address, the web address
 * that names Practica's activities (until it is set, attempts are not sent as statements), and the
 * credentials of the systems that send or read statements: make one (its secret shown once),
 * revoke one.
 */
export function LrsClients() {
  const { t, i18n } = useTranslation()
  const [settings, setSettings] = useState<LrsSettings | null>(null)
  const [clients, setClients] = useState<readonly LrsClientRow[]>([])
  const [base, setBase] = useState('')
  const [baseMistake, setBaseMistake] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [name, setName] = useState('')
  const [nameMistake, setNameMistake] = useState(false)
  const [made, setMade] = useState<NewLrsClient | null>(null)
  const [revoking, setRevoking] = useState<LrsClientRow | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)

  const refresh = useCallback(async () => {
    const [s, list] = await Promise.all([lrsAdminApi.settings(), lrsAdminApi.clients()])
    if (!s.ok) return setRefusal(s.error)
    if (!list.ok) return setRefusal(list.error)
    setSettings(s.value)
    setBase((old) => (old === '' ? (s.value.activityBase ?? '') : old))
    setClients(list.value)
  }, [])

  useEffect(() => {
    void i18n.loadSection('lrs').catch(() => {})
    void refresh()
  }, [i18n, refresh])

  if (!i18n.hasSection('lrs')) return null

  const saveBase = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    setRefusal(null)
    const problem = activityBaseProblem(base)
    if (problem) return setBaseMistake(t(`lrs.base.problem.${problem}`))
    setBaseMistake(null)
    const answer = await lrsAdminApi.saveActivityBase(base.trim())
    if (!answer.ok) return setRefusal(answer.error)
    setSettings(answer.value)
    setBase(answer.value.activityBase ?? '')
    setSaved(true)
  }

  const makeClient = async (e: FormEvent) => {
    e.preventDefault()
    setRefusal(null)
    setMade(null)
    if (name.trim() === '') return setNameMistake(true)
    setNameMistake(false)
    const answer = await lrsAdminApi.makeClient(name.trim())
    if (!answer.ok) return setRefusal(answer.error)
    setMade(answer.value)
    setName('')
    await refresh()
  }

  const revoke = async (client: LrsClientRow) => {
    setRevoking(null)
    setRefusal(null)
    const answer = await lrsAdminApi.revokeClient(client.id)
    if (!answer.ok) return setRefusal(answer.error)
    // a secret no longer of use leaves the screen
    setMade((shown) => (shown?.id === client.id ? null : shown))
    await refresh()
  }

  const when = (iso: string) => formatWhen(iso, i18n.language)
  return (
    <section className="staff-card lrs-card" aria-labelledby="lrs-title">
      <h2 id="lrs-title">{t('lrs.title')}</h2>
      <p>{t('lrs.intro')}</p>
      {settings && (
        <p>
          {t('lrs.endpoint')} <code>{settings.endpoint}</code>
        </p>
      )}

      <h3 id="lrs-base-title">{t('lrs.base.title')}</h3>
      {settings && settings.activityBase === null && (
        <p className="lrs-warning" role="note">
          {t('lrs.base.notSet')}
        </p>
      )}
      <form
        className="staff-form"
        aria-labelledby="lrs-base-title"
        onSubmit={(e) => void saveBase(e)}
      >
        <Field
          label={t('lrs.base.label')}
          value={base}
          onValue={setBase}
          type="url"
          placeholder="https://school.example.org/practica"
          aria-describedby="lrs-base-hint"
          aria-invalid={baseMistake !== null}
        />
        <button type="submit">{t('lrs.base.save')}</button>
      </form>
      <p id="lrs-base-hint" className="muted">
        {t('lrs.base.hint')}
      </p>
      {baseMistake && <p role="alert">{baseMistake}</p>}
      <p role="status">
        {saved && settings?.activityBase
          ? t('lrs.base.saved', { base: settings.activityBase })
          : ''}
      </p>

      <h3 id="lrs-clients-title">{t('lrs.clients.title')}</h3>
      {clients.length === 0 ? (
        <p>{t('lrs.clients.none')}</p>
      ) : (
        <table className="staff-table" aria-labelledby="lrs-clients-title">
          <thead>
            <tr>
              <th scope="col">{t('lrs.clients.name')}</th>
              <th scope="col">{t('lrs.clients.key')}</th>
              <th scope="col">{t('lrs.clients.made')}</th>
              <th scope="col">{t('lrs.clients.state')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>
                  <code>{c.key}</code>
                </td>
                <td>
                  {c.createdBy
                    ? t('lrs.clients.madeBy', { time: when(c.createdAt), name: c.createdBy })
                    : when(c.createdAt)}
                </td>
                <td>
                  {c.revokedAt ? (
                    t('lrs.clients.revokedAt', { time: when(c.revokedAt) })
                  ) : (
                    <button
                      type="button"
                      className="danger"
                      aria-label={t('lrs.clients.revokeNamed', { name: c.name })}
                      onClick={() => setRevoking(c)}
                    >
                      {t('lrs.clients.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmBox
          label={t('lrs.clients.revokeNamed', { name: revoking.name })}
          warning={t('lrs.clients.revokeWarning', { name: revoking.name })}
          confirm={t('lrs.clients.revoke')}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}

      <form
        className="staff-form inline"
        aria-label={t('lrs.clients.new')}
        onSubmit={(e) => void makeClient(e)}
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
      <RefusalNote refusal={refusal} />
    </section>
  )
}
