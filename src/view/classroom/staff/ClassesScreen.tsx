import { useStore } from 'zustand'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { ClassView } from './ClassView.tsx'
import { NewClassForm } from './NewClassForm.tsx'
import { PublishUpload } from './PublishUpload.tsx'

export interface ClassesScreenProps {
  readonly store: StaffStore
}

/** The instructor's classes: pick one (or make one), publish scenarios, assign them. */
export function ClassesScreen({ store }: ClassesScreenProps) {
  const { t } = useTranslation()
  const classes = useStore(store, (s) => s.classes)
  const open = useStore(store, (s) => s.classId)
  return (
    <div className="classes-screen">
      <div className="class-side">
        <nav className="class-list staff-card" aria-labelledby="class-list-title">
          <h2 id="class-list-title">{t('staff.classes.title')}</h2>
          {classes.length === 0 ? (
            <p>{t('staff.classes.none')}</p>
          ) : (
            <ul>
              {classes.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    aria-current={c.id === open ? 'true' : undefined}
                    onClick={() => void store.getState().openClass(c.id)}
                  >
                    {c.name} <span className="class-code">{c.code}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {open && (
            <button type="button" onClick={() => void store.getState().openClass(null)}>
              {t('staff.classes.newAnother')}
            </button>
          )}
        </nav>
        <PublishUpload store={store} />
      </div>
      <div className="class-main">
        {open ? <ClassView store={store} classId={open} /> : <NewClassForm store={store} />}
      </div>
    </div>
  )
}
