import { useState, type FormEvent } from 'react'
import type { ApiRefusal, ClassDetail } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { say, type Message } from './words.ts'
import { Field } from '../Field.tsx'

export interface ClassSettingsProps {
  readonly store: StaffStore
  readonly detail: ClassDetail
}

/** How learners get in: the class PIN (set, changed or removed) and per-learner PINs on or off. */
export function ClassSettings({ store, detail }: ClassSettingsProps) {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [said, setSaid] = useState<Message | readonly Message[] | null>(null)
  const [mistake, setMistake] = useState<Message | null>(null)

  const change = async (body: { pin?: string | null; learnerPins?: boolean }, done: Message) => {
    setRefusal(null)
    setSaid(null)
    const answer = await store.getState().updateClass(detail.id, body)
    if (!answer.ok) return setRefusal(answer.error)
    setPin('')
    setSaid(done)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (pin.trim().length < 4) return setMistake({ key: 'staff.classes.pinShort' })
    setMistake(null)
    void change({ pin }, { key: 'staff.classes.pinSet' })
  }

  return (
    <section className="staff-card" aria-labelledby="class-settings-title">
      <h3 id="class-settings-title">{t('staff.classes.settings')}</h3>
      <p>{detail.hasPin ? t('staff.classes.hasPin') : t('staff.classes.noPin')}</p>
      <form className="staff-form inline" onSubmit={submit}>
        <Field
          label={detail.hasPin ? t('staff.classes.newPin') : t('staff.classes.pin')}
          value={pin}
          onValue={setPin}
          inputMode="numeric"
          autoComplete="off"
        />
        <button type="submit" disabled={!pin}>
          {t('staff.classes.savePin')}
        </button>
        {detail.hasPin && (
          <button
            type="button"
            onClick={() => void change({ pin: null }, { key: 'staff.classes.pinRemoved' })}
          >
            {t('staff.classes.removePin')}
          </button>
        )}
      </form>
      <label className="check">
        <input
          type="checkbox"
          checked={detail.learnerPins}
          onChange={(e) =>
            void change(
              { learnerPins: e.target.checked },
              e.target.checked
                ? { key: 'staff.classes.learnerPinsOn' }
                : { key: 'staff.classes.learnerPinsOff' },
            )
          }
        />
        {t('staff.classes.learnerPins')}
      </label>
      {mistake && <p role="alert">{say(t, mistake)}</p>}
      <p role="status">{say(t, said)}</p>
      <RefusalNote refusal={refusal} />
    </section>
  )
}
