import { useState } from 'react'
import type { ApiRefusal, ClassDetail } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'

export interface LearnerListProps {
  readonly store: StaffStore
  readonly detail: ClassDetail
}

/** The learners who joined, with a new PIN for any of them (shown once, to hand over). */
export function LearnerList({ store, detail }: LearnerListProps) {
  const { t } = useTranslation()
  const [fresh, setFresh] = useState<{ name: string; learnerId: string; pin: string } | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)

  const reset = async (userId: string, name: string, learnerId: string) => {
    setRefusal(null)
    setFresh(null)
    const answer = await store.getState().resetPin(detail.id, userId)
    if (answer.ok) setFresh({ name, learnerId, pin: answer.value.pin })
    else setRefusal(answer.error)
  }

  return (
    <section className="staff-card" aria-labelledby="learners-title">
      <h3 id="learners-title">{t('staff.learners.title', { count: detail.learners.length })}</h3>
      {fresh && (
        <div className="new-pin" role="status">
          <p>{t('staff.learners.newPin', { name: fresh.name, learnerId: fresh.learnerId })}</p>
          <p className="new-pin-value">{fresh.pin}</p>
          <p>{t('staff.learners.shownOnce')}</p>
          <button type="button" onClick={() => setFresh(null)}>
            {t('staff.learners.pinNoted')}
          </button>
        </div>
      )}
      <RefusalNote refusal={refusal} />
      {detail.learners.length === 0 ? (
        <p>{t('staff.learners.none')}</p>
      ) : (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.learners.name')}</th>
              <th scope="col">{t('staff.learners.learnerId')}</th>
              <th scope="col">{t('staff.learners.pin')}</th>
              <th scope="col">
                <span className="sr-only">{t('staff.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.learners.map((l) => (
              <tr key={l.userId} data-learner={l.learnerId}>
                <td>{l.name}</td>
                <td>{l.learnerId}</td>
                <td>{l.hasPin ? t('staff.learners.pinYes') : t('staff.learners.pinNo')}</td>
                <td>
                  <button type="button" onClick={() => void reset(l.userId, l.name, l.learnerId)}>
                    {t('staff.learners.resetPin', { name: l.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
