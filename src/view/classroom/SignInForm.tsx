import { useId, useState, type FormEvent } from 'react'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { describeServerError } from './learner/serverErrors.ts'
import { Field } from './Field.tsx'

/** "Staff sign-in": an instructor's, assessor's or admin's sign-in name and password. */
export function SignInForm() {
  const { t } = useTranslation()
  const id = useId()
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await sessionStore.getState().signIn(login.trim(), password)
    } catch (failed) {
      setError(describeServerError(t, failed))
      setPassword('')
      setBusy(false)
    }
  }

  return (
    <section className="server-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('server.staff')}</h2>
      <p>{t('server.staffHelp')}</p>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? `${id}-error` : undefined}>
        <Field
          label={t('server.login')}
          value={login}
          onValue={setLogin}
          required
          maxLength={100}
          autoComplete="username"
          spellCheck={false}
        />
        <Field
          label={t('server.password')}
          value={password}
          onValue={setPassword}
          required
          maxLength={200}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('server.working') : t('server.signInButton')}
        </button>
        {error !== undefined && (
          <p id={`${id}-error`} className="server-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}
