import './staff.css'
import { useEffect } from 'react'
import { useStore } from 'zustand'
import { appStore } from '../../../state/appStore.ts'
import type { ServerUser } from '../../../state/classroom/api.ts'
import { reviewOnServer } from '../../../state/classroom/reviewServer.ts'
import { sessionStore } from '../../../state/classroom/sessionStore.ts'
import type { StaffRole } from '../../../state/classroom/staffApi.ts'
import { staffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { LanguageSwitch } from '../../panels/LanguageSwitch.tsx'
import { AdminScreen } from './AdminScreen.tsx'
import { ClassesScreen } from './ClassesScreen.tsx'
import { LiveEntries } from './LiveEntries.tsx'
import { RefusalNote } from './RefusalNote.tsx'

export interface StaffScreenProps {
  /** the staff member signed in (admin, instructor or assessor) */
  readonly user: ServerUser
}

/** An assessor's classes, each opened in the review screen. */
function AssessorClassList() {
  const { t } = useTranslation()
  const classes = useStore(staffStore, (s) => s.classes)
  return (
    <section className="staff-card" aria-labelledby="assessor-classes-title">
      <h2 id="assessor-classes-title">{t('staff.classes.toReview')}</h2>
      {classes.length === 0 ? (
        <p>{t('staff.classes.noneToReview')}</p>
      ) : (
        <ul className="plain">
          {classes.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => void reviewOnServer({ classId: c.id, assignmentId: null })}
              >
                {t('staff.classes.review', { className: c.name })}
              </button>{' '}
              <LiveEntries classId={c.id} className={c.name} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The staff's home on the Practica server: their classes, and for the admin the administration. */
export function StaffScreen({ user }: StaffScreenProps) {
  const { t } = useTranslation()
  const role = user.role as StaffRole
  const view = useStore(staffStore, (s) => s.view)
  const loadError = useStore(staffStore, (s) => s.loadError)

  useEffect(() => {
    void staffStore.getState().refresh(role)
  }, [role])

  const signOut = async () => {
    await sessionStore.getState().signOut()
    appStore.getState().backToLibrary()
  }
  const tab = (name: 'classes' | 'admin', label: string) => (
    <button
      type="button"
      aria-current={view.name === name ? 'page' : undefined}
      onClick={() => staffStore.getState().show({ name })}
    >
      {label}
    </button>
  )
  return (
    <main className="staff-screen">
      <header className="bar">
        <h1>{t('staff.title', { role: t(`staff.role.${role}`) })}</h1>
        <span className="staff-who">{t('staff.signedInAs', { name: user.name })}</span>
        <LanguageSwitch />
        <button type="button" onClick={() => void signOut()}>
          {t('staff.signOut')}
        </button>
      </header>
      <nav className="staff-nav" aria-label={t('staff.navigation')}>
        {role !== 'assessor' && tab('classes', t('staff.nav.classes'))}
        {role === 'admin' && tab('admin', t('staff.nav.admin'))}
        {role !== 'assessor' && (
          <button type="button" onClick={() => appStore.getState().openEditorHome()}>
            {t('staff.nav.editor')}
          </button>
        )}
        <button type="button" onClick={() => appStore.getState().openReview()}>
          {t('staff.nav.review')}
        </button>
        <button type="button" onClick={() => appStore.getState().backToLibrary()}>
          {t('staff.nav.library')}
        </button>
      </nav>
      <RefusalNote refusal={loadError} />
      {role === 'assessor' ? (
        <AssessorClassList />
      ) : view.name === 'admin' && role === 'admin' ? (
        <AdminScreen store={staffStore} self={user.id} />
      ) : (
        <ClassesScreen store={staffStore} />
      )}
    </main>
  )
}
