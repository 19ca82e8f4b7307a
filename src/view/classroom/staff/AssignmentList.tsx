import { useState } from 'react'
import { reviewOnServer } from '../../../state/classroom/reviewServer.ts'
import { openLive } from '../../../state/live/liveRoute.ts'
import type { ApiRefusal, Assignment } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { formatWhen, scenarioTitle } from './words.ts'
import { ConfirmBox } from './ConfirmBox.tsx'

export interface AssignmentListProps {
  readonly store: StaffStore
  readonly classId: string
  readonly assignments: readonly Assignment[]
}

/** The class's assignments: which scenario at which version, how, when, how often; close one now. */
export function AssignmentList({ store, classId, assignments }: AssignmentListProps) {
  const { t, i18n } = useTranslation()
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const when = (iso: string | null, none: string) =>
    iso ? formatWhen(iso, i18n.language) : t(none)

  const close = async (id: string) => {
    setRefusal(null)
    setConfirming(null)
    const answer = await store.getState().closeAssignment(classId, id)
    if (!answer.ok) setRefusal(answer.error)
  }

  if (assignments.length === 0) return <p>{t('staff.assignments.none')}</p>
  return (
    <>
      <RefusalNote refusal={refusal} />
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.assignments.scenario')}</th>
            <th scope="col">{t('staff.assignments.mode')}</th>
            <th scope="col">{t('staff.assignments.opens')}</th>
            <th scope="col">{t('staff.assignments.closes')}</th>
            <th scope="col">{t('staff.assignments.attempts')}</th>
            <th scope="col">
              <span className="sr-only">{t('staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => {
            const title = scenarioTitle(a.scenario, i18n.language)
            return (
              <tr key={a.id} data-assignment={a.id}>
                <td>{t('staff.assignments.scenarioAt', { title, version: a.scenario.version })}</td>
                <td>{t(`staff.mode.${a.mode}`)}</td>
                <td>{when(a.opensAt, 'staff.assignments.now')}</td>
                <td>
                  {a.closedAt
                    ? t('staff.assignments.closedAt', {
                        when: formatWhen(a.closedAt, i18n.language),
                      })
                    : when(a.closesAt, 'staff.assignments.never')}
                </td>
                <td>{a.maxAttempts ?? t('staff.assignments.unlimited')}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void reviewOnServer({ classId, assignmentId: a.id })}
                  >
                    {t('staff.assignments.review')}
                    <span className="sr-only"> {title}</span>
                  </button>{' '}
                  <button type="button" onClick={() => openLive(a.id)}>
                    {t('live.watch')}
                    <span className="sr-only"> {title}</span>
                  </button>{' '}
                  {!a.closedAt && confirming !== a.id && (
                    <button type="button" onClick={() => setConfirming(a.id)}>
                      {t('staff.assignments.closeNowShort')}
                      <span className="sr-only"> {title}</span>
                    </button>
                  )}
                  {!a.closedAt && confirming === a.id && (
                    <ConfirmBox
                      label={t('staff.assignments.closeNow', { title })}
                      warning={t('staff.assignments.closeWarning')}
                      confirm={t('staff.assignments.closeConfirm')}
                      onConfirm={() => void close(a.id)}
                      onCancel={() => setConfirming(null)}
                    />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
