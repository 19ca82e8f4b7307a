import { useStore } from 'zustand'
import { reviewOnServer } from '../../../state/classroom/reviewServer.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { AssignmentList } from './AssignmentList.tsx'
import { ClassSettings } from './ClassSettings.tsx'
import { JoinCode } from './JoinCode.tsx'
import { LearnerList } from './LearnerList.tsx'
import { NewAssignmentForm } from './NewAssignmentForm.tsx'

export interface ClassViewProps {
  readonly store: StaffStore
  readonly classId: string
}

const NO_ASSIGNMENTS: readonly never[] = []

/** One class: its join code, how learners get in, its learners, and its assignments. */
export function ClassView({ store, classId }: ClassViewProps) {
  const { t } = useTranslation()
  const detail = useStore(store, (s) => s.details[classId])
  const assignments = useStore(store, (s) => s.assignments[classId] ?? NO_ASSIGNMENTS)
  const scenarios = useStore(store, (s) => s.scenarios)
  if (!detail) return <p role="status">{t('staff.loading')}</p>
  return (
    <section className="class-view" aria-labelledby="class-title">
      <div className="class-head">
        <h2 id="class-title">{detail.name}</h2>
        <button type="button" onClick={() => void reviewOnServer({ classId, assignmentId: null })}>
          {t('staff.classes.review', { className: detail.name })}
        </button>
      </div>
      <div className="class-top">
        <JoinCode code={detail.code} />
        <ClassSettings store={store} detail={detail} />
      </div>
      <section className="staff-card" aria-labelledby="assignments-title">
        <h3 id="assignments-title">{t('staff.assignments.title')}</h3>
        <AssignmentList store={store} classId={classId} assignments={assignments} />
        <NewAssignmentForm store={store} classId={classId} scenarios={scenarios} />
      </section>
      <LearnerList store={store} detail={detail} />
    </section>
  )
}
