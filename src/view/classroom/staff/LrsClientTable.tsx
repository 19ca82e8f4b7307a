import { useState } from 'react'
import type { LrsClientRow } from '../../../state/classroom/lrsAdmin.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { ConfirmBox } from './ConfirmBox.tsx'
import { formatWhen } from './words.ts'

export interface LrsClientTableProps {
  readonly clients: readonly LrsClientRow[]
  /** revoke this client: called once the admin has confirmed it */
  readonly onRevoke: (client: LrsClientRow) => void
}

/** The LRS card's list of clients: name, key, who made it and when, revoked or a revoke button. */
export function LrsClientTable({ clients, onRevoke }: LrsClientTableProps) {
  const { t, i18n } = useTranslation()
  const [revoking, setRevoking] = useState<LrsClientRow | null>(null)

  const when = (iso: string) => formatWhen(iso, i18n.language)
  return (
    <>
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
          onConfirm={() => {
            setRevoking(null)
            onRevoke(revoking)
          }}
          onCancel={() => setRevoking(null)}
        />
      )}
    </>
  )
}
