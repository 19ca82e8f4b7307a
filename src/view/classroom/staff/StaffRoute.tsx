import { useStore } from 'zustand'
import { appStore } from '../../../state/appStore.ts'
import { sessionStore } from '../../../state/classroom/sessionStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { SetupScreen } from './SetupScreen.tsx'
import { StaffScreen } from './StaffScreen.tsx'

export interface StaffRouteProps {
  /** the one-time token of a setup link the page was opened with (`/?setup=<token>`) */
  readonly setupToken?: string | null | undefined
}

/** Leaves the setup link's address, so that a reload does not show the setup again. */
function leaveSetupLink(): void {
  const url = new URL(globalThis.location.href)
  url.searchParams.delete('setup')
  globalThis.history.replaceState(null, '', url)
}

/**
 * The staff's way in: the first-start setup (from the setup link), then the staff screen of the
 * person signed in; with nobody signed in as staff, the way back to the library's sign-in.
 */
export function StaffRoute({ setupToken }: StaffRouteProps) {
  const { t } = useTranslation()
  const user = useStore(sessionStore, (s) => s.user)
  const status = useStore(sessionStore, (s) => s.status)
  if (setupToken)
    return (
      <SetupScreen
        token={setupToken}
        onDone={(made) => {
          leaveSetupLink()
          if (!made) return appStore.getState().backToLibrary()
          void sessionStore
            .getState()
            .check()
            .then(() => appStore.getState().openStaff())
        }}
      />
    )
  if (user && user.role !== 'learner') return <StaffScreen user={user} />
  return (
    <main className="staff-screen">
      <p role="status">{status === 'checking' ? t('staff.loading') : t('staff.signInFirst')}</p>
      <button type="button" onClick={() => appStore.getState().backToLibrary()}>
        {t('staff.toLibrary')}
      </button>
    </main>
  )
}
