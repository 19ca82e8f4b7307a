import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '../../state/classroom/api.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { describeServerError } from './learner/serverErrors.ts'
import { Field } from './Field.tsx'

/**
 * "Join your class": the class code, the learner ID and name, and the class PIN or the learner's
 * own PIN once the server asks for one. A refusal is said in the learner's language, next to the
 * form, and the field to fix gets the focus.
 */
export function JoinForm() {
  const { t } = useTranslation()
  const id = useId()
  const [code, setCode] = useState('')
  const [learnerId, setLearnerId] = useState('')
  const [name, setName] = useState('')
  const [classPin, setClassPin] = useState<string | undefined>()
  const [learnerPin, setLearnerPin] = useState<string | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await sessionStore.getState().join({
        code: code.trim(),
        learnerId: learnerId.trim(),
        name: name.trim(),
        ...(classPin ? { classPin } : {}),
        ...(learnerPin ? { learnerPin } : {}),
      })
    } catch (failed) {
      // the server asks for a PIN: its field appears
      if (failed instanceof ApiError && failed.code === 'wrong-class-pin')
        setClassPin((pin) => pin ?? '')
      if (failed instanceof ApiError && failed.code === 'wrong-learner-pin')
        setLearnerPin((pin) => pin ?? '')
      setError(describeServerError(t, failed))
      setBusy(false)
    }
  }

  return (
    <section className="server-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('server.join')}</h2>
      <p>{t('server.joinHelp')}</p>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? `${id}-error` : undefined}>
        <label>
          {t('server.classCode')}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            required
            maxLength={40}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        </label>
        <Field
          label={t('server.learnerId')}
          value={learnerId}
          onValue={setLearnerId}
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
        />
        <Field
          label={t('server.name')}
          value={name}
          onValue={setName}
          required
          maxLength={100}
          autoComplete="off"
        />
        {classPin !== undefined && (
          <Field
            label={t('server.classPin')}
            value={classPin}
            onValue={setClassPin}
            required
            maxLength={64}
            type="password"
            autoComplete="off"
            autoFocus
          />
        )}
        {learnerPin !== undefined && (
          <Field
            label={t('server.learnerPin')}
            value={learnerPin}
            onValue={setLearnerPin}
            required
            maxLength={64}
            type="password"
            autoComplete="off"
            autoFocus={classPin === undefined}
          />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('server.working') : t('server.joinButton')}
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
