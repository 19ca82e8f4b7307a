import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '../../state/classroom/api.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { describeServerError } from './learner/serverErrors.ts'
import { Field } from './Field.tsx'

/** What the learner typed into the form. */
interface Entered {
  readonly code: string
  readonly learnerId: string
  readonly name: string
}

/**
 * Joining the class with what was entered: the PINs the server asked for (undefined until it
 * asks), its refusal, and whether a join is under way.
 */
function useJoin({ code, learnerId, name }: Entered) {
  const [classPin, setClassPin] = useState<string | undefined>()
  const [learnerPin, setLearnerPin] = useState<string | undefined>()
  // the refusal itself, said in the language shown at each render
  const [failure, setFailure] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setFailure(undefined)
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
      if (
        failed instanceof ApiError &&
        (failed.code === 'wrong-learner-pin' || failed.code === 'learner-pin-needed')
      )
        setLearnerPin((pin) => pin ?? '')
      setFailure(failed)
      setBusy(false)
    }
  }
  return { classPin, setClassPin, learnerPin, setLearnerPin, failure, busy, submit }
}

/**
 * "Join your class": the class code, the learner ID and name, and the class PIN or the learner's
 * own PIN once the server asks for one. A refusal is said in the learner's language, next to the
 * form, and the field to fix gets the focus.
 */
export function JoinForm() {
  const { t } = useTranslation()
  const id = useId()
  // joining again after the server ended the sign-in: the same class, ID and name to start from
  const [ended] = useState(() => sessionStore.getState().ended)
  const [code, setCode] = useState(ended?.classCode ?? '')
  const [learnerId, setLearnerId] = useState(ended?.learnerId ?? '')
  const [name, setName] = useState(ended?.name ?? '')
  const { classPin, setClassPin, learnerPin, setLearnerPin, failure, busy, submit } = useJoin({
    code,
    learnerId,
    name,
  })
  const error = failure === undefined ? undefined : describeServerError(t, failure)

  return (
    <section className="server-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('server.join')}</h2>
      <p>{t('server.joinHelp')}</p>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? `${id}-error` : undefined}>
        <Field
          label={t('server.classCode')}
          value={code}
          onValue={(value) => setCode(value.toUpperCase())}
          required
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
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
