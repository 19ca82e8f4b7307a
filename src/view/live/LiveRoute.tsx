import { useStore } from 'zustand'
import { appStore } from '../../state/appStore.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { currentLiveAddress, leaveLiveFor } from '../../state/live/liveRoute.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { LiveScreen } from './LiveScreen.tsx'

/**
 * The live class view at its address (`?live=<assignment>[&learner=<user>]`): for the class's
 * staff signed in; anyone else is sent to the staff sign-in.
 */
export function LiveRoute() {
  const { t } = useTranslation()
  const user = useStore(sessionStore, (s) => s.user)
  const status = useStore(sessionStore, (s) => s.status)
  // the app draws again when the address changes (liveRoute.ts)
  useStore(appStore, (s) => s.screen)
  const address = currentLiveAddress()
  if (!address) return null
  if (user && user.role !== 'learner')
    return <LiveScreen assignmentId={address.assignmentId} learnerId={address.learnerId} />
  return (
    <main className="staff-screen">
      <p role="status">{status === 'checking' ? t('staff.loading') : t('staff.signInFirst')}</p>
      <button type="button" onClick={() => leaveLiveFor(() => appStore.getState().backToLibrary())}>
        {t('staff.toLibrary')}
      </button>
    </main>
  )
}
