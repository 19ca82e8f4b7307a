import { useEffect, useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { say, type Message } from './words.ts'
import { Field } from '../Field.tsx'

export interface RetentionSettingProps {
  readonly store: StaffStore
}

/** How many days attempts are kept before the server removes them (0: kept until deleted). */
export function RetentionSetting({ store }: RetentionSettingProps) {
  const { t } = useTranslation()
  const saved = useStore(store, (s) => s.retentionDays)
  const [days, setDays] = useState('')
  const [mistake, setMistake] = useState<Message | null>(null)
  const [said, setSaid] = useState<Message | readonly Message[] | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)

  useEffect(() => {
    if (saved !== null) setDays(String(saved))
  }, [saved])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRefusal(null)
    setSaid(null)
    const value = Number(days)
    if (days.trim() === '' || !Number.isInteger(value) || value < 0)
      return setMistake({ key: 'staff.settings.whole' })
    setMistake(null)
    const answer = await store.getState().saveRetention(value)
    if (!answer.ok) return setRefusal(answer.error)
    setSaid(
      answer.value.retentionDays === 0
        ? { key: 'staff.settings.savedForever' }
        : { key: 'staff.settings.saved', values: { count: answer.value.retentionDays } },
    )
  }

  return (
    <section className="staff-card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('staff.settings.title')}</h2>
      <form className="staff-form inline" onSubmit={(e) => void submit(e)}>
        <Field
          label={t('staff.settings.retention')}
          value={days}
          onValue={setDays}
          type="number"
          min={0}
          step={1}
          aria-describedby="retention-hint"
        />
        <button type="submit">{t('staff.settings.save')}</button>
      </form>
      <p id="retention-hint" className="muted">
        {t('staff.settings.retentionHint')}
      </p>
      {mistake && <p role="alert">{say(t, mistake)}</p>}
      <RefusalNote refusal={refusal} />
      <p role="status">{say(t, said)}</p>
    </section>
  )
}
