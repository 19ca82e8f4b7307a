import { useState } from 'react'
import { useStore } from 'zustand'
import type { ApiRefusal, ClassLearner } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { downloadJson, fileName } from '../../download.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { say, type Message } from './words.ts'
import { ConfirmBox } from './ConfirmBox.tsx'
import { ClassSelect } from '../ClassSelect.tsx'

export interface LearnerDataProps {
  readonly store: StaffStore
}

/** A learner's data: all of it as a file (a request under privacy law), or deleted for good. */
export function LearnerData({ store }: LearnerDataProps) {
  const { t } = useTranslation()
  const classes = useStore(store, (s) => s.classes)
  const details = useStore(store, (s) => s.details)
  const [classId, setClassId] = useState('')
  const [confirming, setConfirming] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [said, setSaid] = useState<Message | readonly Message[] | null>(null)
  const learners = (classId && details[classId]?.learners) || []
  const className = classes.find((c) => c.id === classId)?.name ?? ''

  const pick = (id: string) => {
    setClassId(id)
    setConfirming(null)
    setSaid(null)
    if (id) void store.getState().readClass(id)
  }
  const exportData = async (l: ClassLearner) => {
    setRefusal(null)
    const answer = await store.getState().exportLearner(l.userId)
    if (!answer.ok) return setRefusal(answer.error)
    downloadJson(`${fileName('practica-learner', l.learnerId)}.json`, answer.value)
    setSaid({ key: 'staff.learnerData.exported', values: { name: l.name } })
  }
  const remove = async (l: ClassLearner) => {
    setRefusal(null)
    setConfirming(null)
    const answer = await store.getState().deleteLearner(classId, l.userId)
    if (!answer.ok) return setRefusal(answer.error)
    setSaid({ key: 'staff.learnerData.deleted', values: { name: l.name, learnerId: l.learnerId } })
  }

  return (
    <section className="staff-card" aria-labelledby="learner-data-title">
      <h2 id="learner-data-title">{t('staff.learnerData.title')}</h2>
      <p className="muted">{t('staff.learnerData.intro')}</p>
      <ClassSelect
        label={<>{t('staff.assessors.class')} </>}
        classes={classes}
        value={classId}
        onValue={pick}
        none={t('staff.assignments.choose')}
      />
      <p role="status">{say(t, said)}</p>
      <RefusalNote refusal={refusal} />
      {classId && learners.length === 0 && <p>{t('staff.learners.none')}</p>}
      {learners.length > 0 && (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.learners.name')}</th>
              <th scope="col">{t('staff.learners.learnerId')}</th>
              <th scope="col">
                <span className="sr-only">{t('staff.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {learners.map((l) => (
              <tr key={l.userId} data-learner={l.learnerId}>
                <td>{l.name}</td>
                <td>{l.learnerId}</td>
                <td>
                  <button type="button" onClick={() => void exportData(l)}>
                    {t('staff.learnerData.export', { name: l.name })}
                  </button>{' '}
                  {confirming !== l.userId ? (
                    <button type="button" onClick={() => setConfirming(l.userId)}>
                      {t('staff.learnerData.delete', { name: l.name })}
                    </button>
                  ) : (
                    <ConfirmBox
                      label={t('staff.learnerData.delete', { name: l.name })}
                      warning={t('staff.learnerData.deleteWarning', {
                        name: l.name,
                        learnerId: l.learnerId,
                        className,
                      })}
                      confirm={t('staff.learnerData.deleteConfirm', { name: l.name })}
                      onConfirm={() => void remove(l)}
                      onCancel={() => setConfirming(null)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
