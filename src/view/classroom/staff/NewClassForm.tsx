import { useState, type FormEvent } from 'react'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { say, type Message } from './words.ts'
import { Field } from '../Field.tsx'

export interface NewClassFormProps {
  readonly store: StaffStore
}

/** A new class: its name, a class PIN if wanted, and whether each learner needs a PIN of their own. */
export function NewClassForm({ store }: NewClassFormProps) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [pin, setPin] = useState('')
  const [learnerPins, setLearnerPins] = useState(false)
  const [mistake, setMistake] = useState<Message | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRefusal(null)
    if (!name.trim()) return setMistake({ key: 'staff.classes.nameNeeded' })
    if (pin && pin.trim().length < 4) return setMistake({ key: 'staff.classes.pinShort' })
    setMistake(null)
    setBusy(true)
    const made = await store
      .getState()
      .createClass({ name: name.trim(), learnerPins, ...(pin ? { pin } : {}) })
    setBusy(false)
    if (!made.ok) return setRefusal(made.error)
    setName('')
    setPin('')
    setLearnerPins(false)
  }

  return (
    <form
      className="staff-card staff-form"
      aria-labelledby="new-class-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="new-class-title">{t('staff.classes.new')}</h2>
      <Field label={t('staff.classes.name')} value={name} onValue={setName} maxLength={120} />
      <Field
        label={t('staff.classes.pin')}
        value={pin}
        onValue={setPin}
        inputMode="numeric"
        autoComplete="off"
        aria-describedby="new-class-pin-hint"
      />
      <p id="new-class-pin-hint" className="muted">
        {t('staff.classes.pinHint')}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={learnerPins}
          onChange={(e) => setLearnerPins(e.target.checked)}
        />
        {t('staff.classes.learnerPins')}
      </label>
      {mistake && <p role="alert">{say(t, mistake)}</p>}
      <RefusalNote refusal={refusal} />
      <button type="submit" disabled={busy}>
        {t('staff.classes.create')}
      </button>
    </form>
  )
}
