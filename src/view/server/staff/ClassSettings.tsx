import { useState, type FormEvent } from 'react'
import type { ApiRefusal, ClassDetail } from '../../../state/server/staffApi.ts'
import type { StaffStore } from '../../../state/server/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'

export interface ClassSettingsProps {
  readonly store: StaffStore
  readonly detail: ClassDetail
}

/** How learners get in: the class PIN (set, changed or removed) and per-learner PINs on or off. */
export function ClassSettings({ store, detail }: ClassSettingsProps) {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [said, setSaid] = useState('')
  const [mistake, setMistake] = useState('')

  const change = async (body: { pin?: string | null; learnerPins?: boolean }, done: string) => {
    setRefusal(null)
    setSaid('')
    const answer = await store.getState().updateClass(detail.id, body)
    if (!answer.ok) return setRefusal(answer.error)
    setPin('')
    setSaid(done)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (pin.trim().length < 4) return setMistake(t('staff.classes.pinShort'))
    setMistake('')
    void change({ pin }, t('staff.classes.pinSet'))
  }

  return (
    <section className="staff-card" aria-labelledby="class-settings-title">
      <h3 id="class-settings-title">{t('staff.classes.settings')}</h3>
      <p>{detail.hasPin ? t('staff.classes.hasPin') : t('staff.classes.noPin')}</p>
      <form className="staff-form inline" onSubmit={submit}>
        <label>
          {detail.hasPin ? t('staff.classes.newPin') : t('staff.classes.pin')}
          <input
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
          />
        </label>
        <button type="submit" disabled={!pin}>
          {t('staff.classes.savePin')}
        </button>
        {detail.hasPin && (
          <button
            type="button"
            onClick={() => void change({ pin: null }, t('staff.classes.pinRemoved'))}
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
                ? t('staff.classes.learnerPinsOn')
                : t('staff.classes.learnerPinsOff'),
            )
          }
        />
        {t('staff.classes.learnerPins')}
      </label>
      {mistake && <p role="alert">{mistake}</p>}
      <p role="status">{said}</p>
      <RefusalNote refusal={refusal} />
    </section>
  )
}
