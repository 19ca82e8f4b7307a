import { useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import type { ApiRefusal, StaffRole } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { say, type Message } from './words.ts'
import { ConfirmBox } from './ConfirmBox.tsx'
import { AccountFields, draftAccount, draftMistake, useAccountDraft } from './AccountFields.tsx'

export interface StaffAccountsProps {
  readonly store: StaffStore
  /** the admin's own id: an admin does not delete their own account from here */
  readonly self: string
}

const ROLES: readonly StaffRole[] = ['instructor', 'assessor', 'admin']

/** The staff accounts, and a new one: instructor, assessor or admin, with a first password. */
export function StaffAccounts({ store, self }: StaffAccountsProps) {
  const { t } = useTranslation()
  const accounts = useStore(store, (s) => s.accounts)
  const [role, setRole] = useState<StaffRole>('instructor')
  const { draft, set, clear } = useAccountDraft()
  const [mistake, setMistake] = useState<Message | null>(null)
  const [said, setSaid] = useState<Message | readonly Message[] | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRefusal(null)
    setSaid(null)
    const wrong = draftMistake(draft)
    setMistake(wrong)
    if (wrong) return
    const account = draftAccount(draft)
    const made = await store.getState().createAccount({ role, ...account })
    if (!made.ok) return setRefusal(made.error)
    setSaid({
      key: 'staff.accounts.made',
      values: { name: account.name, role: { key: `staff.role.${role}` } },
    })
    clear()
  }
  const remove = async (id: string) => {
    setConfirming(null)
    setRefusal(null)
    const answer = await store.getState().deleteAccount(id)
    if (!answer.ok) setRefusal(answer.error)
  }

  return (
    <section className="staff-card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('staff.accounts.title')}</h2>
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.fields.name')}</th>
            <th scope="col">{t('staff.fields.login')}</th>
            <th scope="col">{t('staff.fields.role')}</th>
            <th scope="col">
              <span className="sr-only">{t('staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.login}</td>
              <td>{t(`staff.role.${a.role}`)}</td>
              <td>
                {a.id !== self && confirming !== a.id && (
                  <button type="button" onClick={() => setConfirming(a.id)}>
                    {t('staff.accounts.delete', { name: a.name })}
                  </button>
                )}
                {confirming === a.id && (
                  <ConfirmBox
                    label={t('staff.accounts.delete', { name: a.name })}
                    warning={t('staff.accounts.deleteWarning', { name: a.name, login: a.login })}
                    confirm={t('staff.accounts.deleteConfirm')}
                    onConfirm={() => void remove(a.id)}
                    onCancel={() => setConfirming(null)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="staff-form"
        aria-labelledby="new-account-title"
        onSubmit={(e) => void submit(e)}
      >
        <h3 id="new-account-title">{t('staff.accounts.new')}</h3>
        <label>
          {t('staff.fields.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`staff.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <AccountFields draft={draft} set={set} whose="other" />
        {mistake && <p role="alert">{say(t, mistake)}</p>}
        <RefusalNote refusal={refusal} />
        <p role="status">{say(t, said)}</p>
        <button type="submit">{t('staff.accounts.create')}</button>
      </form>
    </section>
  )
}
