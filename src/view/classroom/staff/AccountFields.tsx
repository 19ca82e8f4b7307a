import { useState } from 'react'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { Field } from '../Field.tsx'
import type { Message } from './words.ts'

/** A staff account being made: its name, sign-in name and password, typed twice. */
export interface AccountDraft {
  readonly name: string
  readonly login: string
  readonly password: string
  readonly again: string
}

const EMPTY: AccountDraft = { name: '', login: '', password: '', again: '' }

/** What is wrong with the draft before it is sent, or null. */
export function draftMistake(draft: AccountDraft): Message | null {
  if (!draft.name.trim() || !draft.login.trim() || !draft.password)
    return { key: 'staff.setup.fillAll' }
  if (draft.password.length < 8) return { key: 'staff.setup.shortPassword' }
  if (draft.password !== draft.again) return { key: 'staff.setup.notSame' }
  return null
}

/** The account a draft asks for, names trimmed. */
export const draftAccount = (draft: AccountDraft) => ({
  name: draft.name.trim(),
  login: draft.login.trim(),
  password: draft.password,
})

/** A draft's state: the draft, a setter per field, and clearing it. */
export function useAccountDraft() {
  const [draft, setDraft] = useState<AccountDraft>(EMPTY)
  const set = (field: keyof AccountDraft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }))
  return { draft, set, clear: () => setDraft(EMPTY) }
}

export interface AccountFieldsProps {
  readonly draft: AccountDraft
  readonly set: (field: keyof AccountDraft) => (value: string) => void
  /** `own`: the person typing makes their own account (the browser may fill and keep it) */
  readonly whose: 'own' | 'other'
}

/** The fields of a new staff account: name, sign-in name, password, and the password again. */
export function AccountFields({ draft, set, whose }: AccountFieldsProps) {
  const { t } = useTranslation()
  const own = whose === 'own'
  return (
    <>
      <Field
        label={t('staff.fields.name')}
        value={draft.name}
        onValue={set('name')}
        autoComplete={own ? 'name' : 'off'}
      />
      <Field
        label={t('staff.fields.login')}
        value={draft.login}
        onValue={set('login')}
        autoComplete={own ? 'username' : 'off'}
        autoCapitalize="none"
      />
      <Field
        label={own ? t('staff.fields.password') : t('staff.accounts.firstPassword')}
        value={draft.password}
        onValue={set('password')}
        type="password"
        autoComplete="new-password"
      />
      <Field
        label={t('staff.setup.again')}
        value={draft.again}
        onValue={set('again')}
        type="password"
        autoComplete="new-password"
      />
    </>
  )
}
