import { useState } from 'react'
import { useStore } from 'zustand'
import { appStore } from '../../../state/appStore.ts'
import { sessionStore } from '../../../state/classroom/sessionStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { JoinForm } from '../JoinForm.tsx'
import { SignInForm } from '../SignInForm.tsx'
import './server.css'

/**
 * The class server in the library: nothing without one (the static app); with one and nobody
 * signed in, "Join your class" and "Staff sign-in"; once signed in, who it is and "Sign out".
 */
export function ServerPanel() {
  const { t } = useTranslation()
  const status = useStore(sessionStore, (s) => s.status)
  const user = useStore(sessionStore, (s) => s.user)
  const [leaving, setLeaving] = useState(false)
  if (status === 'none' || (status === 'checking' && !user)) return null
  const signOut = async () => {
    setLeaving(true)
    await sessionStore.getState().signOut()
    appStore.getState().backToLibrary()
    setLeaving(false)
  }
  return (
    <section className="server-panel" aria-label={t('server.classServer')}>
      {status === 'unreachable' && (
        <p className="server-note" role="status">
          {user ? t('server.unreachable') : t('server.unreachableNobody')}
        </p>
      )}
      {user ? (
        <div className="signed-in">
          <p>
            <strong>{t('server.signedInAs', { name: user.name })}</strong>
            {user.role === 'learner' ? (
              <>
                {' · '}
                {t('server.learnerIdIs', { learnerId: user.learnerId ?? '' })}
                {user.className ? ` · ${t('server.classIs', { className: user.className })}` : ''}
              </>
            ) : (
              <>
                {' · '}
                {t(`server.roles.${user.role}`)}
              </>
            )}
          </p>
          {user.role !== 'learner' && (
            <button
              type="button"
              className="primary"
              onClick={() => appStore.getState().openStaff()}
            >
              {t('staff.nav.home')}
            </button>
          )}
          <button type="button" onClick={() => void signOut()} disabled={leaving}>
            {t('server.signOut')}
          </button>
        </div>
      ) : (
        status === 'online' && (
          <div className="server-forms">
            <JoinForm />
            <SignInForm />
          </div>
        )
      )}
    </section>
  )
}
