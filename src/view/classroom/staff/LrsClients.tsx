import { useCallback, useEffect, useState } from 'react'
import {
  lrsAdminApi,
  type LrsClientRow,
  type LrsSettings,
  type NewLrsClient,
} from '../../../state/classroom/lrsAdmin.ts'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { LrsBaseForm } from './LrsBaseForm.tsx'
import { LrsClientTable } from './LrsClientTable.tsx'
import { LrsNewClient } from './LrsNewClient.tsx'
import { RefusalNote } from './RefusalNote.tsx'

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
  const [made, setMade] = useState<NewLrsClient | null>(null)
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

  const revoke = async (client: LrsClientRow) => {
    setRefusal(null)
    const answer = await lrsAdminApi.revokeClient(client.id)
    if (!answer.ok) return setRefusal(answer.error)
    // a secret no longer of use leaves the screen
    setMade((shown) => (shown?.id === client.id ? null : shown))
    await refresh()
  }

  return (
    <section className="staff-card lrs-card" aria-labelledby="lrs-title">
      <h2 id="lrs-title">{t('lrs.title')}</h2>
      <p>{t('lrs.intro')}</p>
      {settings && (
        <p>
          {t('lrs.endpoint')} <code>{settings.endpoint}</code>
        </p>
      )}
      <LrsBaseForm
        settings={settings}
        base={base}
        onBase={setBase}
        onSettings={setSettings}
        onRefusal={setRefusal}
      />
      <LrsClientTable clients={clients} onRevoke={(c) => void revoke(c)} />
      <LrsNewClient made={made} onMade={setMade} onRefusal={setRefusal} onRefresh={refresh} />
      <RefusalNote refusal={refusal} />
    </section>
  )
}
