import { useEffect, useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { say, type Message } from './words.ts'
import { ClassSelect } from '../ClassSelect.tsx'

export interface AssessorClassesProps {
  readonly store: StaffStore
}

/** Which assessor reviews which class: an assessor sees only the classes given them here. */
export function AssessorClasses({ store }: AssessorClassesProps) {
  const { t } = useTranslation()
  const classes = useStore(store, (s) => s.classes)
  const details = useStore(store, (s) => s.details)
  const assessors = useStore(store, (s) => s.accounts).filter((a) => a.role === 'assessor')
  const [assessor, setAssessor] = useState('')
  const [classId, setClassId] = useState('')
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [mistake, setMistake] = useState<Message | null>(null)

  useEffect(() => {
    for (const c of classes) void store.getState().readClass(c.id)
  }, [classes, store])

  const set = async (cls: string, who: string, on: boolean) => {
    setRefusal(null)
    const answer = await store.getState().setAssessor(cls, who, on)
    if (!answer.ok) setRefusal(answer.error)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!assessor || !classId) return setMistake({ key: 'staff.assessors.pickBoth' })
    setMistake(null)
    void set(classId, assessor, true)
  }

  return (
    <section className="staff-card" aria-labelledby="assessors-title">
      <h2 id="assessors-title">{t('staff.assessors.title')}</h2>
      {assessors.length === 0 && <p>{t('staff.assessors.noAssessors')}</p>}
      <form className="staff-form inline" onSubmit={submit}>
        <label>
          {t('staff.role.assessor')}
          <select value={assessor} onChange={(e) => setAssessor(e.target.value)}>
            <option value="">{t('staff.assignments.choose')}</option>
            {assessors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.login})
              </option>
            ))}
          </select>
        </label>
        <ClassSelect
          label={t('staff.assessors.class')}
          classes={classes}
          value={classId}
          onValue={setClassId}
          none={t('staff.assignments.choose')}
        />
        <button type="submit">{t('staff.assessors.assign')}</button>
      </form>
      {mistake && <p role="alert">{say(t, mistake)}</p>}
      <RefusalNote refusal={refusal} />
      <ul className="assessor-classes">
        {classes.map((c) => {
          const list = details[c.id]?.assessors ?? []
          return (
            <li key={c.id}>
              <strong>{c.name}</strong>:{' '}
              {list.length === 0
                ? t('staff.assessors.nobody')
                : list.map((a) => (
                    <span key={a.id} className="assessor-chip">
                      {a.name}{' '}
                      <button type="button" onClick={() => void set(c.id, a.id, false)}>
                        {t('staff.assessors.remove', { name: a.name, className: c.name })}
                      </button>
                    </span>
                  ))}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
